// In-process tests of the CLI's pure pieces (no build needed): globs, file expansion, line
// endings, time formatting, argument checks and config discovery.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseLintArgs, UsageError } from '../../server/src/cli/args';
import { expandInputs, displayPath } from '../../server/src/cli/files';
import { matchLineEndings } from '../../server/src/cli/fix-writer';
import { globBase, globToRegExp } from '../../server/src/cli/glob';
import { Progress } from '../../server/src/cli/progress';
import { formatMoment } from '../../server/src/cli/report';
import type { Moment } from '../../server/src/core';
import { ConfigFileCache, findConfigFile } from '../../server/src/node/config-files';

const root = mkdtempSync(join(tmpdir(), 'postmortem-cli-units-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('globs', () => {
  it('splits the base folder from the pattern and matches relative paths', () => {
    assert.deepEqual(globBase('docs/2024/**/*.md'), { base: 'docs/2024', rest: '**/*.md' });
    assert.deepEqual(globBase('*.md'), { base: '.', rest: '*.md' });
    assert.deepEqual(globBase('/srv/pm/*.md'), { base: '/srv/pm', rest: '*.md' });
    const re = globToRegExp('**/*.{md,markdown}');
    assert.ok(re.test('a.md') && re.test('x/y/b.markdown'));
    assert.ok(!re.test('a.txt'));
    assert.ok(globToRegExp('incident-[0-9].md').test('incident-7.md'));
    assert.ok(!globToRegExp('*.md').test('sub/a.md'));
  });
});

describe('expandInputs', () => {
  const dir = join(root, 'tree');
  mkdirSync(join(dir, 'b/node_modules/pkg'), { recursive: true });
  mkdirSync(join(dir, '.git'), { recursive: true });
  for (const f of ['z.md', 'a.md', 'b/c.md', 'b/notes.txt', 'b/node_modules/pkg/README.md', '.git/x.md']) writeFileSync(join(dir, f), '#\n');
  symlinkSync(dir, join(dir, 'b/loop'));

  it('recurses folders for *.md in sorted order, skipping node_modules, .git and symlink loops', () => {
    const { files, errors } = expandInputs(['.'], dir);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      files.map((f) => displayPath(f, dir)),
      ['a.md', join('b', 'c.md'), 'z.md'],
    );
  });

  it('keeps argument order, drops duplicates, lints named files whatever their extension', () => {
    const { files } = expandInputs(['z.md', 'b/notes.txt', '.', 'z.md'], dir);
    assert.deepEqual(
      files.map((f) => displayPath(f, dir)),
      ['z.md', join('b', 'notes.txt'), 'a.md', join('b', 'c.md')],
    );
  });

  it('reports arguments that name nothing', () => {
    assert.deepEqual(expandInputs(['nope.md', 'q/*.md'], dir).errors, ['nope.md: no such file or directory', 'no files match q/*.md']);
  });
});

describe('matchLineEndings', () => {
  it('makes inserted line breaks follow the file', () => {
    assert.equal(matchLineEndings('a\r\nb\r\n', 'a\r\n## x\nb\r\n'), 'a\r\n## x\r\nb\r\n');
    assert.equal(matchLineEndings('a\nb\n', 'a\r\nb\n'), 'a\nb\n');
    assert.equal(matchLineEndings('a\r\nb\n', 'a\r\nc\nb\n'), 'a\r\nc\nb\n');
    assert.equal(matchLineEndings('one line', 'one\nline'), 'one\nline');
  });
});

describe('formatMoment', () => {
  const moment = (m: Partial<Moment>): Moment => ({ minutes: 0, dateKnown: false, zoneKnown: false, range: { start: 0, end: 0 }, mention: { start: 0, end: 0 }, ...m });
  it('is ISO in UTC with a date, HH:MM as written without one', () => {
    const may20 = Date.UTC(2024, 4, 20, 14, 5) / 60_000;
    assert.equal(formatMoment(moment({ minutes: may20, dateKnown: true, zoneKnown: true })), '2024-05-20T14:05Z');
    assert.equal(formatMoment(moment({ minutes: may20, dateKnown: true })), '2024-05-20T14:05');
    assert.equal(formatMoment(moment({ minutes: may20 + 0.5, dateKnown: true, zoneKnown: true })), '2024-05-20T14:05:30Z');
    assert.equal(formatMoment(moment({ minutes: 60, mention: { start: 0, end: 0, time: { hour: 14, minute: 30, meridiem: 'pm' } } })), '14:30');
    assert.equal(formatMoment(moment({ minutes: 1440, mention: { start: 0, end: 0, time: { hour: 0, minute: 0, endOfDay: true } } })), '24:00');
  });
});

describe('parseLintArgs', () => {
  it('parses every option', () => {
    const o = parseLintArgs(['--format=json', '--fix', '--no-config', '--template', 'generic', '--time-zone', 'UTC', '--rule', 'timeline-order=off', '--rule', 'missing-section=error', '--force', '--jobs', '3', '--budget-ms', '50', '--max-warnings', '0', '-q', 'a.md', 'b']);
    assert.deepEqual(o, {
      inputs: ['a.md', 'b'],
      format: 'json',
      fix: true,
      config: false,
      template: 'generic',
      timeZone: 'UTC',
      rules: { 'timeline-order': 'off', 'missing-section': 'error' },
      force: true,
      jobs: 3,
      budgetMs: 50,
      maxWarnings: 0,
      quiet: true,
      verbose: false,
      help: false,
      version: false,
    });
  });

  it('defaults: text, nearest config, one job per core, 10 s budget', () => {
    const o = parseLintArgs([]);
    assert.equal(o.format, 'text');
    assert.equal(o.config, undefined);
    assert.ok(o.jobs >= 1);
    assert.equal(o.budgetMs, 10_000);
  });

  it('throws UsageError with one line for mistakes', () => {
    for (const args of [['--format'], ['--jobs', 'two'], ['--budget-ms', '0'], ['--max-warnings', '-1'], ['--rule', 'timeline-order'], ['--template', ' ']]) {
      assert.throws(() => parseLintArgs(args), (e: Error) => e instanceof UsageError && !e.message.includes('\n'), args.join(' '));
    }
  });
});

describe('config files', () => {
  const project = join(root, 'project');
  mkdirSync(join(project, 'docs/deep'), { recursive: true });
  writeFileSync(join(project, '.postmortemrc.json'), '{ "rules": { "timeline-order": "error" } }');

  it('finds the nearest config walking up, and nothing above the root', () => {
    assert.equal(findConfigFile(join(project, 'docs/deep')), join(project, '.postmortemrc.json'));
    assert.equal(findConfigFile('/'), undefined);
  });

  it('caches per folder and per file, errors included, until invalidated', () => {
    const cache = new ConfigFileCache();
    const first = cache.forDirectory(join(project, 'docs/deep'));
    assert.ok('config' in first && first.config.rules?.['timeline-order'] === 'error');
    writeFileSync(join(project, '.postmortemrc.json'), '{ "rules": { "timeline-order": 7 } }');
    assert.equal(cache.forDirectory(join(project, 'docs')), first, 'cached');
    cache.invalidate(join(project, '.postmortemrc.json'));
    const bad = cache.forDirectory(join(project, 'docs'));
    assert.ok('error' in bad && bad.error.key === 'rules.timeline-order', JSON.stringify(bad));
    writeFileSync(join(project, 'docs/.postmortemrc.json'), '{}');
    cache.invalidate(join(project, 'docs/.postmortemrc.json'));
    assert.equal(cache.forDirectory(join(project, 'docs/deep')).file, join(project, 'docs/.postmortemrc.json'));
  });
});

describe('Progress', () => {
  const fake = (isTTY: boolean) => {
    const writes: string[] = [];
    const stream = { isTTY, columns: 30, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream;
    return { stream, writes };
  };

  it('rewrites one line on a terminal, fitted to its width, and clears it at the end', () => {
    const { stream, writes } = fake(true);
    const progress = new Progress(stream, 74);
    progress.update(12, 'docs/a.md');
    progress.update(13, 'docs/a-very-long-folder-name/with-a-long-file-name.md');
    progress.clear();
    assert.equal(writes[0], '\r\x1b[K[12/74] docs/a.md');
    assert.ok(writes[1]!.startsWith('\r\x1b[K[13/74] ') && writes[1]!.endsWith('file-name.md'));
    assert.ok(writes[1]!.length - 4 <= 29, writes[1]);
    assert.equal(writes[2], '\r\x1b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stream, writes } = fake(false);
    const progress = new Progress(stream, 74);
    progress.update(1, 'a.md');
    progress.clear();
    assert.deepEqual(writes, []);
  });
});
