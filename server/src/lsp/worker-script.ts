// Where the analysis worker's code is. In the bundle (dist/server.js) it is the sibling
// dist/analysis-worker.js. Run from source under tsx, the TypeScript worker is used, else the
// built one in dist/. POSTMORTEM_ANALYSIS_WORKER overrides both, for tests and embedders.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkerScript {
  file: string;
  /** TypeScript source: the worker must load tsx itself (Node 20 workers do not get --import hooks). */
  typescript?: boolean;
}

/** Evaluated as a worker's entry when the worker is TypeScript. */
export const TYPESCRIPT_BOOTSTRAP = "require('tsx/cjs/api').register(); require(require('node:worker_threads').workerData.file);";

export function resolveWorkerScript(dir: string = __dirname, runningFromSource = __filename.endsWith('.ts')): WorkerScript {
  const override = process.env['POSTMORTEM_ANALYSIS_WORKER'];
  if (override) return override.endsWith('.ts') ? { file: override, typescript: true } : { file: override };
  const candidates = [
    ...(runningFromSource ? [join(dir, 'analysis-worker.ts')] : []),
    join(dir, 'analysis-worker.js'),
    // server/src/lsp -> dist/ when running from source without a TypeScript loader.
    join(dir, '..', '..', '..', 'dist', 'analysis-worker.js'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`analysis worker not found (looked at ${candidates.join(', ')}); run "node scripts/build.mjs"`);
  return found.endsWith('.ts') ? { file: found, typescript: true } : { file: found };
}
