// Where the analysis worker's code is. In the bundle (dist/server.js) it is the sibling
// dist/analysis-worker.js. Run from source under tsx, the TypeScript worker is used (workers
// inherit the parent's --import tsx), else the built one in dist/. POSTMORTEM_ANALYSIS_WORKER
// overrides both, for tests and embedders.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkerScript {
  file: string;
}

export function resolveWorkerScript(dir: string = __dirname, runningFromSource = __filename.endsWith('.ts')): WorkerScript {
  const override = process.env['POSTMORTEM_ANALYSIS_WORKER'];
  if (override) return { file: override };
  const candidates = [
    ...(runningFromSource ? [join(dir, 'analysis-worker.ts')] : []),
    join(dir, 'analysis-worker.js'),
    // server/src/lsp -> dist/ when running from source without a TypeScript loader.
    join(dir, '..', '..', '..', 'dist', 'analysis-worker.js'),
  ];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`analysis worker not found (looked at ${candidates.join(', ')}); run "node scripts/build.mjs"`);
  return { file: found };
}
