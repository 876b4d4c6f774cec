import type OpenAI from 'openai';
import type { KeyCheck } from '../../shared/contract';
import { ApiError, toAppError } from '../../shared/errors';
import { toChatError } from '../chat/to-chat-error';
import type { BoundKey } from './key-provider';

export interface KeyCheckDeps {
  listModels(key: BoundKey): Promise<string[]>;
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
    const code = error instanceof ApiError ? error.code : null;
    if (code !== 'not_found' && code !== 'bad_response' && code !== 'bad_request') {
      return { ok: false, error: toAppError(error) };
    }
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
