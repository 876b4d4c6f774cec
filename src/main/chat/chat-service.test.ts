import { afterEach, describe, expect, it } from 'vitest';
import { chunked, type Behaviour } from '../../../test/modelslab-server';
import { input, startChat } from '../../../test/chat-harness';
import { MemoryAttachmentStore } from '../attachments/attachment-store';
import { ChatService } from './chat-service';

type Ctx = Awaited<ReturnType<typeof startChat>>;
let ctx: Ctx;

afterEach(async () => ctx?.server.stop());

async function sendAndEnd(behaviour: Behaviour | null, content = 'Hello there') {
  if (behaviour) ctx.server.next(behaviour);
  const result = await ctx.services.chat.send(ctx.sender, input(content));
  const final = await ctx.sender.end(result.assistantMessage.id);
  return { result, final };
}

describe('streaming a reply', () => {
  it('streams the reply in several coalesced deltas and saves it as done', async () => {
    ctx = await startChat();
    const chunks = chunked('one two three four five six seven eight nine ten eleven twelve', 1);
    ctx.server.next({ kind: 'stream', chunks, delayMs: 30, keepAlive: true, usage: true });
    const { result, final } = await sendAndEnd(null);

    const events = ctx.sender.chatEvents(result.assistantMessage.id);
    const deltas = events.filter((e) => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.map((e) => (e.type === 'delta' ? e.text : '')).join('')).toBe(chunks.join(''));
    expect(final).toMatchObject({ status: 'done', content: chunks.join(''), error: null });
    expect(final.usage).toEqual({ promptTokens: 12, completionTokens: chunks.length });
    expect(ctx.services.history.listMessages(result.conversation.id).map((m) => m.content)).toEqual([
      'Hello there',
      chunks.join(''),
    ]);
  });

  it('sends at most one delta per frame when chunks arrive faster than that', async () => {
    ctx = await startChat();
    const chunks = chunked('a '.repeat(400), 1);
    ctx.server.next({ kind: 'stream', chunks, delayMs: 0 });
    const { result, final } = await sendAndEnd(null);
    const times = ctx.sender.events.filter((e) => (e.payload as { type: string }).type === 'delta').map((e) => e.at);
    expect(final.content).toBe(chunks.join(''));
    expect(times.length).toBeLessThan(chunks.length / 4);
    // The last delta is flushed at once when the stream ends; the ones before wait for their frame.
    for (let i = 1; i < times.length - 1; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(10);
    expect(result.assistantMessage.status).toBe('streaming');
  });

  it('sends the first delta of a reply at once, without waiting for a frame', async () => {
    // A long frame makes the difference plain: a coalesced first delta would wait a whole frame.
    ctx = await startChat();
    const { history, keys, client } = ctx.services;
    const chat = new ChatService({ history, keys, client, attachments: new MemoryAttachmentStore(), frameMs: 2_000 });
    ctx.server.next({ kind: 'stream', chunks: ['First', ' second', ' third'], delayMs: 300 });
    const started = performance.now();
    const result = await chat.send(ctx.sender, input('Hello'));
    const first = await ctx.sender.waitFor(() =>
      ctx.sender.events.find((e) => (e.payload as { type: string }).type === 'delta'),
    );
    expect(first.payload).toMatchObject({ text: 'First' });
    expect(first.at - started).toBeLessThan(1_000);
    // The chunks after it, within the frame, are coalesced into the next event.
    const final = await ctx.sender.end(result.assistantMessage.id);
    expect(final.content).toBe('First second third');
  });

  it('accepts a first delta with role, and one without', async () => {
    ctx = await startChat();
    const a = await sendAndEnd({ kind: 'stream', chunks: ['Hi', ' you'], role: true });
    const b = await sendAndEnd({ kind: 'stream', chunks: ['Hi', ' again'], role: false });
    expect([a.final.content, b.final.content]).toEqual(['Hi you', 'Hi again']);
  });

  it('sends the whole conversation with the system prompt and parameters', async () => {
    ctx = await startChat();
    const first = await ctx.services.chat.send(ctx.sender, input('First question'));
    await ctx.sender.end(first.assistantMessage.id);
    const second = await ctx.services.chat.send(
      ctx.sender,
      input('Second question', {
        conversationId: first.conversation.id,
        systemPrompt: 'Be brief.',
        params: { temperature: 0.3, max_tokens: 64, top_p: 0.9, presence_penalty: 1, frequency_penalty: -1 },
      }),
    );
    await ctx.sender.end(second.assistantMessage.id);
    const body = ctx.server.chatRequests().at(-1)!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      model: 'meta-llama/Llama-3.1-70B-Instruct',
      stream: true,
      temperature: 0.3,
      max_tokens: 64,
      top_p: 0.9,
      presence_penalty: 1,
      frequency_penalty: -1,
    });
    const messages = body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[0]!.content).toBe('Be brief.');
    expect(messages[3]!.content).toBe('Second question');
    expect(ctx.server.chatRequests().at(-1)!.headers.authorization).toBe(`Bearer ${ctx.server.apiKey}`);
  });

  it('saves the growing reply before it ends', async () => {
    ctx = await startChat();
    ctx.server.next({ kind: 'stream', chunks: ['Partial ', 'text '], hang: true });
    const { assistantMessage } = await ctx.services.chat.send(ctx.sender, input('Hi'));
    const saved = await ctx.sender.waitFor(() => {
      const m = ctx.services.history.listMessages(assistantMessage.conversationId).at(-1);
      return m?.content === 'Partial text ' ? m : undefined;
    });
    expect(saved.status).toBe('streaming');
    ctx.services.chat.stop(assistantMessage.id);
    await ctx.sender.end(assistantMessage.id);
  });
});

describe('stopping', () => {
  it('keeps the partial text, marks it stopped and closes the request', async () => {
    ctx = await startChat();
    ctx.server.next({ kind: 'stream', chunks: ['Some ', 'partial ', 'answer'], hang: true });
    const { assistantMessage } = await ctx.services.chat.send(ctx.sender, input('Tell me a story'));
    await ctx.sender.waitFor(
      () =>
        ctx.sender.chatEvents(assistantMessage.id).some((e) => e.type === 'delta' && e.text.includes('answer')) ||
        undefined,
    );
    ctx.services.chat.stop(assistantMessage.id);
    const final = await ctx.sender.end(assistantMessage.id);
    expect(final).toMatchObject({ status: 'stopped', content: 'Some partial answer', error: null });
    const request = ctx.server.chatRequests().at(-1)!;
    await request.finished;
    expect(request.closedEarly).toBe(true);
    expect(ctx.services.chat.isRunning(assistantMessage.id)).toBe(false);
  });
});

describe('errors', () => {
  const cases: [string, Behaviour, Record<string, unknown>][] = [
    [
      '401 invalid key',
      { kind: 'json', status: 401, body: { error: { message: 'Invalid API key', type: 'auth', code: 'invalid_key' } } },
      { code: 'invalid_key', status: 401, message: 'Invalid API key' },
    ],
    [
      '402 in the legacy shape',
      { kind: 'json', status: 402, body: { status: 'error', message: 'Insufficient credits' } },
      { code: 'insufficient_credits', status: 402, message: 'Insufficient credits' },
    ],
    [
      'the legacy misspelling',
      { kind: 'json', status: 400, body: { status: 'error', messege: 'Model is required' } },
      { code: 'bad_request', status: 400, message: 'Model is required' },
    ],
    [
      '429 with retry_after in the body',
      { kind: 'json', status: 429, body: { error: { message: 'Too many concurrent requests', retry_after: 7 } } },
      { code: 'rate_limited', status: 429, retryAfter: 7 },
    ],
    [
      '429 with a Retry-After header',
      { kind: 'json', status: 429, body: { status: 'error', message: 'Slow down' }, headers: { 'retry-after': '12' } },
      { code: 'rate_limited', retryAfter: 12, message: 'Slow down' },
    ],
    [
      '500',
      { kind: 'json', status: 500, body: { error: { message: 'Internal error' } } },
      { code: 'server_error', status: 500 },
    ],
    ['503 with no body', { kind: 'json', status: 503, body: '' }, { code: 'server_error', status: 503 }],
    [
      'an error on HTTP 200',
      { kind: 'json', status: 200, body: { status: 'error', message: 'Model not available right now' } },
      { code: 'api_error', message: 'Model not available right now' },
    ],
  ];

  it.each(cases)('%s becomes a specific error', async (_name, behaviour, expected) => {
    ctx = await startChat();
    // A 400 is asked once more without stream_options (some servers refuse only that); refused again, it stands.
    if (behaviour.kind === 'json' && behaviour.status === 400) ctx.server.next(behaviour);
    const { final } = await sendAndEnd(behaviour);
    expect(final.status).toBe('error');
    expect(final.error).toMatchObject(expected);
  });

  const midStream: [string, Behaviour, string][] = [
    [
      'an error event after HTTP 200',
      {
        kind: 'stream',
        chunks: ['Half ', 'an '],
        then: { errorEvent: { error: { message: 'Upstream model crashed' } } },
      },
      'api_error',
    ],
    [
      'ModelsLab’s own error shape as an event',
      {
        kind: 'stream',
        chunks: ['Half ', 'an '],
        then: { errorEvent: { status: 'error', message: 'Out of capacity' } },
      },
      'api_error',
    ],
    ['a malformed chunk', { kind: 'stream', chunks: ['Half ', 'an '], then: { malformed: true } }, 'bad_response'],
    ['a dropped connection', { kind: 'stream', chunks: ['Half ', 'an '], then: { drop: true } }, 'connection_lost'],
  ];

  it.each(midStream)('%s keeps the partial text', async (_name, behaviour, code) => {
    ctx = await startChat();
    const { final } = await sendAndEnd(behaviour);
    expect(final).toMatchObject({ status: 'error', content: 'Half an ' });
    expect(final.error?.code).toBe(code);
  });

  it('reports an unreachable server as a network error', async () => {
    ctx = await startChat();
    const baseUrl = ctx.server.baseUrl;
    await ctx.server.stop();
    ctx = await startChat({ env: { MODELSLAB_API_KEY: 'k-123456', MODELSLAB_BASE_URL: baseUrl } });
    const { final } = await sendAndEnd(null);
    expect(final.error?.code).toBe('network');
  });

  it('never puts the key into an error message', async () => {
    ctx = await startChat();
    const { final } = await sendAndEnd({
      kind: 'json',
      status: 401,
      body: { error: { message: `Key ${ctx.server.apiKey} is not valid` } },
    });
    expect(final.error?.message).toBe('Key [redacted] is not valid');
  });

  it('refuses to send without a key and saves nothing', async () => {
    ctx = await startChat({ env: {} });
    await expect(ctx.services.chat.send(ctx.sender, input('Hi'))).rejects.toMatchObject({ code: 'no_key' });
    expect(ctx.services.history.listConversations()).toEqual([]);
    expect(ctx.server.requests).toEqual([]);
  });

  it('stays usable after an error', async () => {
    ctx = await startChat();
    await sendAndEnd({ kind: 'json', status: 500, body: { error: { message: 'boom' } } });
    const { final } = await sendAndEnd(null, 'Again');
    expect(final.status).toBe('done');
    expect(final.content).toContain('You said: Again');
  });
});

describe('reply facts', () => {
  it('records time to first token, total time and chunk count', async () => {
    ctx = await startChat();
    const { final } = await sendAndEnd({ kind: 'stream', chunks: ['a ', 'b ', 'c'], delayMs: 40, usage: true });
    expect(final.stats?.chunks).toBe(3);
    expect(final.stats?.firstTokenMs).toBeGreaterThanOrEqual(0);
    expect(final.stats!.totalMs).toBeGreaterThanOrEqual(final.stats!.firstTokenMs! + 60);
    expect(final.usage).toEqual({ promptTokens: 12, completionTokens: 3 });
  });

  it('has no first token when nothing arrived', async () => {
    ctx = await startChat();
    const { final } = await sendAndEnd({ kind: 'json', status: 500, body: { error: { message: 'x' } } });
    expect(final.stats).toMatchObject({ firstTokenMs: null, chunks: 0 });
  });
});
