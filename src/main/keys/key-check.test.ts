import { afterEach, describe, expect, it } from 'vitest';
import { startChat } from '../../../test/chat-harness';

let ctx: Awaited<ReturnType<typeof startChat>>;
afterEach(() => ctx?.server.stop());

const MODEL = 'meta-llama-3-8B-instruct';

describe('testing a key', () => {
  it('accepts a good key through /v1/models after /models is not found, sending both headers', async () => {
    ctx = await startChat();
    const { keys } = ctx.services;
    expect(
      (await ctx.services.models.fetch({ key: ctx.server.apiKey, origin: new URL(ctx.server.baseUrl).origin })).map(
        (m) => m.id,
      ),
    ).toContain('meta-llama/Llama-3.1-70B-Instruct');
    const handlers = (await import('../services')).createHandlers(ctx.services);
    const check = await handlers.keys.test({ sender: ctx.sender }, { key: ctx.server.apiKey, model: MODEL });
    expect(check).toEqual({ ok: true, error: null });
    const paths = ctx.server.requests.map((r) => r.path);
    expect(paths).toContain('/api/v7/llm/models');
    expect(paths).toContain('/api/v7/llm/v1/models');
    const last = ctx.server.requests.at(-1)!;
    expect(last.headers['x-api-key']).toBe(ctx.server.apiKey);
    expect(last.headers.authorization).toBe(`Bearer ${ctx.server.apiKey}`);
    expect(await keys.status()).toMatchObject({ source: 'env' });
  });

  const cases: [string, number, unknown, string][] = [
    ['a wrong key', 401, { status: 'error', message: 'Invalid API key' }, 'invalid_key'],
    ['no credits', 402, { error: { message: 'Insufficient credits' } }, 'insufficient_credits'],
    ['a rate limit', 429, { error: { message: 'Slow down', retry_after: 3 } }, 'rate_limited'],
  ];
  it.each(cases)('reports %s', async (_name, status, body, code) => {
    ctx = await startChat();
    ctx.server.nextModels({ kind: 'json', status, body });
    const handlers = (await import('../services')).createHandlers(ctx.services);
    const check = await handlers.keys.test({ sender: ctx.sender }, { key: 'wrong-key-000000', model: MODEL });
    expect(check.ok).toBe(false);
    expect(check.error?.code).toBe(code);
    expect(JSON.stringify(check)).not.toContain('wrong-key-000000');
  });

  it('falls back to a one-token completion where the server lists no models', async () => {
    ctx = await startChat();
    ctx.server.modelsPaths = [];
    const handlers = (await import('../services')).createHandlers(ctx.services);
    expect(await handlers.keys.test({ sender: ctx.sender }, { key: null, model: MODEL })).toEqual({
      ok: true,
      error: null,
    });
    const completion = ctx.server.chatRequests().at(-1)!.body as Record<string, unknown>;
    expect(completion).toMatchObject({ model: MODEL, max_tokens: 1 });
    const bad = await handlers.keys.test({ sender: ctx.sender }, { key: 'wrong-key-000000', model: MODEL });
    expect(bad.error?.code).toBe('invalid_key');
  });

  it('reports an unreachable server as a network problem', async () => {
    ctx = await startChat();
    await ctx.server.stop();
    const handlers = (await import('../services')).createHandlers(ctx.services);
    const check = await handlers.keys.test({ sender: ctx.sender }, { key: null, model: MODEL });
    expect(check.error?.code).toBe('network');
  });
});
