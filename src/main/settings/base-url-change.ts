import type { BaseUrlChange } from '../../shared/contract';
import { isExposedBaseUrl, originOf, parseBaseUrl } from '../../shared/base-url';
import { DEFAULT_BASE_URL } from '../../shared/domain';
import { ApiError, appError } from '../../shared/errors';
import type { AskUser, MessageBox } from '../desktop/ask';
import type { SettingsStore } from './settings-store';
import type { KeyManager } from '../keys/key-manager';

type Env = Record<string, string | undefined>;

/** Where requests go: MODELSLAB_BASE_URL (which wins), then the setting, then ModelsLab's own endpoint. */
export function effectiveBaseUrl(env: Env, setting: string | null | undefined): string {
  return parseBaseUrl(env.MODELSLAB_BASE_URL) ?? parseBaseUrl(setting) ?? DEFAULT_BASE_URL;
}

export interface BaseUrlQuestion {
  from: string;
  to: string;
  /** The key that could go along, when there is one the user may carry over (not one from the environment). */
  carriable: { hint: string } | null;
}

export type BaseUrlAnswer = 'cancel' | 'switch' | 'carry';

const ANSWERS: BaseUrlAnswer[] = ['cancel', 'switch', 'carry'];

/** The native confirmation for a move to another origin; Cancel is first, the default and the Esc answer. */
function baseUrlQuestion({ from, to, carriable }: BaseUrlQuestion): MessageBox {
  const exposed = isExposedBaseUrl(to);
  const detail = [
    `Requests go to ${from} now.`,
    exposed
      ? `${to} is plain HTTP and not this computer: everything sent there, an API key included, crosses the network ` +
        'unencrypted and can be read or changed on the way.'
      : null,
    carriable
      ? `Your API key (ending in ${carriable.hint}) stays bound to ${from}. You will be asked for a key for ${to}, ` +
        'unless you choose to send this key there too.'
      : `You will need an API key for ${to}.`,
    'If you did not ask for this change, choose Cancel.',
  ];
  return {
    type: exposed ? 'warning' : 'question',
    title: 'Change where requests go',
    message: `Send your chats to ${to}?`,
    detail: detail.filter(Boolean).join('\n\n'),
    buttons: ['Cancel', 'Switch, I will enter a key', ...(carriable ? [`Switch and send my key to ${to}`] : [])],
    defaultId: 0,
    cancelId: 0,
  };
}

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
  const answer = ANSWERS[await deps.ask(baseUrlQuestion({ from, to, carriable }))] ?? 'cancel';
  if (answer === 'cancel' || (answer === 'carry' && !carriable)) return result('cancelled');
  settings.update({ baseUrl: next });
  keys.originChanged();
  if (answer === 'carry') await keys.carry(from, to);
  return result('changed');
}
