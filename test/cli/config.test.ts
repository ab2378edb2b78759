// Config files on the command line: nearest .postmortemrc.json per file, --config, --no-config,
// flags over files, and a bad config stopping the run with exit 2 and one line.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildCli, lines, runCli, scratch } from './helpers';

const findings = (stdout: string) => lines(stdout).filter((l) => /:\d+:\d+ /.test(l));

describe('postmortem lint config', () => {
  let dir: string;
  before(() => {
    buildCli();
    dir = scratch('configured');
  });

  it('uses the nearest .postmortemrc.json for each file (no merging with configs further up)', async () => {
    const { code, stdout } = await runCli(['lint', '.'], { cwd: dir });
    assert.equal(code, 1);
    const out = findings(stdout);
    // Root config turns duration-mismatch off; nested/ has its own config, which does not.
    assert.ok(!out.some((l) => l.startsWith('duration.md:')), stdout);
    assert.ok(out.some((l) => l.startsWith('nested/duration.md:5:48 error ')), stdout);
    assert.ok(out.some((l) => l.startsWith('nested/unsorted.md:15:5 error ') && l.endsWith('[timeline-order]')), stdout);
    // postmortemFiles globs are relative to the config's folder.
    assert.ok(out.some((l) => l.startsWith('reports/checkout.md:')), stdout);
  });

  it('--no-config ignores config files; --config uses one file for everything', async () => {
    const none = findings((await runCli(['lint', '--no-config', '.'], { cwd: dir })).stdout);
    assert.ok(none.some((l) => l.startsWith('duration.md:5:48 error ')));
    assert.ok(none.some((l) => l.startsWith('nested/unsorted.md:15:5 warning ')));
    assert.ok(!none.some((l) => l.startsWith('reports/')));
    const one = findings((await runCli(['lint', '--config', 'nested/.postmortemrc.json', '.'], { cwd: dir })).stdout);
    assert.ok(one.some((l) => l.startsWith('duration.md:5:48 error ')));
    assert.ok(one.some((l) => l.startsWith('nested/unsorted.md:15:5 error ')));
  });

  it('--rule wins over the config file', async () => {
    const { stdout } = await runCli(['lint', '--rule', 'timeline-order=off', '--rule', 'duration-mismatch=warning', 'nested'], { cwd: dir });
    assert.deepEqual(
      findings(stdout).map((l) => l.split(' ').slice(0, 2).join(' ')),
      ['nested/duration.md:5:48 warning'],
    );
  });

  it('a bad config: exit 2, one line naming the file and the key, nothing linted', async () => {
    const bad = scratch('bad-config');
    const { code, stdout, stderr } = await runCli(['lint', '.'], { cwd: bad });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'postmortem: .postmortemrc.json: "rules.timeline-order" must be one of "error", "warning", "information", "hint", "off"\n');
  });

  it('broken JSON, an unknown key and a missing --config file are one-line errors too', async () => {
    const cases: [string, RegExp][] = [
      ['{ "rules": ', /^postmortem: \.postmortemrc\.json: is not valid JSON \(.+\)$/],
      ['{ "colour": "blue" }', /^postmortem: \.postmortemrc\.json: "colour" is not a known setting$/],
    ];
    for (const [text, message] of cases) {
      const d = scratch('bad-config');
      writeFileSync(join(d, '.postmortemrc.json'), text);
      const { code, stderr } = await runCli(['lint', '.'], { cwd: d });
      assert.equal(code, 2);
      assert.equal(lines(stderr).length, 1, stderr);
      assert.match(stderr.trimEnd(), message);
    }
    const missing = await runCli(['lint', '--config', 'nope.json', '.'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'postmortem: nope.json: cannot be read (ENOENT)\n');
  });
});
