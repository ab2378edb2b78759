// `postmortem metrics` on the built CLI: per-incident figures and medians by month or quarter,
// as a table, JSON (validated against schemas/metrics-output.schema.json) and CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { buildCli, FIXTURES, lines, REPO, runCli } from './helpers';

const dir = join(FIXTURES, 'metrics');

interface MetricsJson {
  by: string;
  incidents: Array<{ path: string } & Record<string, unknown>>;
  periods: Array<{ period: string; incidents: number; medians: Record<string, number | null>; counts: Record<string, number> }>;
}

describe('postmortem metrics', () => {
  before(() => buildCli());

  it('prints one row per postmortem and medians by month', async () => {
    const { code, stdout, stderr } = await runCli(['metrics', '.'], { cwd: dir });
    assert.equal(stderr, '');
    assert.equal(code, 0);
    const out = lines(stdout);
    assert.match(out[0]!, /^File\s+Date\s+Severity\s+Duration\s+TTD\s+TTA\s+TTM\s+TTR\s+Open\/all items$/);
    assert.match(out[1]!, /^db-failover\.md\s+2024-05-20\s+SEV-2\s+2h 30m\s+5m\s+15m\s+1h\s+2h 30m\s+1\/3$/);
    assert.match(out[2]!, /^login\.md\s+2024-05-28\s+P1\s+1h\s+10m\s+-\s+-\s+1h\s+0\/0$/);
    assert.match(out[3]!, /^queue\.md\s+2024-07-02\s+-\s+30m\s+0m\s+-\s+-\s+30m\s+0\/0$/);
    assert.ok(!stdout.includes('notes.md'), 'ordinary Markdown is skipped');
    assert.match(out[4]!, /^Month\s+Incidents\s+Duration \(median\)/);
    assert.match(out[5]!, /^2024-05\s+2\s+1h 45m\s+8m\s+15m\s+1h\s+1h 45m\s+1$/);
    assert.match(out[6]!, /^2024-07\s+1\s+30m\s+0m\s+-\s+-\s+30m\s+0$/);
  });

  it('--format json follows the schema; --by quarter groups by quarter', async () => {
    const { code, stdout } = await runCli(['metrics', '--format', 'json', '--by', 'quarter', '.'], { cwd: dir });
    assert.equal(code, 0);
    const data: MetricsJson = JSON.parse(stdout);
    const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'metrics-output.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    assert.equal(data.by, 'quarter');
    assert.deepEqual(data.incidents.map((i) => i.path), ['db-failover.md', 'login.md', 'queue.md']);
    assert.deepEqual(data.incidents[0], {
      path: 'db-failover.md', date: '2024-05-20', severity: 'SEV-2', durationMinutes: 150, ttdMinutes: 5, ttaMinutes: 15, ttmMinutes: 60, ttrMinutes: 150, actionItems: 3, openActionItems: 1,
    });
    assert.deepEqual(data.periods.map((p) => [p.period, p.incidents]), [['2024-Q2', 2], ['2024-Q3', 1]]);
    assert.equal(data.periods[0]!.medians['durationMinutes'], 105);
    assert.equal(data.periods[0]!.counts['ttaMinutes'], 1);
  });

  it('--format csv prints incidents, or periods with --by', async () => {
    const incidents = await runCli(['metrics', '--format', 'csv', '.'], { cwd: dir });
    const rows = incidents.stdout.split('\r\n').filter(Boolean);
    assert.equal(rows[0], 'file,date,severity,duration_minutes,ttd_minutes,tta_minutes,ttm_minutes,ttr_minutes,action_items,open_action_items');
    assert.equal(rows[1], 'db-failover.md,2024-05-20,SEV-2,150,5,15,60,150,3,1');
    assert.equal(rows[2], 'login.md,2024-05-28,P1,60,10,,,60,0,0');
    const periods = await runCli(['metrics', '--format', 'csv', '--by', 'month', '.'], { cwd: dir });
    assert.deepEqual(periods.stdout.split('\r\n').filter(Boolean), [
      'period,incidents,median_duration_minutes,median_ttd_minutes,median_tta_minutes,median_ttm_minutes,median_ttr_minutes,open_action_items',
      '2024-05,2,105,8,15,60,105,1',
      '2024-07,1,30,0,,,30,0',
    ]);
  });

  it('bad usage is one line on stderr and exit 2', async () => {
    for (const args of [['--format', 'xml'], ['--by', 'week'], ['--nope'], ['missing-folder']]) {
      const { code, stdout, stderr } = await runCli(['metrics', ...args], { cwd: dir });
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout === '' || /No postmortems|File/.test(stdout), true);
      assert.equal(lines(stderr).length, 1, stderr);
      assert.match(stderr, /^postmortem: /);
    }
  });

  it('is listed in the general help and has its own', async () => {
    assert.match((await runCli(['--help'], { cwd: dir })).stdout, /^\s+metrics\s+Incident metrics/m);
    assert.match((await runCli(['metrics', '--help'], { cwd: dir })).stdout, /^Usage: postmortem metrics/);
  });
});
