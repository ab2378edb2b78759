// The default text output and the exit codes, on the built CLI.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildCli, lines, runCli, scratch } from './helpers';

const SUMMARY = /^(\d+) problems? \((\d+) errors?, (\d+) warnings?(?:, \d+ information\/hints)?\) in (\d+) files?$/;

describe('postmortem lint (text)', () => {
  let dir: string;
  before(() => {
    buildCli();
    dir = scratch('basic');
  });

  it('prints file:line:col severity message [rule] and a summary, exit 1 when errors remain', async () => {
    const { code, stdout, stderr } = await runCli(['lint', '.'], { cwd: dir });
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const out = lines(stdout);
    assert.match(out.at(-1)!, SUMMARY);
    assert.equal(out.at(-1), '4 problems (1 error, 3 warnings) in 5 files');
    const findings = out.slice(0, -1);
    for (const line of findings) assert.match(line, /^[\w./-]+\.md:\d+:\d+ (error|warning|information|hint) .+ \[[a-z-]+\]$/);
    assert.ok(findings.some((l) => /^duration\.md:5:48 error Duration says 30 minutes.+ \[duration-mismatch\]$/.test(l)), stdout);
    assert.ok(findings.some((l) => l.startsWith('labels.md:11:1 warning ') && l.endsWith('[section-not-heading]')), stdout);
    assert.ok(findings.some((l) => l.startsWith('labels.md:') && l.endsWith('[missing-section]')), stdout);
    assert.ok(findings.some((l) => l.startsWith('unsorted.md:15:') && l.endsWith('[timeline-order]')), stdout);
    // Input order: files sorted by name within the folder.
    const order = findings.map((l) => l.split(':')[0]);
    assert.deepEqual(order, [...order].sort());
  });

  it('says nothing about Markdown that is not a postmortem', async () => {
    const { code, stdout } = await runCli(['notes.md'], { cwd: dir });
    assert.equal(code, 0);
    assert.deepEqual(lines(stdout), ['0 problems (0 errors, 0 warnings) in 1 file']);
    const verbose = await runCli(['lint', '--verbose', 'notes.md'], { cwd: dir });
    assert.match(verbose.stdout, /^notes\.md: not a postmortem \(.+\)$/m);
  });

  it('exits 0 on a clean postmortem; `postmortem FILE` means lint', async () => {
    const { code, stdout } = await runCli(['clean.md'], { cwd: dir });
    assert.equal(code, 0);
    assert.deepEqual(lines(stdout), ['0 problems (0 errors, 0 warnings) in 1 file']);
  });

  it('--quiet reports errors only; --max-warnings turns warnings into exit 1', async () => {
    const quiet = await runCli(['lint', '--quiet', '.'], { cwd: dir });
    assert.equal(quiet.code, 1);
    const [only, summary, ...rest] = lines(quiet.stdout);
    assert.match(only!, /^duration\.md:5:48 error .+ \[duration-mismatch\]$/);
    assert.equal(summary, '1 problem (1 error, 0 warnings) in 5 files');
    assert.deepEqual(rest, []);
    const warnings = await runCli(['lint', 'labels.md', 'unsorted.md'], { cwd: dir });
    assert.equal(warnings.code, 0, warnings.stdout);
    const strict = await runCli(['lint', '--max-warnings', '2', 'labels.md', 'unsorted.md'], { cwd: dir });
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /^postmortem: 3 warnings, more than --max-warnings 2\n$/);
    const loose = await runCli(['lint', '--max-warnings', '3', 'labels.md', 'unsorted.md'], { cwd: dir });
    assert.equal(loose.code, 0);
  });

  it('--rule changes a severity, --force lints any Markdown', async () => {
    const off = await runCli(['lint', '--rule', 'duration-mismatch=off', 'duration.md'], { cwd: dir });
    assert.equal(off.code, 0);
    const raised = await runCli(['lint', '--rule', 'timeline-order=error', 'unsorted.md'], { cwd: dir });
    assert.equal(raised.code, 1);
    assert.match(raised.stdout, /unsorted\.md:15:\d+ error .*\[timeline-order\]/);
    const forced = await runCli(['lint', '--force', 'notes.md'], { cwd: dir });
    assert.match(forced.stdout, /\[missing-section\]/);
  });

  it('exit 2 with one line on bad usage', async () => {
    const cases: [string[], RegExp][] = [
      [['lint', '--format', 'xml'], /^postmortem: --format must be one of text, json, sarif \(got "xml"\)$/],
      [['lint', '--bogus'], /^postmortem: unknown option --bogus/],
      [['lint', '--jobs', '0'], /^postmortem: --jobs must be a whole number of at least 1/],
      [['lint', '--rule', 'no-such-rule=error'], /^postmortem: --rule: unknown rule "no-such-rule"/],
      [['lint', '--rule', 'timeline-order=loud'], /^postmortem: --rule timeline-order: severity must be one of/],
      [['lint', '--config', 'x.json', '--no-config'], /^postmortem: --config and --no-config cannot be used together$/],
      [['lint', '--template', 'nope', 'clean.md'], /^postmortem: --template: unknown template "nope"/],
      [['lint', '--time-zone', 'Mars/Olympus', 'clean.md'], /^postmortem: --time-zone: unknown zone "Mars\/Olympus"/],
      [['frobnicate'], /^postmortem: "frobnicate" is neither a command \(lint, metrics, render\) nor a file or folder$/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args, { cwd: dir })));
    for (const [i, [args, message]] of cases.entries()) {
      const { code, stdout, stderr } = runs[i]!;
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '', args.join(' '));
      assert.equal(lines(stderr).length, 1, stderr);
      assert.match(stderr.trimEnd(), message);
    }
  });

  it('a file that cannot be read: one line, the others still linted, exit 2 at the end', async () => {
    const missing = await runCli(['lint', 'missing.md', 'duration.md'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'postmortem: missing.md: no such file or directory\n');
    assert.match(missing.stdout, /duration\.md:5:48 error/);
    if (process.getuid?.() === 0) return; // root reads files whatever their mode
    const locked = join(dir, 'locked.md');
    writeFileSync(locked, '# Postmortem: locked\n');
    chmodSync(locked, 0o000);
    const unreadable = await runCli(['lint', 'locked.md', 'duration.md'], { cwd: dir });
    assert.equal(unreadable.code, 2);
    assert.equal(unreadable.stderr, 'postmortem: locked.md: cannot be read (EACCES)\n');
    assert.match(unreadable.stdout, /duration\.md:5:48 error/);
  });

  it('globs are expanded when the shell did not', async () => {
    const { stdout } = await runCli(['lint', '{clean,duration}.md'], { cwd: dir });
    assert.equal(lines(stdout).at(-1), '1 problem (1 error, 0 warnings) in 2 files');
    const none = await runCli(['lint', '*.txt'], { cwd: dir });
    assert.equal(none.code, 2);
    assert.equal(none.stderr, 'postmortem: no files match *.txt\n');
  });

  it('--help, --version and no progress line when stderr is not a terminal', async () => {
    const help = await runCli(['--help'], { cwd: dir });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: postmortem <command>/);
    assert.match(help.stdout, /--budget-ms N/);
    const lintHelp = await runCli(['lint', '--help'], { cwd: dir });
    assert.match(lintHelp.stdout, /^Usage: postmortem lint/);
    const version = await runCli(['--version'], { cwd: dir });
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const run = await runCli(['lint', '.'], { cwd: dir });
    assert.doesNotMatch(run.stderr, /\r|\[\d+\/\d+\]/);
  });
});
