/**
 * The cost of a context budget for the bench's 5,000-message conversation: the request builder on the whole thread
 * in memory, and the whole path from the database (reading the end of the thread as far as the budget reaches,
 * token counts already stored). The baselines are what a send did before there was a budget: read every message
 * of the conversation, walk the thread, and put all of it in the request.
 */
import type { Message } from '../src/shared/domain';
import { threadOf } from '../src/shared/thread';
import { MemoryAttachmentStore } from '../src/main/attachments/attachment-store';
import { buildRequest } from '../src/main/chat/request-builder';
import { RequestContext, type ChatSettings } from '../src/main/chat/request-context';
import { tokenCounter } from '../src/main/chat/token-count';
import type { SqliteHistory } from '../src/main/history/sqlite-history';
import { Samples } from './bench-timing';

export interface BudgetFigures {
  inMemory: Samples;
  oldBody: number[];
  fromDb: { label: string; ours: Samples; firstMs: number }[];
  oldRead: number[];
  sent: string;
}

/** What a request carried before: every message with text. */
function oldBody(thread: Message[]) {
  return thread.filter((m) => m.content && m.role !== 'system').map((m) => ({ role: m.role, content: m.content }));
}

export async function budgetBench(store: SqliteHistory, conversationId: string, runs = 300): Promise<BudgetFigures> {
  const count = await tokenCounter();
  const leafId = store.pageMessages(conversationId, { limit: 1 }).messages.at(-1)!.id;
  const base = { params: {}, systemPrompt: 'You are a helpful assistant.', contextLength: null, sendLast: null };
  const big: ChatSettings = { ...base, model: 'meta-llama/Llama-3.1-70B-Instruct' };
  const small: ChatSettings = { ...base, model: 'meta-llama-3-8B-instruct' };

  const context = new RequestContext({
    history: store,
    attachments: new MemoryAttachmentStore(),
    listedContextLength: () => null,
    includeUsage: () => true,
  });
  // As the bench data comes (and as after an import): no counts yet, so the first budget makes them. A run before
  // this one kept its counts in the cached database; they are forgotten so every run measures the same thing.
  store['db'].sql('UPDATE messages SET tokens = NULL WHERE conversation_id = ?').run(conversationId);
  const fromDb = [];
  for (const [label, settings] of [
    ['131,072-token model', big],
    ['8,192-token model', small],
  ] as const) {
    // The first budget counts what was saved without a count (the bench data has none) and keeps the counts.
    const first = performance.now();
    await context.build(leafId, settings, 'reply');
    const firstMs = performance.now() - first;
    const ours = new Samples();
    for (let i = 0; i < runs; i++) await ours.timeAsync(() => context.build(leafId, settings, 'reply'));
    fromDb.push({ label, ours, firstMs });
  }

  const thread = threadOf(store.listMessages(conversationId), leafId).map((m) => ({
    ...m,
    tokens: m.tokens ?? count(m.content),
  }));
  const budget = { contextLength: 131_072, systemTokens: count(big.systemPrompt) };
  const options = { mode: 'reply' as const, includeUsage: true, readImage: () => '' };
  const inMemory = new Samples();
  const oldBodies: number[] = [];
  const oldRead: number[] = [];
  let built = buildRequest(thread, big, budget, options);
  for (let i = 0; i < runs; i++) {
    built = inMemory.time(() => buildRequest(thread, big, budget, options));
    let t = performance.now();
    oldBody(thread);
    oldBodies.push(performance.now() - t);
    if (i % 10 === 0) {
      t = performance.now();
      oldBody(threadOf(store.listMessages(conversationId), leafId));
      oldRead.push(performance.now() - t);
    }
  }
  const sent = `${built.body.messages.length} of ${thread.length} messages, ${built.context.promptTokens} tokens`;
  return { inMemory, oldBody: oldBodies, fromDb, oldRead, sent };
}
