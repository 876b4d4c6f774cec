import { afterEach, expect, it } from 'vitest';
import { ModelsLabServer } from './modelslab-server';

let server: ModelsLabServer;
afterEach(() => server?.stop());

async function post(body: unknown) {
  const response = await fetch(`${server.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', ...(body as object) }),
  });
  await response.text();
  return response.status;
}

const user = (content: unknown) => ({ role: 'user', content });
const assistant = (content: string) => ({ role: 'assistant', content });

it('in strict mode refuses, with 400, each kind of thread a strict server refuses', async () => {
  server = await new ModelsLabServer().start();
  server.strict = true;
  const malformed = [
    [user('a'), user('b')],
    [assistant('a'), user('b')],
    [user('a'), assistant('b'), assistant('c'), user('d')],
    [user('a'), { role: 'system', content: 'late' }],
    [user('a'), assistant(''), user('b')],
    [user('   ')],
    [user([{ type: 'text', text: '' }])],
    [user([{ type: 'image_url', image_url: { url: 'https://example.com/x.png' } }])],
    [user('a'), { role: 'assistant', content: [{ type: 'text', text: 'parts' }] }],
    [{ role: 'tool', content: 'x' }],
    [],
  ];
  for (const messages of malformed) expect(await post({ messages, stream: false }), JSON.stringify(messages)).toBe(400);
  expect(await post({ messages: [user('a')], stream_options: { include_usage: true } })).toBe(400);
  expect(server.rejected).toHaveLength(malformed.length + 1);
  expect(server.chatRequests()).toHaveLength(malformed.length + 1);

  const wellFormed = [
    [user('a')],
    [{ role: 'system', content: 'sys' }, user('a'), assistant('b'), user('c')],
    [user('a'), assistant('partial')],
    [
      user([
        { type: 'text', text: 'look' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AA' } },
      ]),
    ],
  ];
  for (const messages of wellFormed)
    expect(await post({ messages, stream: false }), JSON.stringify(messages)).toBe(200);
});

it('refuses a request that does not fit its context length, counting max_tokens', async () => {
  server = await new ModelsLabServer().start();
  server.contextTokens = 1000;
  expect(await post({ messages: [user('hello')], max_tokens: 900, stream: false })).toBe(200);
  expect(await post({ messages: [user('hello '.repeat(200))], max_tokens: 900, stream: false })).toBe(400);
  // Without max_tokens, ModelsLab's default of 1000 is what the request asks for.
  expect(await post({ messages: [user('hello')], stream: false })).toBe(400);
  expect(server.rejected.map((r) => r.reason)).toEqual([
    expect.stringContaining('maximum context length is 1000 tokens'),
    expect.stringContaining('maximum context length is 1000 tokens'),
  ]);
});
