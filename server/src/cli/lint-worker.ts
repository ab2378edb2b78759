// Worker thread entry (bundled to dist/lint-worker.js): analyses the documents the pool sends.
// It posts 'ready' once loaded so the pool starts a job's time budget only when the worker can run it;
// a worker past its budget is terminated by the pool, never asked to stop.
import { parentPort } from 'node:worker_threads';
import { runLintJob, type LintJob } from './lint-job';

/**
 * One job. The config goes over once per worker (`config`, with its id) and later jobs name it by
 * id: cloning it for every file cost the main thread more than a worker's analysis of a small
 * file, and a fresh copy each time also emptied the engine's caches keyed by template.
 */
export type WorkerRequest = { id: number; job: Omit<LintJob, 'config'>; configId: number; config?: LintJob['config'] };
export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: ReturnType<typeof runLintJob> }
  | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (!port) throw new Error('lint-worker must run in a worker thread');

const configs = new Map<number, LintJob['config']>();

port.on('message', ({ id, job, configId, config }: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    if (config) configs.set(configId, config);
    const known = configs.get(configId);
    if (!known) throw new Error(`config ${configId} was never sent to this worker`);
    response = { type: 'result', id, result: runLintJob({ ...job, config: known }) };
  } catch (e) {
    // An engine exception fails this document only; the worker stays usable for the next one.
    response = { type: 'failed', id, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(response);
});
port.postMessage({ type: 'ready' } satisfies WorkerResponse);
