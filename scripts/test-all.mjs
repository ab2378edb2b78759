// The one test command (`npm test`, and CI's .ci/run): installs what is missing, type-checks,
// builds, then runs every suite — engine, CLI, client, renderer, robustness, the language server
// over stdio, and the suites inside a real VS Code (code-server + Chromium). Prints one line per
// suite and a closing "N passed, N failed" line.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const fast = args.has('--fast'); // skip the real-editor suites (for quick local runs)

/** Test files under test/<dir> matching the suffix, recursively, sorted. */
function testFiles(dir, suffix = '.test.ts') {
  const base = join(root, 'test', dir);
  if (!existsSync(base)) return [];
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        if (name !== 'fixtures' && name !== 'workspace') walk(p);
      } else if (name.endsWith(suffix)) out.push(relative(root, p));
    }
  };
  walk(base);
  return out;
}

/** Runs a command, echoing its output, and reads the pass/fail counts it prints. */
function run(name, command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${name}: ${command} ${commandArgs.join(' ')}`);
    const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const scan = (chunk) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) {
        // node:test's summary ("# pass 12") and our runners' "name: N passed, N failed[, N skipped]".
        let m = /^(?:#|ℹ) (pass|fail|skipped) (\d+)$/.exec(line.trim());
        if (m) {
          if (m[1] === 'pass') passed += Number(m[2]);
          else if (m[1] === 'fail') failed += Number(m[2]);
          else skipped += Number(m[2]);
        }
        m = /^[\w:-]+: (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line.trim());
        if (m) {
          passed += Number(m[1]);
          failed += Number(m[2]);
          skipped += Number(m[3] ?? 0);
        }
      }
    };
    child.stdout.on('data', (c) => {
      process.stdout.write(c);
      scan(c);
    });
    child.stderr.on('data', (c) => {
      process.stderr.write(c);
      scan(c);
    });
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ name, code: code ?? 1, passed, failed, skipped, seconds });
    });
  });
}

ensureDependencies();
const node = process.execPath;
const steps = [
  ['typecheck', node, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['build', node, ['scripts/build.mjs']],
];
const unitDirs = ['core', 'cli', 'client', 'render', 'robustness', 'server'];
for (const dir of unitDirs) {
  const files = testFiles(dir);
  if (files.length > 0) steps.push([dir, node, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]]);
}
if (!fast) {
  steps.push(['vscode', node, ['scripts/vscode/test-vscode.mjs', '--skip-build']]);
  // Its own session: a workspace of two folders, each with its own settings (multi-root.test.ts).
  steps.push(['vscode-multi-root', node, ['scripts/vscode/test-vscode.mjs', '--skip-build', '--multi-root']]);
  steps.push(['ui', node, ['scripts/vscode/test-ui.mjs', '--skip-build']]);
}

const results = [];
for (const [name, command, commandArgs] of steps) {
  const r = await run(name, command, commandArgs);
  results.push(r);
  // Nothing after a failed type-check or build can be trusted.
  if (r.code !== 0 && (name === 'typecheck' || name === 'build')) break;
}

console.log('\n=== summary');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name.padEnd(10)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds} s`);
  passed += r.passed;
  failed += r.failed + (r.code !== 0 && r.failed === 0 ? 1 : 0);
  skipped += r.skipped;
}
const ok = results.length === steps.length && results.every((r) => r.code === 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
