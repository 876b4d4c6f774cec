import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { accepted, longPdf, refusal, SOURCE_WORKER, stillWorks, textPdf } from '../../../test/documents';
import { poll } from '../../../test/poll';
import { readChecked } from './extract';
import { DocumentExtractor, type ExtractorOptions } from './extractor';
import { DEFAULT_LIMITS, type DocumentProgress } from './types';

const dir = mkdtempSync(join(tmpdir(), 'documents-'));
const extractor = new DocumentExtractor({ workerUrl: SOURCE_WORKER });
afterAll(async () => {
  await extractor.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Pools with options of their own, closed after each test. */
const pools: DocumentExtractor[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
function pool(options: Partial<ExtractorOptions>): DocumentExtractor {
  const made = new DocumentExtractor({ workerUrl: SOURCE_WORKER, ...options });
  pools.push(made);
  return made;
}

const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** Before checking that nothing more arrives: a wait, since there is nothing to poll for. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A long report, made once: long enough to be cancelled or closed mid-way. */
const big = longPdf(1500, 10);

/** The real worker behind a listener that misbehaves for one file name, the way a parser bug would. */
function faultyWorker(name: string, fault: string): URL {
  const source = `import { parentPort } from 'node:worker_threads';
    parentPort.on('message', (job) => { if (job.name === ${JSON.stringify(name)}) { ${fault} } });
    await import(${JSON.stringify(SOURCE_WORKER.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

describe('files by path', () => {
  it('reads a file from disk', async () => {
    const pdf = file('notes.pdf', await textPdf(['From disk']));
    expect(accepted(await extractor.extractDocument(pdf, 'notes.pdf')).text).toBe('From disk');
  });

  it('refuses a file over the size limit from its stat, before reading it', async () => {
    const path = file('huge.log', '');
    truncateSync(path, 60 * 1024 * 1024); // sparse: 60 MB on paper, nothing on disk
    expect(refusal(await extractor.extractDocument(path, 'huge.log'))).toEqual({
      code: 'document_too_large',
      message: '“huge.log” is 60 MB; files up to 50 MB can be attached.',
    });
    await stillWorks(extractor);
  });

  it('refuses it in main, without a worker', async () => {
    const path = file('huge.pdf', '');
    truncateSync(path, 51 * 1024 * 1024);
    const broken = pool({ workerUrl: faultyWorker('huge.pdf', "throw new Error('read');") });
    expect(refusal(await broken.extractDocument(path, 'huge.pdf')).code).toBe('document_too_large');
    expect(refusal(await broken.extractDocument(new Uint8Array(51 * 1024 * 1024), 'huge.pdf')).code).toBe(
      'document_too_large',
    );
  });

  it('checks the size again on the opened file, in the worker', async () => {
    const path = file('grew.txt', 'x'.repeat(2000));
    await expect(readChecked(path, 'grew.txt', { ...DEFAULT_LIMITS, maxBytes: 1000 })).rejects.toMatchObject({
      error: { code: 'document_too_large', message: '“grew.txt” is 0.0 MB; files up to 0.0 MB can be attached.' },
    });
  });

  it('says when a file is missing or is a folder', async () => {
    expect(refusal(await extractor.extractDocument(join(dir, 'gone.txt'), 'gone.txt'))).toEqual({
      code: 'bad_file',
      message: '“gone.txt” could not be opened. Check that it still exists.',
    });
    mkdirSync(join(dir, 'folder.txt'));
    expect(refusal(await extractor.extractDocument(join(dir, 'folder.txt'), 'folder.txt'))).toEqual({
      code: 'bad_file',
      message: '“folder.txt” is not a file.',
    });
    await stillWorks(extractor);
  });

  it('leaves the caller’s bytes as they were', async () => {
    const bytes = Buffer.from('kept\n');
    await extractor.extractDocument(bytes, 'kept.txt');
    expect(bytes.toString()).toBe('kept\n');
  });
});

describe('the worker pool', () => {
  it('reads at most two files at a time, and reads two at once', async () => {
    const twoAtOnce = pool({ concurrency: 2 });
    const pdf = await big;
    const running = new Set<number>();
    let most = 0;
    const results = await Promise.all(
      [0, 1, 2, 3].map(async (n) => {
        const result = await twoAtOnce.extractDocument(pdf, `report-${n}.pdf`, {
          limits: { maxPages: 200 },
          onProgress: () => {
            running.add(n);
            most = Math.max(most, running.size);
          },
        });
        running.delete(n);
        return result;
      }),
    );
    expect(results.map((r) => accepted(r).pages?.length)).toEqual([200, 200, 200, 200]);
    expect(most).toBe(2);
  }, 60_000); // four long files: margin for a loaded machine

  it('cancels a file being read: its worker is ended and no progress follows', async () => {
    const controller = new AbortController();
    const progress: DocumentProgress[] = [];
    const result = await extractor.extractDocument(await big, 'long.pdf', {
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.done === 2) controller.abort();
      },
    });
    expect(refusal(result)).toEqual({ code: 'cancelled', message: 'Reading “long.pdf” was cancelled.' });
    await sleep(300);
    expect(progress.map((p) => p.done)).toEqual([1, 2]);
    await stillWorks(extractor);
  });

  it('reads a file asked for twice at once only once; one asker cancelling leaves the other its result', async () => {
    const path = file('shared.pdf', await longPdf(200, 5));
    const leaving = new AbortController();
    const stays: number[] = [];
    const first = extractor.extractDocument(path, 'shared.pdf', {
      signal: leaving.signal,
      onProgress: (p) => p.done === 5 && leaving.abort(),
    });
    const second = extractor.extractDocument(path, 'shared.pdf', { onProgress: (p) => stays.push(p.done) });
    expect(refusal(await first).code).toBe('cancelled');
    const read = accepted(await second);
    expect(read.pages).toHaveLength(200);
    expect(stays.at(-1)).toBe(200);
    // Asked again once it is done, the file is read anew: a new result, equal to the first.
    const again = accepted(await extractor.extractDocument(path, 'shared.pdf'));
    expect(again).not.toBe(read);
    expect(again).toEqual(read);
  });

  it('gives everyone who asked for the same file at once the one reading', async () => {
    const path = file('twice.txt', 'same text\n');
    const [a, b] = await Promise.all([
      extractor.extractDocument(path, 'twice.txt'),
      extractor.extractDocument(path, 'twice.txt'),
    ]);
    expect(accepted(a)).toBe(accepted(b));
  });

  it('cancels a file still waiting for a worker, and one cancelled before it was asked', async () => {
    const single = pool({ concurrency: 1 });
    const first = single.extractDocument(await big, 'first.pdf', { limits: { maxPages: 150 } });
    const controller = new AbortController();
    const second = single.extractDocument(Buffer.from('second\n'), 'second.txt', { signal: controller.signal });
    controller.abort();
    expect(refusal(await second).code).toBe('cancelled');
    expect(accepted(await first).pages).toHaveLength(150);
    const early = await single.extractDocument(Buffer.from('x'), 'early.txt', { signal: AbortSignal.abort() });
    expect(refusal(early).code).toBe('cancelled');
    await stillWorks(single);
  });

  it('stops a file that takes too long, and reads the next one', async () => {
    const slow = pool({ workerUrl: faultyWorker('stuck.pdf', 'for (;;);'), timeoutMs: 3000 });
    expect(refusal(await slow.extractDocument(Buffer.from('%PDF-1.7'), 'stuck.pdf'))).toEqual({
      code: 'document_too_complex',
      message: '“stuck.pdf” took too long to read and was stopped.',
    });
    await stillWorks(slow);
  });

  it('ends a worker that runs out of memory, and reads the next file with a new one', async () => {
    // About 80 MB of heap: fine for a worker without the limit, fatal for one held to 32 MB.
    const greedy = 'globalThis.held = Array.from({ length: 100 }, () => new Array(1e5).fill(Math.random()));';
    const small = pool({ workerUrl: faultyWorker('greedy.txt', greedy), memoryMb: 32 });
    expect(refusal(await small.extractDocument(Buffer.from('x'), 'greedy.txt'))).toEqual({
      code: 'document_too_complex',
      message: '“greedy.txt” needs more memory to read than a document may use.',
    });
    await stillWorks(small);
  });

  it('answers a worker that crashed with an error, and starts a new one for the next file', async () => {
    const flaky = pool({ workerUrl: faultyWorker('crash.txt', "throw new Error('parser bug');") });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(refusal(await flaky.extractDocument(Buffer.from('x'), 'crash.txt'))).toEqual({
      code: 'internal',
      message: '“crash.txt” could not be read.',
    });
    expect(logged).toHaveBeenCalledWith('document worker failed', expect.objectContaining({ message: 'parser bug' }));
    await stillWorks(flaky);
  });

  it('ends files still queued or being read when it closes', async () => {
    const closing = pool({ concurrency: 1 });
    const pdf = await big;
    let reading = false;
    const pending = [
      closing.extractDocument(pdf, 'a.pdf', { onProgress: () => (reading = true) }),
      closing.extractDocument(pdf, 'b.pdf'),
    ];
    await poll('the first file to be read', () => reading || undefined);
    await closing.close();
    expect((await Promise.all(pending)).map((r) => refusal(r).code)).toEqual(['cancelled', 'cancelled']);
  });
});
