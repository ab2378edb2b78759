// --fix: safe fixes only, written atomically, BOM / CRLF / mode kept, unchanged files untouched,
// and a second run has nothing left to do.
import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { FIXTURES, buildCli, lines, runCli, scratch } from './helpers';

const PAST = new Date('2020-01-01T00:00:00Z');
const fixture = (name: string) => readFileSync(join(FIXTURES, 'basic', name), 'utf8');

describe('postmortem lint --fix', () => {
  let dir: string;
  let first: Awaited<ReturnType<typeof runCli>>;
  const mtimes = new Map<string, number>();

  before(async () => {
    buildCli();
    dir = scratch();
    // CRLF and a BOM are made here, not checked in, so git's line-ending settings cannot change them.
    writeFileSync(join(dir, 'crlf.md'), '\uFEFF' + fixture('labels.md').replace(/\n/g, '\r\n'));
    chmodSync(join(dir, 'crlf.md'), 0o640);
    for (const name of ['unsorted.md', 'clean.md', 'duration.md', 'notes.md']) writeFileSync(join(dir, name), fixture(name));
    for (const name of readdirSync(dir)) {
      utimesSync(join(dir, name), PAST, PAST);
      mtimes.set(name, statSync(join(dir, name)).mtimeMs);
    }
    first = await runCli(['lint', '--fix', '.'], { cwd: dir });
  });

  it('reports what remains after fixing, and which files changed', () => {
    assert.equal(first.stderr, '');
    assert.equal(first.code, 1); // duration-mismatch's fix is not safe: the error stays
    const out = lines(first.stdout);
    assert.ok(out.some((l) => l.startsWith('crlf.md:1:1 warning ') && l.endsWith('[missing-section]')), first.stdout);
    assert.ok(out.some((l) => l.startsWith('duration.md:5:48 error ')), first.stdout);
    assert.ok(!out.some((l) => l.endsWith('[section-not-heading]') || l.endsWith('[timeline-order]')), first.stdout);
    assert.deepEqual(out.slice(-2), ['Fixed 2 files.', '2 problems (1 error, 1 warning) in 5 files']);
  });

  it('keeps the BOM, CRLF line endings and the file mode, and changes only the fixed line', () => {
    const bytes = readFileSync(join(dir, 'crlf.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    assert.equal(text.match(/\r\n/g)?.length, text.match(/\n/g)?.length, 'every line break is still CRLF');
    assert.equal(statSync(join(dir, 'crlf.md')).mode & 0o777, 0o640);
    const expected = fixture('labels.md').replace('**Timeline:**', '## Timeline').replace(/\n/g, '\r\n');
    assert.equal(text, expected);
  });

  it('sorts the timeline keeping each entry whole', () => {
    const text = readFileSync(join(dir, 'unsorted.md'), 'utf8');
    const original = fixture('unsorted.md');
    const moved = '- **10:15 UTC:** Memory leak identified in the new release.\n';
    const expected = original.replace(moved, '').replace('- **10:30 UTC:**', moved + '- **10:30 UTC:**');
    assert.equal(text, expected);
  });

  it('never touches files it does not change, and leaves no temporary files', () => {
    for (const name of ['clean.md', 'duration.md', 'notes.md']) {
      assert.equal(statSync(join(dir, name)).mtimeMs, mtimes.get(name), name);
      assert.equal(readFileSync(join(dir, name), 'utf8'), fixture(name), name);
    }
    assert.deepEqual(readdirSync(dir).sort(), ['clean.md', 'crlf.md', 'duration.md', 'notes.md', 'unsorted.md']);
  });

  it('a second --fix run changes nothing', async () => {
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), PAST, PAST);
    const before = readdirSync(dir).map((name) => readFileSync(join(dir, name)));
    const second = await runCli(['lint', '--fix', '.'], { cwd: dir });
    assert.equal(second.code, 1);
    assert.deepEqual(lines(second.stdout).slice(-1), ['2 problems (1 error, 1 warning) in 5 files']);
    assert.ok(!second.stdout.includes('Fixed'));
    for (const [i, name] of readdirSync(dir).entries()) {
      assert.equal(statSync(join(dir, name)).mtimeMs, PAST.getTime(), name);
      assert.deepEqual(readFileSync(join(dir, name)), before[i], name);
    }
  });

  it('writes through a symlink to its target, keeping the link', async () => {
    const linked = scratch();
    writeFileSync(join(linked, 'target.txt'), fixture('labels.md'));
    symlinkSync('target.txt', join(linked, 'link.md'));
    const run = await runCli(['lint', '--fix', 'link.md'], { cwd: linked });
    assert.equal(run.stderr, '');
    assert.ok(lstatSync(join(linked, 'link.md')).isSymbolicLink());
    assert.match(readFileSync(join(linked, 'target.txt'), 'utf8'), /^## Timeline$/m);
  });
});
