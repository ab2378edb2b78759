// Starting an analysis worker thread: the one place for its options, and a head start for the
// first one. The request thread loads vscode-languageserver while the first worker loads the
// engine: started before that load (main.ts), the two run side by side on two cores instead of one
// after the other, which takes roughly the request thread's load off the time to first diagnostics.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TYPESCRIPT_BOOTSTRAP, resolveWorkerScript, type WorkerScript } from './worker-script';

/** Caps a worker's heap so a hostile document cannot take the whole machine's memory. */
const WORKER_HEAP_MB = 2048;
/**
 * A small young generation: V8 grows it up to 32 MB under a steady allocation rate, and with a
 * 5 MB document open that headroom (and the garbage it lets pile up) was ~40 MB of the server's
 * peak RSS. Measured at 8 MB: peak RSS after opening 5 MB 287 -> 250 MB, edit times unchanged
 * within the noise (scavenges are more frequent but each costs what survives, not the space).
 */
const WORKER_YOUNG_MB = 8;

/**
 * The built engine is loaded through the code-cache boot beside it (worker-boot.ts) when there is
 * one; POSTMORTEM_NO_CODE_CACHE=1 loads it directly, to compare or to rule the cache out.
 */
function bootFor(script: WorkerScript): string | undefined {
  if (script.typescript || process.env['POSTMORTEM_NO_CODE_CACHE'] === '1') return undefined;
  const boot = join(dirname(script.file), 'analysis-worker-boot.js');
  return existsSync(boot) ? boot : undefined;
}

export function spawnAnalysisWorker(script: WorkerScript): Worker {
  const { file, typescript } = script;
  const boot = bootFor(script);
  return new Worker(typescript ? TYPESCRIPT_BOOTSTRAP : (boot ?? file), {
    ...(typescript ? { eval: true } : {}),
    ...(typescript || boot ? { workerData: { file } } : {}),
    // Never inherit the server's stdout: over --stdio it is the LSP stream.
    stdout: true,
    stderr: true,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
}

export interface PrestartedWorker {
  readonly worker: Worker;
  readonly script: WorkerScript;
  exited: boolean;
  taken: boolean;
}

/**
 * Starts the first analysis worker before the server is loaded. Unreferenced until a host takes
 * it, so it never keeps the process alive on its own. Failing here changes nothing: the host then
 * starts (and reports on) its worker as it would have anyway.
 */
export function prestartAnalysisWorker(): PrestartedWorker | undefined {
  try {
    const script = resolveWorkerScript();
    const worker = spawnAnalysisWorker(script);
    worker.unref();
    const prestarted: PrestartedWorker = { worker, script, exited: false, taken: false };
    worker.once('exit', () => (prestarted.exited = true));
    // An 'error' event with no listener would be thrown as an uncaught exception; the host that
    // takes the worker adds its own listener, and one that died before is not taken.
    worker.on('error', () => {});
    return prestarted;
  } catch {
    return undefined;
  }
}

/** The prestarted worker, at most once, if it runs the same script and is still alive. */
export function takePrestarted(prestarted: PrestartedWorker | undefined, script: WorkerScript): Worker | undefined {
  if (!prestarted || prestarted.taken) return undefined;
  prestarted.taken = true;
  const same = prestarted.script.file === script.file && prestarted.script.typescript === script.typescript;
  if (prestarted.exited || !same) {
    void prestarted.worker.terminate();
    return undefined;
  }
  prestarted.worker.ref();
  return prestarted.worker;
}
