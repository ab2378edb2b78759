// Small helpers the orchestrating scripts share: run this repo's npm scripts, find test files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

export function hasNpmScript(name) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return Boolean(pkg.scripts?.[name]);
}

/** `npm run NAME` in the repo, output shown; throws with a clear message when it fails. */
export function npmRun(name, { prefix = '[vscode]' } = {}) {
  if (!hasNpmScript(name)) throw new Error(`package.json has no "${name}" script yet`);
  const t0 = Date.now();
  console.log(`${prefix} npm run ${name}`);
  const r = spawnSync('npm', ['run', name, '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run ${name} failed (exit ${r.status ?? r.signal})`);
  console.log(`${prefix} npm run ${name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** Files in DIR (relative to the repo) whose names match RE, sorted, as absolute paths. */
export function filesIn(dir, re) {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs).filter((f) => re.test(f)).sort().map((f) => path.join(abs, f));
}

/**
 * The folder the editor opens for tests: test/<kind>/workspace/ when a suite brings its own
 * fixtures, else examples/ (the sample postmortems), else the repo itself.
 */
export function defaultWorkspace(kind) {
  for (const d of [path.join(ROOT, 'test', kind, 'workspace'), path.join(ROOT, 'examples')]) {
    if (fs.existsSync(d)) return d;
  }
  return ROOT;
}
