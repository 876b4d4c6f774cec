import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { input, startChat } from '../../../test/chat-harness';
import { createHandlers } from '../services';

// The https server below uses a certificate made for this test; the client must accept it to reach the redirect.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

/** Another origin that records everything it receives: where a redirect tries to send the key. */
class Target {
  readonly seen: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        this.seen.push({ url: req.url ?? '', headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[{"id":"x"}]}');
      });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Everything it received, as one string, to search for the key or the conversation. */
  text(): string {
    return JSON.stringify(this.seen);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

let ctx: Awaited<ReturnType<typeof startChat>>;
let target: Target;
beforeAll(async () => void (target = await new Target().start()));
afterAll(() => target.stop());
afterEach(async () => {
  target.seen.length = 0;
  await ctx?.server.stop();
});

const redirect = (status: number, to: string) => ({
  kind: 'json' as const,
  status,
  body: {},
  headers: { location: to },
});

describe('a redirect answer to a request that carries the key', () => {
  it.each([301, 302, 303, 307, 308])('%i on the models list is refused, and the other port sees nothing', async (s) => {
    ctx = await startChat();
    ctx.server.nextModels(redirect(s, `${target.url}/v1/models`));
    const list = await ctx.services.models.list();
    expect(list.error?.code).toBe('redirect_refused');
    expect(list.error?.message).toContain(target.url);
    expect(target.seen).toEqual([]);
  });

  it.each([302, 307])(
    '%i on a chat completion ends the reply with an error; no key or text reaches the other port',
    async (s) => {
      ctx = await startChat();
      ctx.server.next(redirect(s, `${target.url}/api/v7/llm/chat/completions`));
      const sent = await ctx.services.chat.send(ctx.sender, input('my private history line'));
      const final = await ctx.sender.end(sent.assistantMessage.id);
      expect(final.error?.code).toBe('redirect_refused');
      expect(target.seen).toEqual([]);
      expect(ctx.server.chatRequests()).toHaveLength(1);
    },
  );

  it('on a key test is refused', async () => {
    ctx = await startChat();
    ctx.server.nextModels(redirect(307, `${target.url}/models`));
    const handlers = createHandlers(ctx.services);
    const check = await handlers.keys.test({ sender: ctx.sender }, { key: null, model: 'm' });
    expect(check.error?.code).toBe('redirect_refused');
    expect(target.text()).not.toContain(ctx.server.apiKey);
  });

  it('tripwire: plain fetch follows the same redirect and hands the key and the body to the other port', async () => {
    ctx = await startChat();
    ctx.server.next(redirect(307, `${target.url}/api/v7/llm/chat/completions`));
    await fetch(`${ctx.server.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ctx.server.apiKey}`,
        'x-api-key': ctx.server.apiKey,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'my private history line' }] }),
    });
    expect(target.text()).toContain(ctx.server.apiKey);
    expect(target.text()).toContain('my private history line');
  });
});

describe('an https server that redirects to plain http', () => {
  let dir = '';
  let https: ReturnType<typeof createHttpsServer>;
  let httpsUrl = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' }); // prettier-ignore
    https = createHttpsServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (req, res) => res.writeHead(302, { location: `${target.url}${req.url}` }).end(),
    );
    await new Promise<void>((r) => https.listen(0, '127.0.0.1', r));
    httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}/api/v7/llm`;
  });
  afterAll(() => {
    https.closeAllConnections();
    https.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never sees the key on the http side, for models or chat', async () => {
    ctx = await startChat();
    ctx = await startChat({ env: { MODELSLAB_API_KEY: ctx.server.apiKey, MODELSLAB_BASE_URL: httpsUrl } });
    expect((await ctx.services.models.list()).error?.code).toBe('redirect_refused');
    const sent = await ctx.services.chat.send(ctx.sender, input('over https only'));
    expect((await ctx.sender.end(sent.assistantMessage.id)).error?.code).toBe('redirect_refused');
    expect(target.seen).toEqual([]);
  });

  it('tripwire: plain fetch does follow it to http, key header included', async () => {
    await fetch(`${httpsUrl}/v1/models`, { headers: { 'x-api-key': 'ml-tripwire-key-123456' } });
    expect(target.text()).toContain('ml-tripwire-key-123456');
  });
});
