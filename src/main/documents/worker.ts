import { parentPort } from 'node:worker_threads';
import { extractBytes, readChecked } from './extract.ts';
import { DocumentFailure, shown } from './failure.ts';
import type { ExtractedDocument, WorkerJob, WorkerMessage } from './types.ts';

/**
 * The extraction worker: one file at a time, sent by `DocumentExtractor`. Built as its own entry
 * (out/main/documents-worker.js); under Node the TypeScript source runs as it is, hence the `.ts` import paths.
 */
const port = parentPort;
if (!port) throw new Error('the documents worker runs only as a worker thread');
const send = (message: WorkerMessage) => port.postMessage(message);

async function run(job: WorkerJob): Promise<ExtractedDocument> {
  const bytes =
    'path' in job.source
      ? await readChecked(job.source.path, job.name, job.limits)
      : Buffer.from(job.source.bytes.buffer, job.source.bytes.byteOffset, job.source.bytes.byteLength);
  return extractBytes(bytes, job.name, job.limits, (progress) => send({ type: 'progress', ...progress }));
}

port.on('message', (job: WorkerJob) => {
  run(job).then(
    (value) => send({ type: 'done', ok: true, value }),
    (error: unknown) => {
      if (error instanceof DocumentFailure) return send({ type: 'done', ok: false, error: error.error });
      // Details of an unexpected fault stay in the log; the user gets the file's name and a plain message.
      console.error('document extraction failed', error);
      send({ type: 'done', ok: false, error: { code: 'internal', message: `${shown(job.name)} could not be read.` } });
    },
  );
});
