import { afterEach, describe, expect, it } from 'vitest';
import { startChat } from '../../../test/chat-harness';
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
