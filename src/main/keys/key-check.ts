import type OpenAI from 'openai';
import type { KeyCheck } from '../../shared/contract';
import { toAppError } from '../../shared/errors';
import { toChatError } from '../chat/to-chat-error';
import { isMissingEndpoint } from '../models/fetch-models';
import type { BoundKey } from './key-provider';

export interface KeyCheckDeps {
  /** Any authenticated call to the models list. */
  listModels(key: BoundKey): Promise<unknown>;
  client(key: BoundKey): OpenAI;
}

/**
 * A cheap authenticated call: the models list; where the server has no models endpoint, a one-token completion.
 */
export async function checkKey(deps: KeyCheckDeps, apiKey: BoundKey, model: string): Promise<KeyCheck> {
  try {
    await deps.listModels(apiKey);
    return { ok: true, error: null };
  } catch (error) {
    if (!isMissingEndpoint(error)) return { ok: false, error: toAppError(error) };
  }
  try {
    await deps.client(apiKey).chat.completions.create({
      model,
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 1,
      stream: false,
    });
    return { ok: true, error: null };
  } catch (error) {
    return { ok: false, error: toChatError(error, false, apiKey.key) };
  }
}
