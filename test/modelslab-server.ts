import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenCounter } from '../src/main/chat/token-count';
import { requestedTokens, threadProblem } from './strict-thread';

/** One scripted answer to a chat completion request. */
export type Behaviour =
  | {
      kind: 'stream';
      chunks: string[];
      delayMs?: number;
      /** Send `: keep-alive` comment lines between chunks. */
      keepAlive?: boolean;
      /** Put `role` in the first delta; real servers sometimes leave it out. */
      role?: boolean;
      /** End with a usage-only chunk whose `choices` is `[]`. */
      usage?: boolean;
      /** The last chunk's `finish_reason` (`stop` unless said). */
      finish?: string;
      /** After the chunks, keep the connection open (with keep-alives) until the client goes. */
      hang?: boolean;
      /** After the chunks: an error data event, a broken chunk, or a dropped socket. */
      then?: { errorEvent: unknown } | { malformed: true } | { drop: true };
    }
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** Set when the client closed the connection before the reply ended. */
  closedEarly: boolean;
  finished: Promise<void>;
}

export const MODELS = [
  'Qwen/Qwen2.5-VL-72B-Instruct-together',
  'meta-llama/Llama-3.1-70B-Instruct',
  'meta-llama-3-8B-instruct',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Splits text into chunks of a few words, the way a model streams. */
export function chunked(text: string, wordsPerChunk = 2): string[] {
  const words = text.split(/(?<= )/);
  const out: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerChunk) out.push(words.slice(i, i + wordsPerChunk).join(''));
  return out;
}

/**
 * A ModelsLab-compatible server on 127.0.0.1 for tests: the chat completions endpoint (streaming
 * and not), the two models paths, Bearer key checks, and scripted failures.
 */
export class ModelsLabServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Behaviour[] = [];
  private readonly modelsQueue: Extract<Behaviour, { kind: 'json' }>[] = [];
  /** Which models paths exist: ModelsLab documents only `/v1/models`. */
  modelsPaths: string[] = ['/api/v7/llm/v1/models'];
  private server: Server | null = null;
  private port = 0;
  apiKey: string;
  /** Default delay between streamed chunks. */
  delayMs = 15;
  /** Refuse malformed threads with 400, as strict servers do (see strict-thread.ts). */
  strict = false;
  /** The model's context length: a request that does not fit with its max_tokens is refused with 400. */
  contextTokens: number | null = null;
  /** Send the usage chunk only when the request asks for it (`stream_options.include_usage`). */
  usageOnRequest = false;
  /** Answer 400 to any request that carries `stream_options`, as some servers do. */
  refuseStreamOptions = false;
  /** What the models list offers. */
  models: string[] = [...MODELS];
  /** How a model always answers, whatever is queued: compare tests give each column its own behaviour. */
  readonly byModel = new Map<string, Behaviour>();
  /** Every request refused for its shape or size, and why. */
  readonly rejected: { body: unknown; reason: string }[] = [];

  constructor(apiKey = 'ml-test-key-0123456789abcdef') {
    this.apiKey = apiKey;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api/v7/llm`;
  }

  /** Scripts the next chat requests, in order; afterwards the server echoes the prompt. */
  next(...behaviours: Behaviour[]): void {
    this.queue.push(...behaviours);
  }

  /** Scripts the next models-list answers. */
  nextModels(...behaviours: Extract<Behaviour, { kind: 'json' }>[]): void {
    this.modelsQueue.push(...behaviours);
  }

  chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => resolve(data));
    });
    let finish!: () => void;
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: raw ? safeJson(raw) : null,
      closedEarly: false,
      finished: new Promise((r) => (finish = r)),
    };
    this.requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.closedEarly = true;
      finish();
    });
    const path = record.path.split('?')[0]!;
    const bearer = req.headers.authorization === `Bearer ${this.apiKey}`;
    const headerKey = req.headers['x-api-key'] === this.apiKey;

    if (req.method === 'GET' && this.modelsPaths.includes(path)) {
      const scripted = this.modelsQueue.shift();
      if (scripted) return json(res, scripted.status, scripted.body, scripted.headers);
      if (!bearer && !headerKey) return json(res, 401, { status: 'error', message: 'Invalid API key' });
      return json(res, 200, {
        object: 'list',
        data: this.models.map((id) => ({ id, object: 'model', owned_by: 'modelslab' })),
      });
    }
    if (req.method !== 'POST' || path !== '/api/v7/llm/chat/completions') {
      return json(res, 404, { error: { message: `No route ${req.method} ${path}`, type: 'not_found' } });
    }
    if (!bearer) {
      return json(res, 401, {
        error: { message: 'Invalid API key provided', type: 'authentication_error', code: 401 },
      });
    }
    const body = record.body as ChatBody | null;
    const refusal = await this.refusal(body);
    if (refusal) {
      this.rejected.push({ body, reason: refusal });
      return json(res, 400, { error: { message: refusal, type: 'invalid_request_error', code: 400 } });
    }
    const behaviour = this.byModel.get(body?.model ?? '') ?? this.queue.shift() ?? this.echo(body);
    if (behaviour.kind === 'json') return json(res, behaviour.status, behaviour.body, behaviour.headers);
    if (!body?.stream) {
      return json(res, 200, {
        id: 'cmpl-test',
        object: 'chat.completion',
        created: 0,
        model: body?.model,
        choices: [
          { index: 0, message: { role: 'assistant', content: behaviour.chunks.join('') }, finish_reason: 'stop' },
        ],
        usage: {
          prompt_tokens: 5,
          completion_tokens: behaviour.chunks.length,
          total_tokens: 5 + behaviour.chunks.length,
        },
      });
    }
    const usage = this.usageOnRequest ? body.stream_options?.include_usage === true : behaviour.usage;
    await this.stream(res, { ...behaviour, usage }, body.model ?? 'test-model');
  }

  private async refusal(body: ChatBody | null): Promise<string | null> {
    if (this.refuseStreamOptions && body?.stream_options !== undefined) return 'Unknown parameter: stream_options';
    if (this.strict) {
      const problem = threadProblem(body);
      if (problem) return problem;
    }
    if (this.contextTokens !== null && body?.messages) {
      const requested = requestedTokens(body as Parameters<typeof requestedTokens>[0], await tokenCounter());
      if (requested > this.contextTokens) {
        return `This model's maximum context length is ${this.contextTokens} tokens. However, you requested ${requested} tokens.`;
      }
    }
    return null;
  }

  private echo(body: { messages?: { content: unknown }[] } | null): Behaviour {
    const last = body?.messages?.at(-1)?.content;
    const parts = Array.isArray(last) ? (last as { type: string; text?: string }[]) : [];
    const images = parts.filter((p) => p.type === 'image_url').length;
    const text =
      typeof last === 'string'
        ? last
        : `${parts.map((p) => p.text ?? '').join(' ')}${images ? ` (with ${images} image${images > 1 ? 's' : ''})` : ''}`;
    return {
      kind: 'stream',
      chunks: chunked(`You said: ${text}. This reply streams in small pieces, word by word, from the test server.`),
      keepAlive: true,
      usage: true,
    };
  }

  private async stream(res: ServerResponse, b: Extract<Behaviour, { kind: 'stream' }>, model: string): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
      id: 'chatcmpl-test',
      object: 'chat.completion.chunk',
      created: 0,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const delay = b.delayMs ?? this.delayMs;
    for (const [i, text] of b.chunks.entries()) {
      if (res.destroyed) return;
      if (b.keepAlive) res.write(': keep-alive\n\n');
      send(chunk(i === 0 && b.role ? { role: 'assistant', content: text } : { content: text }));
      await sleep(delay);
    }
    while (b.hang && !res.destroyed) {
      res.write(': keep-alive\n\n');
      await sleep(50);
    }
    if (res.destroyed) return;
    if (b.then && 'errorEvent' in b.then) {
      send(b.then.errorEvent);
      return void res.end();
    }
    if (b.then && 'malformed' in b.then) {
      res.write('data: {"id":"chatcmpl-test","choices":[{"delta":{"content":"broken\n\n');
      return void res.end();
    }
    if (b.then && 'drop' in b.then) {
      res.socket?.destroy();
      return;
    }
    send(chunk({}, b.finish ?? 'stop'));
    if (b.usage) {
      send({
        ...chunk({}),
        choices: [],
        usage: { prompt_tokens: 12, completion_tokens: b.chunks.length, total_tokens: 12 + b.chunks.length },
      });
    }
    res.write('data: [DONE]\n\n');
    res.end();
  }
}

interface ChatBody {
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  model?: string;
  messages?: { content: unknown }[];
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
