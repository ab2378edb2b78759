// Reading action items: owners, due dates, tickets and status from task lists, tables and the
// sub-bullets under an item, as real postmortems write them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type ActionItem } from '../../server/src/core';

function items(body: string): ActionItem[] {
  const text = `# Postmortem: test\n\n## Summary\n\nText.\n\n## Timeline\n\n- 10:00 UTC alert\n\n## Action Items\n\n${body}\n`;
  return analyze(text, { path: 'postmortems/x.md' }).model.actionItems;
}

const parts = (i: ActionItem) => ({ source: i.source, checked: i.checked, owner: i.owner, due: i.due && `${i.due.year ?? '?'}-${i.due.month}-${i.due.day}`, ticket: i.ticket });

describe('action items', () => {
  it('reads owners, dates and tickets from the text of task items', () => {
    const got = items(
      [
        '- [ ] Add alerting (owner: Alice Smith, due: 2024-07-01) ABC-123',
        '- [ ] Rotate keys @bob by June 3 #42',
        '- [x] Assigned to Carol, deadline: Q3 2024 https://example.invalid/issues/7',
        '- [ ] Caused by the 2024-05-01 deploy: nothing to read',
        '- [ ] UTF-8 and SEV-1 are not tickets; `#12` in code is not either',
        '- [ ] <span style="color: #696969;">styled text</span>',
      ].join('\n'),
    ).map(parts);
    assert.deepEqual(got, [
      { source: 'task', checked: false, owner: 'Alice Smith', due: '2024-7-1', ticket: 'ABC-123' },
      { source: 'task', checked: false, owner: '@bob', due: '?-6-3', ticket: '#42' },
      { source: 'task', checked: true, owner: 'Carol', due: '2024-9-30', ticket: 'https://example.invalid/issues/7' },
      { source: 'task', checked: false, owner: undefined, due: undefined, ticket: undefined },
      { source: 'task', checked: false, owner: undefined, due: undefined, ticket: undefined },
      { source: 'task', checked: false, owner: undefined, due: undefined, ticket: undefined },
    ]);
  });

  it('takes details from sub-bullets and treats group titles as headings', () => {
    const got = items(
      [
        '- [ ] Add alerting',
        '  - Owner: @dana',
        '  - Due: 2024-08-01',
        '- Process improvements:',
        '  - Write the runbook (DONE)',
        '  - Train the team',
      ].join('\n'),
    ).map((i) => ({ text: i.text, ...parts(i) }));
    assert.deepEqual(got, [
      { text: 'Add alerting', source: 'task', checked: false, owner: '@dana', due: '2024-8-1', ticket: undefined },
      { text: 'Write the runbook (DONE)', source: 'list', checked: true, owner: undefined, due: undefined, ticket: undefined },
      { text: 'Train the team', source: 'list', checked: null, owner: undefined, due: undefined, ticket: undefined },
    ]);
  });

  it('reads tables by their columns and skips empty rows and other tables', () => {
    const got = items(
      [
        '| Action Item | Who | Bug # | Due Date | Status |',
        '|---|---|---|---|---|',
        '| Add alerting | @erin | [#12](https://example.invalid/12) | 2024-09-01 | In progress |',
        '| Fix retries | - | n/a | | Done |',
        '|   |   |   |   |   |',
        '',
        '| Region | Cost |',
        '|---|---|',
        '| eu | 12 |',
      ].join('\n'),
    ).map(parts);
    assert.deepEqual(got, [
      { source: 'table', checked: false, owner: '@erin', due: '2024-9-1', ticket: '[#12](https://example.invalid/12)' },
      { source: 'table', checked: true, owner: undefined, due: undefined, ticket: undefined },
    ]);
  });

  it('keeps deadlines named without a date, and only after a key that makes them one', () => {
    const named = (i: ActionItem) => [i.text.slice(0, 12), i.due === undefined ? null : 'date', i.dueText ?? null];
    const got = items(
      [
        '- [ ] Add canary @ann, due end of sprint 14',
        '- [ ] Split the job @bo (ETA: next release)',
        '- [ ] Add alerts @cy by next sprint',
        '- [ ] Fix the runbook @di, deadline EOQ',
        '- [ ] Review access @ed by release managers',
        '- [ ] Rotate keys @fa by the end of the month',
        '',
        '| Action | Owner | Due |',
        '|---|---|---|',
        '| Add dashboards | @gu | Sprint 15 |',
        '| Page the DBA | @ha | 2024-09-01 |',
        '| Write docs | @io | soon |',
      ].join('\n'),
    ).map(named);
    assert.deepEqual(got, [
      ['Add canary @', null, 'end of sprint 14'],
      ['Split the jo', null, 'next release'],
      ['Add alerts @', null, 'next sprint'],
      ['Fix the runb', null, 'EOQ'],
      ['Review acces', null, null],
      ['Rotate keys ', null, 'end of month'],
      ['Add dashboar', null, 'Sprint 15'],
      ['Page the DBA', 'date', null],
      ['Write docs', null, null],
    ]);
  });

  it('takes an owner named first in the brackets that give the date', () => {
    const got = items(
      [
        '- [ ] Add an uptime check (Sam, due 2026-12-04)',
        '- [ ] VCL unit tests in CI (Web Platform team, due 2027-01-31) — WEB-3310',
        '- [ ] Split the job (High, due 2027-01-31)',
        '- [ ] Rotate keys (P1, due 2027-01-31)',
        '- [ ] Review the runbook (see the wiki, due 2027-01-31)',
      ].join('\n'),
    ).map((i) => i.owner ?? null);
    assert.deepEqual(got, ['Sam', 'Web Platform team', null, null, null]);
  });

  it('reads a status written last on a plain item, and tracker states in a status column', () => {
    const listed = items(
      [
        '- [Raise the memory limit](https://example.invalid/NET-812) — Amara Singh — Due 4 Sep 2026 — In progress',
        '- [Enable caching](https://example.invalid/CHK-2210) — Pierre Lambert — Due 11 Sep 2026 — Not started',
        '- [Alert on restarts](https://example.invalid/NET-813) — Amara Singh — Due 28 Aug 2026 — Completed',
        '- Keep the runbook open',
      ].join('\n'),
    ).map((i) => i.checked);
    assert.deepEqual(listed, [false, false, true, null]);
    const table = items(['| Task | Owner | Due | State |', '|---|---|---|---|', '| A | Felix | 2026-03-10 | Work in Progress |', '| B | Aiko | 2026-03-10 | New |', '| C | Jonas | 2026-03-10 | Closed Complete |'].join('\n')).map((i) => i.checked);
    assert.deepEqual(table, [false, false, true]);
  });
});

