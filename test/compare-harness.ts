import type { CompareInput } from '../src/shared/compare';
import type { ModelsLabServer } from './modelslab-server';

/** Models the compare tests script one by one on the test server. */
export const FAST = 'meta-llama-3-8B-instruct';
export const SLOW = 'meta-llama/Llama-3.1-70B-Instruct';
export const BROKE = 'Qwen/Qwen2.5-VL-72B-Instruct-together';
export const CUT = 'mistralai/Mistral-7B-Instruct-v0.3';

export function compareInput(content: string, extra: Partial<CompareInput> = {}): CompareInput {
  return {
    conversationId: null,
    content,
    systemPrompt: '',
    params: {},
    columns: [{ model: FAST }, { model: SLOW }],
    ...extra,
  };
}

type Body = { model: string; messages: { role: string; content: unknown }[]; temperature?: number };

/** The chat requests the server received, as their bodies. */
export const bodiesOf = (server: ModelsLabServer) => server.chatRequests().map((r) => r.body as Body);
