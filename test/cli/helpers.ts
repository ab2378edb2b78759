// Builds the real bundles once per test process and runs them as a user would: `node cli.js ...`.
// The bundles are copied to a private folder first, so a colleague (or a parallel test file)
// rebuilding dist/ cannot swap the CLI under a running test.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');
export const FIXTURES = join(REPO, 'test/fixtures/cli');

let built: string | undefined;

/** Folders to remove when the test process ends (one listener, however many folders). */
const temporary: string[] = [];
process.on('exit', () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Runs scripts/build.mjs and returns the path of a private copy of dist/cli.js (worker beside it). */
export function buildCli(): string {
  if (built) return built;
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-cli-bundle-'));
  for (const file of ['cli.js', 'lint-worker.js']) copyFileSync(join(REPO, 'dist', file), join(dir, file));
  temporary.push(dir);
  return (built = join(dir, 'cli.js'));
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd: string; cli?: string }): Promise<CliRun> {
  const cli = options.cli ?? buildCli();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** A scratch copy of a fixture folder (or an empty folder), removed when the process ends. */
export function scratch(fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-cli-test-'));
  if (fixture) cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  temporary.push(dir);
  return dir;
}

export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}
