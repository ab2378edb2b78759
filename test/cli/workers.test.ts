// The worker pool through the built bundle: the time budget cuts a document short and the run
// goes on; one or two workers give the same output; without the worker bundle it still works.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { FIXTURES, REPO, buildCli, lines, runCli, scratch } from './helpers';

/** A long, valid postmortem: far more than any budget below allows to analyse. */
function bigPostmortem(entries: number): string {
  const out = ['# Postmortem: Generated', '', '## Issue Summary', '', '**Duration:** 1 hour', '', '## Timeline', ''];
  for (let i = 0; i < entries; i++) {
    const m = i % 1440;
    out.push(`- **${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')} UTC:** entry ${i}, with a few more words so the line looks real`);
  }
  return out.join('\n') + '\n';
}

describe('worker pool', () => {
  let dir: string;
  before(() => {
    buildCli();
    dir = scratch('basic');
    writeFileSync(join(dir, 'big.md'), bigPostmortem(40_000)); // ~3 MB
  });

  it('--budget-ms 1: every file gets an analysis-budget finding and the run finishes', async () => {
    const { code, stdout, stderr } = await runCli(['lint', '--budget-ms', '1', '--jobs', '2', '--format', 'json', 'big.md', 'clean.md'], { cwd: dir });
    assert.equal(stderr, '');
    assert.equal(code, 0); // the budget finding is a warning
    const files = JSON.parse(stdout).files;
    assert.deepEqual(
      files.map((f: { path: string }) => f.path),
      ['big.md', 'clean.md'],
    );
    const big = files[0];
    assert.equal(big.isPostmortem, null);
    assert.deepEqual(big.findings.map((f: { ruleId: string; severity: string; line: number; message: string }) => [f.ruleId, f.severity, f.line, f.message]), [
      ['analysis-budget', 'warning', 1, 'Analysis was cut short after 1 ms (--budget-ms); this file was not fully checked.'],
    ]);
  });

  it('a document over budget is cut short while the next one, on a fresh worker, is analysed', async () => {
    const started = Date.now();
    const { code, stdout } = await runCli(['lint', '--budget-ms', '3000', '--jobs', '1', 'big.md', 'duration.md'], { cwd: dir });
    assert.equal(code, 1);
    const [big, duration, summary, ...rest] = lines(stdout);
    assert.equal(big, 'big.md:1:1 warning Analysis was cut short after 3000 ms (--budget-ms); this file was not fully checked. [analysis-budget]');
    assert.match(duration!, /^duration\.md:5:48 error .+ \[duration-mismatch\]$/);
    assert.equal(summary, '2 problems (1 error, 1 warning) in 2 files');
    assert.deepEqual(rest, []);
    assert.ok(Date.now() - started < 30_000, 'the big document was not analysed to the end');
  });

  it('--jobs 1 and --jobs 2 print the same, in input order', async () => {
    const many = scratch();
    const names = ['clean.md', 'duration.md', 'labels.md', 'notes.md', 'unsorted.md'];
    for (let i = 0; i < 4; i++) for (const name of names) copyFileSync(join(FIXTURES, 'basic', name), join(many, `${i}-${name}`));
    for (const format of ['text', 'json']) {
      const one = await runCli(['lint', '--jobs', '1', '--format', format], { cwd: many });
      const two = await runCli(['lint', '--jobs', '2', '--format', format], { cwd: many });
      assert.equal(one.code, 1);
      assert.equal(two.code, one.code);
      assert.equal(two.stdout, one.stdout);
    }
  });

  it('runs from the TypeScript source too (worker loaded through tsx), with the same output', async () => {
    const basic = scratch('basic');
    const bundled = await runCli(['lint', '--format', 'json', '.'], { cwd: basic });
    const source = await new Promise<string>((resolvePromise, reject) => {
      // The scratch folder has no node_modules: name tsx's loader by its absolute URL.
      const tsx = pathToFileURL(createRequire(__filename).resolve('tsx')).href;
      const main = join(REPO, 'server/src/cli/main.ts');
      const child = spawn(process.execPath, ['--import', tsx, main, 'lint', '--jobs', '1', '--budget-ms', '60000', '--format', 'json', '.'], { cwd: basic });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      child.on('error', reject);
      child.on('close', () => (err ? reject(new Error(err)) : resolvePromise(out)));
    });
    assert.equal(source, bundled.stdout);
  });

  it('without the worker bundle, analyses on the main thread and says so once', async () => {
    const cli = join(scratch(), 'cli.js');
    copyFileSync(buildCli(), cli);
    const { code, stdout, stderr } = await runCli(['lint', '.'], { cwd: scratch('basic'), cli });
    assert.equal(code, 1);
    assert.equal(lines(stdout).at(-1), '4 problems (1 error, 3 warnings) in 5 files');
    assert.match(stderr, /^postmortem: warning: no lint-worker\.js beside the CLI; .+\n$/);
    assert.ok(readFileSync(join(dirname(buildCli()), 'lint-worker.js')).length > 0);
  });
});
