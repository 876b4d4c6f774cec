import type { BaseUrlChange } from '../../shared/contract';
import { originOf, parseBaseUrl } from '../../shared/base-url';
import { DEFAULT_BASE_URL } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import type { AskUser } from '../desktop/ask';
import { baseUrlQuestion } from '../desktop/dialogs';
import { wordsIn } from '../i18n';
import type { SettingsStore } from './settings-store';
import type { KeyManager } from '../keys/key-manager';

type Env = Record<string, string | undefined>;

/** Where requests go: MODELSLAB_BASE_URL (which wins), then the setting, then ModelsLab's own endpoint. */
export function effectiveBaseUrl(env: Env, setting: string | null | undefined): string {
  return parseBaseUrl(env.MODELSLAB_BASE_URL) ?? parseBaseUrl(setting) ?? DEFAULT_BASE_URL;
}

export type BaseUrlAnswer = 'cancel' | 'switch' | 'carry';

const ANSWERS: BaseUrlAnswer[] = ['cancel', 'switch', 'carry'];

export interface BaseUrlChangeDeps {
  env: Env;
  settings: SettingsStore;
  keys: KeyManager;
  ask: AskUser;
}

/**
 * The window only asks; main decides. A change within the same origin applies at once. A move to another origin
 * is confirmed in main's own dialog, and the key stays bound to its old origin unless the user carries it over.
 */
export async function changeBaseUrl(deps: BaseUrlChangeDeps, requested: string | null): Promise<BaseUrlChange> {
  const { env, settings, keys } = deps;
  const next = requested === null ? null : parseBaseUrl(requested);
  if (requested !== null && next === null) throw new ApiError(appError('bad_input', 'That base URL is not valid.'));
  const saved = settings.get().values.baseUrl;
  const from = originOf(effectiveBaseUrl(env, saved));
  const to = originOf(effectiveBaseUrl(env, next));
  const result = async (outcome: BaseUrlChange['outcome']): Promise<BaseUrlChange> => ({
    outcome,
    settings: settings.get(),
    key: await keys.status(),
  });
  if (next === saved) return result('unchanged');
  if (from === to) {
    settings.update({ baseUrl: next });
    return result('changed');
  }
  const carriable = await keys.carriable(from);
  const question = baseUrlQuestion(wordsIn(settings.get().language), { from, to, carriable });
  const answer = ANSWERS[await deps.ask(question)] ?? 'cancel';
  if (answer === 'cancel' || (answer === 'carry' && !carriable)) return result('cancelled');
  settings.update({ baseUrl: next });
  keys.originChanged();
  if (answer === 'carry') await keys.carry(from, to);
  return result('changed');
}
