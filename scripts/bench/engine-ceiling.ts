// This machine's ceiling for the CLI's own work (run by bench.mjs under tsx): the engine alone
// analyses every file of a directory on one worker thread, then on two threads at once (each all
// the files), with no CLI around it (no reading, no messages, no output). Two threads each doing
// the whole set in the time T2, against one in T1, give 2·T1/T2: the most files per second any
// pool of two workers could gain here. On two vCPUs that share a core, or memory bandwidth, it is
// well below 2×, so the CLI's own ratio is judged against it.
// Usage: node --import tsx scripts/bench/engine-ceiling.ts <dir> [files]   (prints JSON)
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze } from '../../server/src/core/analyze';
import { resolveConfig } from '../../server/src/core/config/resolve';

interface Job {
  dir: string;
  limit: number;
}

function analyseAll({ dir, limit }: Job): number {
  const config = resolveConfig();
  const files = readdirSync(dir).sort().slice(0, limit).map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  const start = performance.now();
  let findings = 0;
  for (const { name, text } of files) findings += analyze(text, { path: name, config }).findings.length;
  if (findings === 0) throw new Error('no findings: the generated postmortems should give some');
  return performance.now() - start;
}

/** Workers do not inherit `--import tsx`: load this file through tsx's CommonJS hook. */
function startWorker(job: Job): Promise<number> {
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(__filename)});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: job });
    worker.once('message', (ms: number) => resolve(ms));
    worker.once('error', reject);
  });
}

async function threads(job: Job, n: number): Promise<number> {
  const times = await Promise.all(Array.from({ length: n }, () => startWorker(job)));
  return Math.max(...times);
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  const limit = Number(process.argv[3] ?? Infinity);
  if (!dir) throw new Error('usage: engine-ceiling.ts <dir> [files]');
  // Alternate, and keep each one's best: the host's speed moves within minutes.
  const one: number[] = [];
  const two: number[] = [];
  for (let round = 0; round < 2; round++) {
    one.push(await threads({ dir, limit }, 1));
    two.push(await threads({ dir, limit }, 2));
  }
  const t1 = Math.min(...one);
  const t2 = Math.min(...two);
  process.stdout.write(JSON.stringify({ oneMs: t1, twoMs: t2, ceiling: (2 * t1) / t2 }));
}

if (isMainThread) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
} else {
  parentPort!.postMessage(analyseAll(workerData as Job));
}
