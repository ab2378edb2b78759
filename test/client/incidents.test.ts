// What the Incidents view and the open action items quick pick say about the server's rows, and
// the orders Sort By… offers (client/src/incidents/format.ts, sort.ts: pure, no VS Code).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionItemPick, actionItemsTitle, incidentDescription, incidentLabel, incidentTooltip } from '../../client/src/incidents/format';
import { DEFAULT_SORT, isSortKey, SORTS, sortIncidents, type SortKey } from '../../client/src/incidents/sort';
import type { IncidentRow, OpenActionItemRow } from '../../client/src/protocol';

function row(path: string, over: Partial<IncidentRow> = {}): IncidentRow {
  return {
    uri: `file:///ws/${path}`,
    path,
    problems: 0,
    title: null,
    date: null,
    severity: null,
    severityRank: null,
    durationMinutes: null,
    ttdMinutes: null,
    ttaMinutes: null,
    ttmMinutes: null,
    ttrMinutes: null,
    actionItems: 0,
    openActionItems: 0,
    overdueActionItems: 0,
    ...over,
  };
}

const ROWS = [
  row('a.md', { title: 'Postmortem: Checkout outage', date: '2024-03-05', severity: 'SEV2', severityRank: 2, durationMinutes: 150, openActionItems: 3, overdueActionItems: 1, actionItems: 4, problems: 2 }),
  row('b.md', { title: 'Incident report: API errors', date: '2024-06-01', severity: 'SEV0', severityRank: 0, durationMinutes: 30, openActionItems: 1, actionItems: 1, problems: 5 }),
  row('c.md', { title: 'DNS failure', date: null, severity: 'purple', durationMinutes: null, problems: 0 }),
  row('d.md', { title: 'Billing delay', date: '2023-12-24', severity: 'P1', severityRank: 1, durationMinutes: 1530, openActionItems: 0, problems: 1 }),
];

const order = (key: SortKey) => sortIncidents(ROWS, key).map((r) => r.path);

describe('Incidents view: rows', () => {
  it('labels a row with its title without the "Postmortem:" prefix, else its file name', () => {
    assert.equal(incidentLabel(ROWS[0]!), 'Checkout outage');
    assert.equal(incidentLabel(ROWS[1]!), 'API errors');
    assert.equal(incidentLabel(row('postmortems/2024-01-02-db.md')), '2024-01-02-db');
    assert.equal(incidentLabel(row('x.md', { title: 'Postmortem:' })), 'x', 'a title that is only the prefix');
  });

  it('describes a row compactly: date · severity · duration · open items · problems', () => {
    assert.equal(incidentDescription(ROWS[0]!), '2024-03-05 · SEV2 · 2h 30m · 3 open (1 overdue) · 2 problems');
    assert.equal(incidentDescription(ROWS[2]!), 'purple · 0 open · 0 problems');
    assert.equal(incidentDescription(ROWS[3]!), '2023-12-24 · P1 · 1d 1h · 0 open · 1 problem');
  });

  it('puts every figure in the tooltip table, escaping Markdown in the values', () => {
    const tip = incidentTooltip({ ...ROWS[0]!, ttdMinutes: 12, title: 'Postmortem: *bold* | pipe' });
    assert.match(tip, /^\*\*Postmortem: \\\*bold\\\* \\\| pipe\*\*/);
    assert.match(tip, /`a\.md`/);
    assert.match(tip, /\| Duration \| 2 hours 30 minutes \|/);
    assert.match(tip, /\| Time to detect \| 12 minutes \|/);
    assert.match(tip, /\| Time to resolve \| — \|/);
    assert.match(tip, /\| Action items \| 3 open of 4, 1 overdue \|/);
    assert.match(tip, /\| Problems \| 2 \|/);
  });
});

describe('Incidents view: Sort By…', () => {
  it('sorts by date, newest first, undated last (the default)', () => {
    assert.equal(DEFAULT_SORT, 'date');
    assert.deepEqual(order('date'), ['b.md', 'a.md', 'd.md', 'c.md']);
  });

  it('sorts by severity (most severe first), duration, open items, problems and title', () => {
    assert.deepEqual(order('severity'), ['b.md', 'd.md', 'a.md', 'c.md']);
    assert.deepEqual(order('duration'), ['d.md', 'a.md', 'b.md', 'c.md']);
    assert.deepEqual(order('openItems'), ['a.md', 'b.md', 'd.md', 'c.md']);
    assert.deepEqual(order('problems'), ['b.md', 'a.md', 'd.md', 'c.md']);
    assert.deepEqual(order('title'), ['b.md', 'd.md', 'a.md', 'c.md']);
  });

  it('breaks ties by newest date, then path; never changes its input', () => {
    const tied = [row('z.md', { date: '2024-01-01' }), row('y.md', { date: '2024-02-01' }), row('x.md', { date: '2024-01-01' })];
    assert.deepEqual(sortIncidents(tied, 'problems').map((r) => r.path), ['y.md', 'x.md', 'z.md']);
    assert.deepEqual(tied.map((r) => r.path), ['z.md', 'y.md', 'x.md']);
  });

  it('knows its keys', () => {
    for (const s of SORTS) assert.ok(isSortKey(s.key));
    assert.ok(!isSortKey('colour'));
    assert.ok(!isSortKey(undefined));
  });
});

describe('open action items quick pick', () => {
  const item = (over: Partial<OpenActionItemRow>): OpenActionItemRow => ({
    uri: 'file:///ws/p.md', path: 'postmortems/p.md', incident: 'Postmortem: P', text: 'Add alerting', owner: '@amy', due: '2024-06-01', overdue: false, daysLate: null, ticket: null, line: 22, ...over,
  });

  it('label = the action, description = owner · due date, detail = file:line (1-based)', () => {
    assert.deepEqual(actionItemPick(item({})), { label: 'Add alerting', description: '@amy · due 2024-06-01', detail: 'postmortems/p.md:23' });
  });

  it('flags overdue items and says what is missing', () => {
    assert.equal(actionItemPick(item({ overdue: true, daysLate: 19 })).description, '$(warning) overdue by 19 days · @amy · due 2024-06-01');
    assert.equal(actionItemPick(item({ owner: null, due: null })).description, 'no owner · no due date');
  });

  it('titles the list with counts', () => {
    assert.equal(actionItemsTitle([item({}), item({ overdue: true, daysLate: 1 })], 3), '2 open action items in 3 postmortems, 1 overdue');
    assert.equal(actionItemsTitle([item({})], 1), '1 open action item in 1 postmortem');
  });
});
