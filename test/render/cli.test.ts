// `postmortem render FILE -o report.html` through the built CLI (test/cli's private copy of the
// bundle): the report file, its theme, standard output without -o, and usage errors (exit 2).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { buildCli } from '../cli/helpers';
import { byClass, elements, RENDER_FIXTURES, ROOT } from './helpers';

const REPORT = join(RENDER_FIXTURES, 'report.md');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [buildCli(), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('postmortem render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'postmortem-render-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a standalone report with the card, chart and document', () => {
    const out = join(dir, 'report.html');
    const r = cli('render', REPORT, '-o', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(out, 'utf8');
    assert.ok(html.startsWith('<!doctype html>'));
    const tree = fromHtml(html);
    assert.equal(byClass(tree, 'pm-card').length, 1);
    assert.equal(byClass(tree, 'pm-chart-svg').length, 1);
    assert.equal(byClass(tree, 'pm-document').length, 1);
    assert.equal(elements(tree).find((e) => e.tagName === 'title')?.children[0]?.type, 'text');
    assert.equal(elements(tree).find((e) => e.tagName === 'body')?.properties['dataPmTheme'], 'auto');
  });

  it('forces a theme and writes to standard output without -o', () => {
    const r = cli('render', REPORT, '--theme', 'dark');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(elements(fromHtml(r.stdout)).find((e) => e.tagName === 'body')?.properties['dataPmTheme'], 'dark');
  });

  it('rejects bad usage with one line and exit code 2', () => {
    for (const args of [['render'], ['render', 'a.md', 'b.md'], ['render', REPORT, '--theme', 'sepia'], ['render', REPORT, '--bogus'], ['render', join(dir, 'missing.md')]]) {
      const r = cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^postmortem: .+\n$/, args.join(' '));
    }
  });

  it('is listed in the general help and has its own', () => {
    assert.match(cli('--help').stdout, /render\s+Write a postmortem as a standalone HTML report/);
    assert.match(cli('help', 'render').stdout, /^Usage: postmortem render FILE/);
  });
});
