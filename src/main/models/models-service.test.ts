import { afterEach, describe, expect, it } from 'vitest';
import { input, startChat } from '../../../test/chat-harness';
import { MemorySecretStore } from '../keys/memory-store';

let ctx: Awaited<ReturnType<typeof startChat>>;
afterEach(() => ctx?.server.stop());

describe('the model list', () => {
  it('is fetched from the server, with the vision models marked', async () => {
    ctx = await startChat();
    const list = await ctx.services.models.list();
    expect(list.error).toBeNull();
    expect(list.fetchedAt).not.toBeNull();
    expect(list.models).toContainEqual({
      id: 'Qwen/Qwen2.5-VL-72B-Instruct-together',
      vision: true,
      contextLength: null,
    });
    expect(list.models).toContainEqual({ id: 'meta-llama-3-8B-instruct', vision: false, contextLength: null });
  });

  it('is asked of the server once while a fetch is on the way, however often the window asks', async () => {
    ctx = await startChat();
    const lists = await Promise.all([1, 2, 3].map(() => ctx.services.models.list()));
    expect(new Set(lists).size).toBe(1);
    const asked = () => ctx.server.requests.filter((r) => r.path.endsWith('/models')).length;
    const once = asked();
    expect(once).toBeGreaterThan(0);
    await ctx.services.models.list();
    expect(asked()).toBe(2 * once);
  });

  it('comes from the cache when the server cannot be reached', async () => {
    ctx = await startChat();
    const fresh = await ctx.services.models.list();
    await ctx.server.stop();
    const offline = await ctx.services.models.list();
    expect(offline.models).toEqual(fresh.models);
    expect(offline.fetchedAt).toBe(fresh.fetchedAt);
    expect(offline.error?.code).toBe('network');
  });

  it('says a key is needed when there is none, and offers what it had', async () => {
    ctx = await startChat({ env: { MODELSLAB_BASE_URL: 'http://127.0.0.1:9' }, secrets: new MemorySecretStore() });
    const list = await ctx.services.models.list();
    expect(list).toEqual({ models: [], fetchedAt: null, error: expect.objectContaining({ code: 'no_key' }) });
  });
});

describe('the models request', () => {
  it('reads each model’s context length from the list when it states one', async () => {
    ctx = await startChat();
    ctx.server.nextModels({
      kind: 'json',
      status: 200,
      body: { data: [{ id: 'long-model', context_length: 32_768 }, { id: 'short-model' }, 'bare-id'] },
    });
    expect((await ctx.services.models.list()).models).toEqual([
      { id: 'bare-id', vision: false, contextLength: null },
      { id: 'long-model', vision: false, contextLength: 32_768 },
      { id: 'short-model', vision: false, contextLength: null },
    ]);
  });

  const failures: [string, unknown, number, object][] = [
    ['a rate limit', { error: { message: 'Slow down', retry_after: 3 } }, 429, { retryAfter: 3, status: 429 }],
    ['ModelsLab’s legacy error shape', { status: 'error', messege: 'Invalid key' }, 401, { status: 401 }],
    ['an error body with HTTP 200', { status: 'error', message: 'Out of credits' }, 200, {}],
  ];
  it.each(failures)('maps %s exactly as the chat does, and stops there', async (_name, body, status, extra) => {
    ctx = await startChat();
    ctx.server.nextModels({ kind: 'json', status, body });
    const { error } = await ctx.services.models.list();
    ctx.server.next({ kind: 'json', status, body });
    const sent = await ctx.services.chat.send(ctx.sender, input('Hi'));
    const final = await ctx.sender.end(sent.assistantMessage.id);
    expect(error).toMatchObject(extra);
    expect(error).toEqual(final.error);
    // `/models`, which this server has not, then `/v1/models`, whose answer is final.
    expect(ctx.server.requests.filter((r) => r.path.endsWith('/models')).map((r) => r.path)).toEqual([
      '/api/v7/llm/models',
      '/api/v7/llm/v1/models',
    ]);
  });
});
