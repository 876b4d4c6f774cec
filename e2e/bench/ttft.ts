import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatEvent } from '../../src/shared/contract';
import OpenAI from 'openai';
import { input, RecordingSender, startChat } from '../../test/chat-harness';
import { load } from './app';

export interface TtftFigures {
  /** Request to first delta with the SDK alone, and to the first delta event main sends through `chat.send`. */
  bare: number[];
  app: number[];
  load: [number, number];
}

/**
 * Time to first token: a bare openai SDK call against the local server, and the same through `chat.send` (saving
 * the user message and the reply, building the request, the SDK, the first delta event), alternated, on a real
 * SQLite history. The key comes from the environment here, so no keychain call is counted.
 */
export async function ttftRuns(runs: number, warmUp = 10): Promise<TtftFigures> {
  const loadBefore = load();
  const dataDir = mkdtempSync(join(tmpdir(), 'mlchat-bench-ttft-'));
  const { server, services } = await startChat({ dataDir });
  // The bare SDK, as a client without this app would call it.
  const client = new OpenAI({ baseURL: server.baseUrl, apiKey: server.apiKey, maxRetries: 0 });
  const reply = { kind: 'stream' as const, chunks: ['Hello', ' there', '.'], delayMs: 0 };
  const messages = [{ role: 'user' as const, content: 'Hi' }];
  const bare: number[] = [];
  const app: number[] = [];
  try {
    for (let i = 0; i < runs + warmUp; i++) {
      server.next(reply);
      let started = performance.now();
      const stream = await client.chat.completions.create({ model: 'bench', messages, stream: true });
      let first = 0;
      for await (const chunk of stream) if (!first && chunk.choices[0]?.delta?.content) first = performance.now();
      if (i >= warmUp) bare.push(first - started);

      server.next(reply);
      const sender = new RecordingSender();
      started = performance.now();
      const { assistantMessage } = await services.chat.send(sender, input('Hi', { model: 'bench' }));
      await sender.end(assistantMessage.id);
      const firstEvent = sender.events.find((e) => (e.payload as ChatEvent).type === 'delta')!.at;
      if (i >= warmUp) app.push(firstEvent - started);
    }
  } finally {
    services.history.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { bare, app, load: [loadBefore, load()] };
}
