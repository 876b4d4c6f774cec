import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppError, Result } from '../../shared/errors';
import { checkSize, DocumentFailure, shown } from './failure';
import {
  DEFAULT_LIMITS,
  type DocumentLimits,
  type DocumentProgress,
  type ExtractedDocument,
  type WorkerJob,
  type WorkerMessage,
} from './types';

/** The file name of the worker entry that electron-vite builds beside out/main/index.js. */
export const WORKER_FILE = 'documents-worker.js';

export interface ExtractorOptions {
  /** The worker script: out/main/documents-worker.js in the app, src/main/documents/worker.ts under Node. */
  workerUrl: URL;
  /** Files read at the same time, each in its own worker; by default two, but always a core left for the app. */
  concurrency?: number;
  /** A file still not read after this long is given up, its worker ended. */
  timeoutMs?: number;
  /** The heap a worker may use; past it the worker is ended and the file refused. */
  memoryMb?: number;
  /** An idle worker is ended after this long; the next file starts a new one. */
  idleMs?: number;
}

export interface ExtractOptions {
  signal?: AbortSignal;
  /** PDF pages read so far; called as each page is done. */
  onProgress?: (progress: DocumentProgress) => void;
  limits?: Partial<DocumentLimits>;
}

/** One file being read, for everyone who asked for it. */
interface Task {
  job: WorkerJob;
  transfer: ArrayBuffer[];
  listeners: Set<(progress: DocumentProgress) => void>;
  /** Callers still waiting; when the last one cancels, so does the task. */
  callers: number;
  result: Promise<Result<ExtractedDocument>>;
  /** Ends the task with this result; set anew while it runs, so Cancel also ends its worker. */
  finish(result: Result<ExtractedDocument>): void;
}

/** Two workers, or one on a two-core machine: a core always stays free for the app itself. */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

/** Drops this pool's listeners; `removeAllListeners()` without a name would also drop the Worker's own. */
const forget = (worker: Worker) =>
  worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');

/** Ends a worker; a late 'error' from it must not reach Node as an unhandled one. */
function retire(worker: Worker): void {
  const ending = forget(worker).on('error', () => {});
  void ending.terminate();
}

const fail = (code: AppError['code'], message: string): Result<ExtractedDocument> => ({
  ok: false,
  error: { code, message },
});

/**
 * Reads documents in worker threads, so main's event loop never waits on a parser: a small pool (two workers, or
 * one on a two-core machine) with a queue, one worker per file and one reading per file (a file asked for again while it is being read joins
 * that reading), progress from the worker, Cancel by AbortSignal (the worker is ended at once, whatever it is
 * doing), and a worker that crashes, runs out of memory or takes too long is replaced by a fresh one.
 */
export class DocumentExtractor {
  private readonly options: Required<ExtractorOptions>;
  private readonly idle = new Map<Worker, NodeJS.Timeout>();
  private readonly queue: Task[] = [];
  private readonly active = new Set<Task>();
  /** Files (by path) queued or being read, so the same file asked for twice is read once. */
  private readonly byFile = new Map<string, Task>();

  constructor(options: ExtractorOptions) {
    this.options = {
      concurrency: defaultConcurrency(),
      timeoutMs: 180_000,
      memoryMb: 1024,
      idleMs: 60_000,
      ...options,
    };
  }

  /** The text of a file given by path (checked with stat before it is read) or by its bytes. */
  async extractDocument(
    source: string | Uint8Array,
    name: string,
    options: ExtractOptions = {},
  ): Promise<Result<ExtractedDocument>> {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const cancelled = fail('cancelled', `Reading ${shown(name)} was cancelled.`);
    let job: WorkerJob;
    let transfer: ArrayBuffer[] = [];
    try {
      if (typeof source === 'string') {
        // Refused here, before the file takes a place in the queue; the worker checks again on the open file.
        checkSize((await stat(source)).size, name, limits);
        job = { source: { path: source }, name, limits };
      } else {
        checkSize(source.byteLength, name, limits);
        const copy = new Uint8Array(source);
        job = { source: { bytes: copy }, name, limits };
        transfer = [copy.buffer];
      }
    } catch (error) {
      if (error instanceof DocumentFailure) return { ok: false, error: error.error };
      return fail('bad_file', `${shown(name)} could not be opened. Check that it still exists.`);
    }
    if (options.signal?.aborted) return cancelled;
    const key = typeof source === 'string' ? JSON.stringify([resolve(source), name, limits]) : null;
    const task = (key !== null && this.byFile.get(key)) || this.enqueue(job, transfer, key);
    return this.follow(task, options, cancelled);
  }

  private enqueue(job: WorkerJob, transfer: ArrayBuffer[], key: string | null): Task {
    let settle!: (result: Result<ExtractedDocument>) => void;
    const result = new Promise<Result<ExtractedDocument>>((done) => (settle = done));
    const task: Task = {
      job,
      transfer,
      listeners: new Set(),
      callers: 0,
      result,
      finish: (outcome) => {
        const queued = this.queue.indexOf(task);
        if (queued !== -1) this.queue.splice(queued, 1);
        if (key !== null && this.byFile.get(key) === task) this.byFile.delete(key);
        settle(outcome);
      },
    };
    if (key !== null) this.byFile.set(key, task);
    this.queue.push(task);
    this.next();
    return task;
  }

  /** One caller's view of a task: its own progress callback and its own Cancel. */
  private follow(task: Task, options: ExtractOptions, cancelled: Result<ExtractedDocument>) {
    const { signal, onProgress } = options;
    task.callers++;
    if (onProgress) task.listeners.add(onProgress);
    return new Promise<Result<ExtractedDocument>>((done) => {
      const leave = () => {
        if (onProgress) task.listeners.delete(onProgress);
        done(cancelled);
        if (--task.callers === 0) task.finish(cancelled);
      };
      signal?.addEventListener('abort', leave, { once: true });
      void task.result.then((result) => {
        signal?.removeEventListener('abort', leave);
        done(result);
      });
    });
  }

  /** Ends every worker; files still queued or being read end as cancelled. */
  async close(): Promise<void> {
    for (const task of [...this.queue, ...this.active]) task.finish(fail('cancelled', 'The app is closing.'));
    const workers = [...this.idle.keys()];
    for (const timer of this.idle.values()) clearTimeout(timer);
    this.idle.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private next(): void {
    while (this.active.size < this.options.concurrency && this.queue.length > 0) {
      const task = this.queue.shift()!;
      this.active.add(task);
      this.run(task);
    }
  }

  private spawn(): Worker {
    return new Worker(this.options.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb } });
  }

  private take(): Worker {
    const [worker, timer] = this.idle.entries().next().value ?? [];
    if (!worker) return this.spawn();
    clearTimeout(timer);
    this.idle.delete(worker);
    forget(worker).ref();
    return worker;
  }

  private rest(worker: Worker): void {
    const leave = () => {
      clearTimeout(this.idle.get(worker));
      this.idle.delete(worker);
    };
    // An idle worker that dies is only forgotten; it must not keep the app (or a test run) alive either.
    forget(worker).on('error', leave).on('exit', leave).unref();
    const timer = setTimeout(() => {
      leave();
      void worker.terminate();
    }, this.options.idleMs);
    timer.unref();
    this.idle.set(worker, timer);
  }

  private run(task: Task): void {
    const worker = this.take();
    const { name } = task.job;
    const resolveTask = task.finish;
    const timer = setTimeout(() => {
      end(fail('document_too_complex', `${shown(name)} took too long to read and was stopped.`), false);
    }, this.options.timeoutMs);
    let ended = false;
    const end = (result: Result<ExtractedDocument>, reusable: boolean) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      if (reusable) this.rest(worker);
      else retire(worker);
      this.active.delete(task);
      resolveTask(result);
      this.next();
    };
    // Cancel (or close) while the file is being read ends its worker.
    task.finish = (result) => end(result, false);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        for (const listener of task.listeners) listener({ done: message.done, total: message.total });
      } else end(message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error }, true);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!outOfMemory) console.error('document worker failed', error);
      const message = outOfMemory
        ? `${shown(name)} needs more memory to read than a document may use.`
        : `${shown(name)} could not be read.`;
      end(fail(outOfMemory ? 'document_too_complex' : 'internal', message), false);
    });
    worker.on('exit', () => end(fail('internal', `${shown(name)} could not be read.`), false));
    worker.postMessage(task.job, task.transfer);
  }
}
