import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A chat completions endpoint that writes a whole scripted stream at once, so a reply arrives as fast as the
 * connection and main's parser take it (the test server paces its chunks with timers, at best one per millisecond).
 */
export class FastServer {
  readonly apiKey = 'ml-bench-key-0123456789abcdef';
  private server: Server | null = null;
  private queue: string[] = [];

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/api/v7/llm`;
  }

  /** The next chat request gets these chunks, as Server-Sent Events, in one write. */
  next(chunks: string[]): void {
    const event = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    this.queue.push(chunks.map((c) => event({ content: c }, null)).join('') + event({}, 'stop') + 'data: [DONE]\n\n');
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not here"}}');
          return;
        }
        if (this.queue.length === 0) this.next(['Ready.']);
        res.writeHead(200, { 'content-type': 'text/event-stream' }).end(this.queue.shift());
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
