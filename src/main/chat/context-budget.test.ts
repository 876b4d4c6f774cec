import type { HistoryDatabase } from '../history/database';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContextQuery } from '../../shared/contract';
import type { Message } from '../../shared/domain';
import { DEFAULT_MAX_TOKENS } from '../../shared/context';
import { input, startChat } from '../../../test/chat-harness';
import type { Behaviour } from '../../../test/modelslab-server';
import { poll } from '../../../test/poll';
import { requestedTokens } from '../../../test/strict-thread';
import { tokenCounter } from './token-count';

type Ctx = Awaited<ReturnType<typeof startChat>>;
let ctx: Ctx;
afterEach(async () => {
  // Every request the app made was one a strict server accepts, unless a test expected otherwise.
  expect(ctx.server.rejected.map((r) => r.reason)).toEqual([]);
  await ctx.server.stop();
});

const MODEL = 'meta-llama-3-8B-instruct';

async function strictChat(contextTokens: number | null = null) {
  ctx = await startChat();
  ctx.server.strict = true;
  ctx.server.contextTokens = contextTokens;
  return ctx;
}

/** A conversation of `turns` question/answer pairs written straight into history, as an old chat would be. */
function seed(turns: number, words = 60) {
  const { history } = ctx.services;
  const conversation = history.createConversation({ title: 'Long', model: MODEL, params: {}, systemPrompt: '' });
  let parentId: string | null = null;
  for (let i = 0; i < turns * 2; i++) {
    const role = i % 2 ? 'assistant' : 'user';
    const content = `${role} turn ${i >> 1}: ${'lorem ipsum dolor '.repeat(words / 3)}`;
    parentId = history.addMessage({
      conversationId: conversation.id,
      parentId,
      role,
      content,
      status: 'done',
      model: null,
    }).id;
  }
  return history.updateConversation(conversation.id, { leafId: parentId });
}

async function send(content: string, conversationId: string | null, extra = {}) {
  const sent = await ctx.services.chat.send(ctx.sender, input(content, { conversationId, model: MODEL, ...extra }));
  return { sent, final: await ctx.sender.end(sent.assistantMessage.id) };
}

const view = (conversationId: string | null, extra: Partial<ContextQuery> = {}) =>
  ctx.services.chat.context({ conversationId, model: MODEL, params: {}, systemPrompt: '', ...extra });

describe('a long conversation against a 4,096-token model', () => {
  it('sends the newest turns that fit, counts old messages once, and says where the context starts', async () => {
    await strictChat(4096);
    const conversation = seed(300);
    const before = await view(conversation.id);
    expect(before).toMatchObject({ contextLength: 8192, source: 'table', maxTokens: DEFAULT_MAX_TOKENS });

    const { final } = await send('And what now?', conversation.id, {
      context: { contextLength: 4096, sendLast: null },
    });
    expect(final.status).toBe('done');
    const body = ctx.server.chatRequests().at(-1)!.body as Parameters<typeof requestedTokens>[0];
    expect(requestedTokens(body, await tokenCounter())).toBeLessThanOrEqual(4096);
    expect(body.messages.length).toBeGreaterThan(4);
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'And what now?' });

    const after = await view(conversation.id);
    expect(after).toMatchObject({ contextLength: 4096, source: 'conversation', limit: 4096 - DEFAULT_MAX_TOKENS });
    // 600 seeded messages and the new turn; the view keeps room for the next message.
    expect(after.notSent).toBeGreaterThan(550);
    expect(after.baseTokens + after.turnTokens.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(after.limit);
    const first = ctx.services.history.getMessage(after.firstSentId!)!;
    expect(first.role).toBe('user');
    expect(ctx.services.history.countAbove(first.id)).toBe(after.notSent);
    // Only the messages the budget read were counted, and the counts were kept.
    const counted = ctx.services.history.listMessages(conversation.id).filter((m) => m.tokens !== null);
    expect(counted.length).toBeGreaterThan(10);
    expect(counted.length).toBeLessThan(300);
  });

  it('sends the last N messages when the chat says so', async () => {
    await strictChat();
    const conversation = seed(10);
    await send('Short memory', conversation.id, { context: { contextLength: null, sendLast: 3 } });
    const body = ctx.server.chatRequests().at(-1)!.body as { messages: { content: string }[] };
    expect(body.messages.map((m) => m.content.slice(0, 18))).toEqual([
      'user turn 9: lorem',
      'assistant turn 9: ',
      'Short memory',
    ]);
    expect(ctx.services.history.getConversation(conversation.id)).toMatchObject({ sendLast: 3 });
  });

  it('takes the context length from the server’s model list when it has one', async () => {
    await strictChat();
    ctx.server.nextModels({ kind: 'json', status: 200, body: { data: [{ id: MODEL, context_length: 2048 }] } });
    await ctx.services.models.list();
    expect(await view(null)).toMatchObject({ contextLength: 2048, source: 'server', notSent: 0, firstSentId: null });
    expect(await view(null, { model: 'brand-new-model' })).toMatchObject({ contextLength: 8192, source: 'default' });
  });
});

describe('a thread whose parent links loop (a hostile import)', () => {
  it('is budgeted all the same, and the request still goes', async () => {
    await strictChat();
    const at = 1;
    const message = (id: string, parentId: string | null, role: 'user' | 'assistant', content: string) =>
      ({ id, parentId, role, content, status: 'done', createdAt: at, updatedAt: at }) as Message;
    ctx.services.history.merge([
      {
        conversation: { ...seed(0), id: 'loop', leafId: 'b' },
        messages: [message('a', null, 'user', ''), message('b', 'a', 'assistant', '')],
      },
    ]);
    // Imports refuse loops, so the loop is planted straight into SQLite, as a hand-edited file would hold it.
    const { db } = ctx.services.history as unknown as { db: HistoryDatabase };
    db.sql('UPDATE messages SET parent_id = ? WHERE id = ?').run('b', 'a');
    expect(ctx.services.history.getMessage('a')!.parentId).toBe('b');
    const view = await ctx.services.chat.context({
      conversationId: 'loop',
      model: MODEL,
      params: {},
      systemPrompt: '',
    });
    expect(view.firstSentId).toBeNull();
    const { final } = await send('Still works?', 'loop');
    expect(final.status).toBe('done');
  });
});

describe('token counts', () => {
  it('are counted when a message is saved', async () => {
    await strictChat();
    const count = await tokenCounter();
    const { sent, final } = await send('How many tokens is this question?', null);
    expect(ctx.services.history.getMessage(sent.userMessage.id)!.tokens).toBe(
      count('How many tokens is this question?'),
    );
    expect(final.tokens).toBe(count(final.content));
  });
});

describe('a strict server accepts the next request', () => {
  const failures: [string, Behaviour][] = [
    ['a 503', { kind: 'json', status: 503, body: { status: 'error', message: 'Busy' } }],
    [
      'an error event mid-stream',
      { kind: 'stream', chunks: ['Half ', 'of it'], then: { errorEvent: { error: { message: 'x' } } } },
    ],
    ['a dropped connection', { kind: 'stream', chunks: ['Half ', 'of it'], then: { drop: true } }],
  ];

  it.each(failures)('after %s, leaving the failed reply out', async (_name, behaviour) => {
    await strictChat();
    ctx.server.next(behaviour);
    const first = await send('First question', null);
    expect(first.final.status).toBe('error');
    const second = await send('Second question', first.sent.conversation.id);
    expect(second.final.status).toBe('done');
    const body = ctx.server.chatRequests().at(-1)!.body as { messages: unknown[] };
    expect(body.messages).toEqual([{ role: 'user', content: 'First question\n\nSecond question' }]);
  });

  it('after a reply stopped before any text', async () => {
    await strictChat();
    ctx.server.next({ kind: 'stream', chunks: [], hang: true });
    const sent = await ctx.services.chat.send(ctx.sender, input('First', { model: MODEL }));
    await ctx.sender.waitFor(() => ctx.server.chatRequests().length || undefined);
    ctx.services.chat.stop(sent.assistantMessage.id);
    expect(await ctx.sender.end(sent.assistantMessage.id)).toMatchObject({ status: 'stopped', content: '' });
    expect((await send('Second', sent.conversation.id)).final.status).toBe('done');
  });

  it('and Continue sends a failed partial reply last, so the model carries on', async () => {
    await strictChat();
    ctx.server.next({ kind: 'stream', chunks: ['The answer ', 'is'], then: { drop: true } });
    const { final } = await send('What is it?', null);
    ctx.server.next({ kind: 'stream', chunks: [' forty-two.'] });
    await ctx.services.chat.continue(ctx.sender, final.id);
    expect(await ctx.sender.end(final.id, 2)).toMatchObject({ status: 'done', content: 'The answer is forty-two.' });
    const body = ctx.server.chatRequests().at(-1)!.body as { messages: unknown[] };
    expect(body.messages).toEqual([
      { role: 'user', content: 'What is it?' },
      { role: 'assistant', content: 'The answer is' },
    ]);
  });
});

describe('how a reply ended', () => {
  it('is kept; a reply cut at max_tokens can be continued with a higher limit', async () => {
    await strictChat();
    ctx.server.next({ kind: 'stream', chunks: ['Once upon ', 'a time'], finish: 'length' });
    const { sent, final } = await send('Tell a story', null, { params: { max_tokens: 4 } });
    expect(final).toMatchObject({ status: 'done', finishReason: 'length' });
    ctx.server.next({ kind: 'stream', chunks: [' there was a cat.'] });
    await ctx.services.chat.continue(ctx.sender, final.id, { maxTokens: 8 });
    expect(await ctx.sender.end(final.id, 2)).toMatchObject({
      content: 'Once upon a time there was a cat.',
      finishReason: 'stop',
    });
    expect(ctx.server.chatRequests().at(-1)!.body).toMatchObject({ max_tokens: 8 });
    expect(ctx.services.history.getConversation(sent.conversation.id)!.params).toEqual({ max_tokens: 8 });
    await expect(ctx.services.chat.continue(ctx.sender, final.id)).rejects.toMatchObject({ code: 'bad_input' });
  });

  it('records a content filter', async () => {
    await strictChat();
    ctx.server.next({ kind: 'stream', chunks: ['I can'], finish: 'content_filter' });
    expect((await send('Something', null)).final).toMatchObject({ status: 'done', finishReason: 'content_filter' });
  });
});

describe('usage', () => {
  it('is asked for, so a server that sends it only on request sends it', async () => {
    await strictChat();
    ctx.server.usageOnRequest = true;
    const { final } = await send('Count me', null);
    expect(ctx.server.chatRequests().at(-1)!.body).toMatchObject({ stream_options: { include_usage: true } });
    expect(final.usage).toEqual({ promptTokens: 12, completionTokens: expect.any(Number) });
  });

  it('is not asked of a server that refused the option, once it has: per base URL', async () => {
    await strictChat();
    ctx.server.refuseStreamOptions = true;
    const first = await send('One', null);
    expect(first.final.status).toBe('done');
    await send('Two', first.sent.conversation.id);
    const bodies = ctx.server.chatRequests().map((r) => r.body as Record<string, unknown>);
    expect(bodies.map((b) => 'stream_options' in b)).toEqual([true, false, false]);
    expect(ctx.server.rejected.map((r) => r.reason)).toEqual(['Unknown parameter: stream_options']);
    ctx.server.rejected.length = 0;
  });
});

describe('after a rate limit', () => {
  it('Retry (and Regenerate) is refused until the wait the server asked for has passed', async () => {
    await strictChat();
    ctx.server.next({ kind: 'json', status: 429, body: { error: { message: 'Slow down', retry_after: 1 } } });
    const { final } = await send('Hi', null);
    expect(final.error).toMatchObject({ code: 'rate_limited', retryAfter: 1 });
    await expect(ctx.services.chat.retry(ctx.sender, final.id)).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfter: 1,
    });
    const settings = { model: MODEL, params: {}, systemPrompt: '' };
    await expect(ctx.services.chat.regenerate(ctx.sender, { messageId: final.id, ...settings })).rejects.toMatchObject({
      code: 'rate_limited',
    });
    expect(ctx.server.chatRequests()).toHaveLength(1);
    const again = await poll('the wait to be over', () =>
      ctx.services.chat.retry(ctx.sender, final.id).catch((error: { code?: string }) => {
        if (error.code === 'rate_limited') return undefined;
        throw error;
      }),
    );
    expect((await ctx.sender.end(again.id)).status).toBe('done');
  });
});
