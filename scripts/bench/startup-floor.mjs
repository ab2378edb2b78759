// The floor under "server start → first diagnostics" on this machine, measured in the same run
// (bench.mjs runs it between the server's starts, so each pair is seconds apart on a host whose
// speed moves within minutes): a fresh node process starts one worker thread, which loads a bundle
// through a V8 code cache and runs one step on the same 5 KB postmortem, cold, as the server's
// analysis worker does, and nothing else: no language server, no messages but the answer.
//   parse    the engine's parse alone (BlockCache.parse: blocks split and parsed with remark);
//   analyze  the whole analysis (analyze(): parse, model, rules).
// The parse cannot leave the worker (the thread that answers requests never waits on the parser)
// and must use remark, so "parse" is what any server built to the issue pays before its first
// diagnostics; "analyze" is what ours pays in its engine.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, '.bench', 'startup-floor');
const ENTRIES = {
  parse: "export { BlockCache } from './server/src/core/parse/document';",
  analyze: "export { analyze } from './server/src/core/analyze';",
};

// Loads the bundle through its code cache (written after the first run's step, as the server's
// worker-boot.ts does), runs the step, answers. Kept to what the server's worker does on that path.
const WORKER = `
const { parentPort, workerData: d } = require('node:worker_threads');
const { readFileSync, writeFileSync } = require('node:fs');
const { Script } = require('node:vm');
const source = readFileSync(d.bundle, 'utf8');
let cachedData;
try { cachedData = readFileSync(d.cache); } catch {}
const script = new Script('(function (exports, require, module) {' + source + '\\n})', { filename: d.bundle, ...(cachedData ? { cachedData } : {}) });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod);
const steps = { parse: (t) => new mod.exports.BlockCache().parse(t).blocks.length, analyze: (t) => mod.exports.analyze(t).findings.length };
steps[d.mode](d.text);
if (!cachedData || script.cachedDataRejected) writeFileSync(d.cache, script.createCachedData());
parentPort.postMessage(0);
`;
const MAIN = `
const { Worker } = require('node:worker_threads');
const worker = new Worker(process.env.FLOOR_WORKER, { eval: true, workerData: JSON.parse(process.env.FLOOR_DATA), stdout: true, stderr: true });
worker.once('message', () => { process.stdout.write('done\\n'); process.exit(0); });
worker.once('error', (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

/** Milliseconds from spawning node to the worker's answer. */
function once(mode, bundle, text) {
  const data = JSON.stringify({ mode, bundle, cache: `${bundle}.v8cache`, text });
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', MAIN], { env: { ...process.env, FLOOR_WORKER: WORKER, FLOOR_DATA: data }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      if (String(d).includes('done')) resolve(performance.now() - t0);
    });
    child.once('exit', (code) => code !== 0 && reject(new Error(`floor ${mode} exited ${code}: ${err}`)));
  });
}

/**
 * Builds both bundles (like scripts/build.mjs --production) and runs each step once to write its
 * code cache. Returns `run(mode)`, which times one fresh start, and `dispose()`.
 */
export async function prepareStartupFloor(text) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const bundles = {};
  for (const [mode, contents] of Object.entries(ENTRIES)) {
    bundles[mode] = join(DIR, `${mode}.js`);
    await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, legalComments: 'none', logLevel: 'warning', outfile: bundles[mode] });
    await once(mode, bundles[mode], text);
  }
  return {
    run: (mode) => once(mode, bundles[mode], text),
    dispose: () => rmSync(DIR, { recursive: true, force: true }),
  };
}
