import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { RecordingSender } from '../../test/chat-harness';
import { argsFor } from '../../test/schema-arbitrary';
import { API_METHODS, channelOf } from '../shared/contract';
import { ApiError, appError, ERROR_CODES, type Result } from '../shared/errors';
import { argSchemas } from '../shared/schemas';
import { registerIpc, type IpcMainLike } from './ipc';
import { createHandlers } from './services';
import { testServices } from '../../test/services';

/**
 * Property-based fuzzing of main's IPC, as a compromised window would call it: every method, with arguments shaped
 * by its zod schema (deep into the handlers) or anything at all, in random order against shared state. No call may
 * end in an internal error, hang, or answer with a stack trace.
 */

const CALL_TIMEOUT_MS = 5_000;
const RUNS = Number(process.env.FUZZ_RUNS ?? 3_000);
const STACK = /\n\s+at\s|\bat\s+\S+\s+\(|node:internal|\.(?:ts|js):\d+:\d+/;

const channels = Object.entries(API_METHODS).flatMap(([n, ms]) => Object.keys(ms).map((m) => [n, m] as const));
const listeners = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
const unexpected: unknown[] = [];
// The Open dialog hands main a path; each call writes the file the fuzzer made up there.
const importPath = join(mkdtempSync(join(tmpdir(), 'fuzz-')), 'import.json');
const services = testServices({
  version: '0.0.0-fuzz',
  // No network: every request carrying the key fails at once, the way a dead server would.
  fetch: async () =>
    new Response('{"error":{"message":"down"}}', { status: 503, headers: { 'content-type': 'application/json' } }),
  ask: async (box) => Math.floor(Math.random() * box.buttons.length),
  files: {
    saveFile: async ({ defaultName }) => `/fuzz/${defaultName}`,
    openFile: async () => importPath,
  },
});
registerIpc({ handle: (c, l) => void listeners.set(c, l) }, createHandlers(services), {
  isTrustedSender: () => true,
  onUnexpectedError: (channel, error) => unexpected.push({ channel, error }),
});
// The document worker starts once, before the clock runs: starting it on a loaded two-core machine can take seconds.
beforeAll(async () => {
  const sender = new RecordingSender();
  await services.documents.fromBytes(sender, 'warm-up', 'warm.txt', Buffer.from('warm\n').toString('base64'));
}, 60_000);
afterAll(async () => {
  services.chat.stopAll();
  await services.closeDocuments();
  services.history.close();
});

/** Ids and addresses that exist, so shaped calls reach real records; refreshed as calls create more. */
function pool(): string[] {
  const conversations = services.history.listConversations().slice(0, 5);
  const messages = conversations.flatMap((c) =>
    services.history
      .listMessages(c.id)
      .slice(0, 4)
      .map((m) => m.id),
  );
  // Compare runs too, so choose, regenerate, run and stop reach real runs and their columns.
  const runs = conversations.flatMap((c) => services.history.compareRuns(c.id).map((r) => r.id));
  return [
    ...conversations.map((c) => c.id),
    ...messages,
    ...runs,
    ...services.documentStore.ids().slice(0, 3),
    'meta-llama-3-8B-instruct',
    'https://modelslab.com/api/v7/llm',
    'http://127.0.0.1:9/api/v7/llm',
    'https://modelslab.com@evil.example/',
    'mailto:a@b.co?attach=/etc/passwd',
    'ml-fuzz-key-0123456789',
  ];
}

const callArb = fc.constantFrom(...channels).chain(([n, m]) => {
  const schema = (argSchemas as unknown as Record<string, Record<string, z.ZodType>>)[n]![m]!;
  return fc.tuple(fc.constant(channelOf(n, m)), argsFor(schema, pool), fc.jsonValue({ maxDepth: 3 }));
});

type Listeners = Map<string, Parameters<IpcMainLike['handle']>[1]>;

/** Runs the property over `handlers`; throws (with fast-check's shrunk counterexample) on the first bad answer. */
async function fuzz(handlers: Listeners, runs: number, timeoutMs = CALL_TIMEOUT_MS) {
  const counts = { calls: 0, ok: 0, refused: 0 };
  const sender = new RecordingSender();
  await fc.assert(
    fc.asyncProperty(callArb, async ([channel, args, fileContent]) => {
      writeFileSync(importPath, JSON.stringify(fileContent));
      const handler = handlers.get(channel);
      if (!handler) return; // a method a tripwire leaves out
      counts.calls++;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const result = (await Promise.race([
        handler({ sender }, ...args),
        new Promise((resolve) => (timer = setTimeout(() => resolve('hang'), timeoutMs))),
      ])) as Result<unknown> | 'hang';
      clearTimeout(timer);
      expect(result, `${channel} hangs`).not.toBe('hang');
      if (result === 'hang' || result.ok) return void counts.ok++;
      counts.refused++;
      expect(ERROR_CODES).toContain(result.error.code);
      expect(result.error.code, `${channel} internal`).not.toBe('internal');
      expect(result.error.message, `${channel} stack`).not.toMatch(STACK);
    }),
    { numRuns: runs },
  );
  return counts;
}

it(`answers ${RUNS} fuzzed calls over every method with a value or a typed error`, async () => {
  await services.keys.save('ml-fuzz-key-0123456789', false);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const counts = await fuzz(listeners, RUNS);
  services.chat.stopAll();
  const { user, system } = process.cpuUsage(cpu);
  console.log(
    `ipc fuzz: ${counts.calls} calls over ${channels.length} methods: ${counts.ok} answered, ${counts.refused} ` +
      `refused with a typed error; 0 internal errors, 0 hangs, 0 stack traces ` +
      `(${Math.round(performance.now() - started)} ms wall, ${Math.round((user + system) / 1000)} ms CPU)`,
  );
  expect(unexpected).toEqual([]);
}, 300_000);

/** What made the property fail: fast-check keeps the assertion that failed as the cause. */
async function failure(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => null,
    (e: unknown) => e as Error,
  );
  return error ? String((error.cause as Error | undefined)?.message ?? error.message) : 'did not fail';
}

describe('tripwires', () => {
  /** The same handlers, with one method broken the way a bug would break it. */
  function broken(method: string, fault: () => Promise<unknown>): Listeners {
    const copy: Listeners = new Map();
    const handlers = createHandlers(services) as unknown as Record<string, Record<string, unknown>>;
    const [n, m] = method.split('.') as [string, string];
    handlers[n]![m] = fault;
    registerIpc({ handle: (c, l) => void copy.set(c, l) }, handlers as never, { isTrustedSender: () => true });
    return copy;
  }

  it('catches a handler that throws a plain error', async () => {
    const faulty = broken('conversations.folders', async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    expect(await failure(fuzz(faulty, 2_000))).toMatch(/conversations\.folders internal/);
  });

  it('catches a handler that never answers', async () => {
    const faulty = broken('search.messages', () => new Promise(() => {}));
    // Reading a document takes a worker longer than this tripwire's 50 ms; the property itself allows 5 s.
    for (const slow of ['documents.pick', 'documents.fromBytes']) faulty.delete(slow);
    expect(await failure(fuzz(faulty, 2_000, 50))).toMatch(/search\.messages hangs/);
  });

  it('catches an answer that carries a stack trace', async () => {
    const faulty = broken('app.info', async () => {
      throw new ApiError(appError('bad_input', 'failed\n    at parse (/app/src/main/ipc.ts:12:3)'));
    });
    expect(await failure(fuzz(faulty, 2_000))).toMatch(/app\.info stack/);
  });
});
