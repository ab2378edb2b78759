// Worker thread entry (bundled to dist/lint-worker.js): analyses the documents the pool sends.
// It posts 'ready' once loaded so the pool starts a job's time budget only when the worker can run it;
// a worker past its budget is terminated by the pool, never asked to stop.
import { parentPort } from 'node:worker_threads';
import { runLintJob, type LintJob } from './lint-job';

export type WorkerRequest = { id: number; job: LintJob };
export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: ReturnType<typeof runLintJob> }
  | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (!port) throw new Error('lint-worker must run in a worker thread');

port.on('message', ({ id, job }: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { type: 'result', id, result: runLintJob(job) };
  } catch (e) {
    // An engine exception fails this document only; the worker stays usable for the next one.
    response = { type: 'failed', id, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(response);
});
port.postMessage({ type: 'ready' } satisfies WorkerResponse);
