// The per-postmortem summary behind `postmortem metrics` and the editor's workspace index:
// title, date, severity, duration, metrics and action items (open, overdue, where they are).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionItemOptions, analyze, incidentSummary, resolveConfig, severityRank } from '../../server/src/core';
import { formatShortMinutes } from '../../server/src/core/time/format';

const DOC = `# Postmortem: Login errors

**Severity:** SEV-1 – full outage

## Summary

**Duration:** May 20, 2024, 14:00 - 16:30 UTC (2 hours 30 minutes)

## Timeline

- **14:00 UTC:** Errors begin.
- **14:05 UTC:** [detected] Alert fires.
- **15:00 UTC:** [mitigated] Rolled back.

## Root Cause

A bad deploy.

## Action Items

- [ ] Add a canary stage (owner: @amy, due: 2024-06-01)
- [ ] Alert on login errors (owner: @bo, due: June 25)
- [x] Roll back faster (owner: @cy, due: 2024-05-25)
- [ ] Write the runbook
- Review the deploy checklist
`;

const NOW = new Date('2024-06-20T12:00:00Z');

function summary(text: string, options = {}) {
  return incidentSummary(analyze(text, { path: 'postmortems/2024-05-20-login.md' }).model, { now: NOW, ...options });
}

describe('incident summary', () => {
  it('reads title, date, severity, duration and the metrics', () => {
    const s = summary(DOC);
    assert.equal(s.title, 'Postmortem: Login errors');
    assert.equal(s.date, '2024-05-20');
    assert.equal(s.severity, 'SEV-1');
    assert.equal(s.severityRank, 1);
    assert.equal(s.durationMinutes, 150);
    assert.deepEqual([s.ttdMinutes, s.ttaMinutes, s.ttmMinutes, s.ttrMinutes], [5, null, 60, 150]);
  });

  it('counts action items; only unchecked tasks are open, unless assumeOpen', () => {
    const s = summary(DOC);
    assert.equal(s.actionItems, 5);
    assert.equal(s.openActionItems, 3);
    assert.deepEqual(s.openItems.map((i) => i.text.split(' (')[0]), ['Add a canary stage', 'Alert on login errors', 'Write the runbook']);
    const assumed = summary(DOC, { assumeOpen: true });
    assert.equal(assumed.openActionItems, 4);
    assert.equal(assumed.openItems.at(-1)!.text, 'Review the deploy checklist');
  });

  it('says which open items are overdue, as action-item-overdue does (year from the incident, grace days)', () => {
    const [canary, alert, runbook] = summary(DOC).openItems;
    assert.deepEqual([canary!.owner, canary!.due, canary!.overdue, canary!.daysLate], ['@amy', '2024-06-01', true, 19]);
    // "June 25" in a May 2024 postmortem is June 25, 2024: five days ahead of "now".
    assert.deepEqual([alert!.due, alert!.overdue, alert!.daysLate], ['2024-06-25', false, null]);
    assert.deepEqual([runbook!.owner, runbook!.due, runbook!.overdue], [null, null, false]);
    assert.equal(summary(DOC).overdueActionItems, 1);
    assert.equal(summary(DOC, { graceDays: 30 }).overdueActionItems, 0);
    assert.equal(summary(DOC, { now: new Date('2024-07-01T00:00:00Z') }).overdueActionItems, 2);
  });

  it('gives each open item its 0-based line', () => {
    const lines = DOC.split('\n');
    for (const item of summary(DOC).openItems) assert.ok(lines[item.line]!.includes(item.text.split(' (')[0]!), `${item.line}: ${item.text}`);
    const crlf = summary(DOC.replace(/\n/g, '\r\n')).openItems.map((i) => i.line);
    assert.deepEqual(crlf, summary(DOC).openItems.map((i) => i.line));
  });

  it('falls back: stated duration without a window, no date, no severity, no title', () => {
    const s = incidentSummary(analyze('## Summary\n\n**Duration:** 45 minutes\n\n## Timeline\n\n- 10:00 alert\n', { path: 'incidents/x.md' }).model);
    assert.equal(s.title, null);
    assert.equal(s.date, null);
    assert.equal(s.severity, null);
    assert.equal(s.severityRank, null);
    assert.equal(s.durationMinutes, 45);
    assert.deepEqual(s.openItems, []);
  });

  it('dates the incident by the start of its window, the year written once at its end', () => {
    const text = '# Postmortem: feature store stale\n\n## Summary\n\nFrom 22:40 UTC on Oct 28 to 01:05 UTC on Oct 29, 2026 (2h 25m), ranking used stale features.\n\n## Timeline\n\n- 22:40 job fails\n- 01:05 resolved\n';
    const s = incidentSummary(analyze(text, { path: 'incidents/x.md' }).model);
    assert.equal(s.date, '2026-10-28');
    assert.equal(s.durationMinutes, 145);
  });

  it('dates the incident by the first day of a Date field that spans two', () => {
    const text = '# Postmortem: overnight upgrade evictions\n\n**Date:** 22–23 January 2026\n\n## Summary\n\nPods were evicted overnight.\n\n## Timeline\n\n- 23:41 UTC upgrade starts\n- 01:58 UTC done\n';
    assert.equal(incidentSummary(analyze(text, { path: 'incidents/x.md' }).model).date, '2026-01-22');
  });

  it('ends the incident at "OUTAGE ENDS", not at a later entry that says "restored"', () => {
    const text = '# Postmortem: search lag\n\n## Summary\n\nSearch was stale.\n\n## Timeline\n\n2026-01-20 (all times UTC)\n\n- 19:30 Flag ramped. **OUTAGE BEGINS**\n- 20:10 Freshness probe pages the search on-call.\n- 20:18 On-call acknowledges.\n\n2026-01-21\n\n- 01:50 Backlog normal. **OUTAGE ENDS**\n- 02:30 Worker ceiling restored to 64.\n';
    const s = incidentSummary(analyze(text, { path: 'incidents/x.md' }).model);
    assert.deepEqual([s.ttdMinutes, s.ttaMinutes, s.ttrMinutes], [40, 48, 380]);
  });

  it('ranks severities on the usual scales, most severe first', () => {
    const ranks = ['SEV0', 'sev-1', 'Sev 2', 'P0', 'P3', 'S1', 'critical', 'High', 'minor', 'purple', null].map(severityRank);
    assert.deepEqual(ranks, [0, 1, 2, 0, 3, 1, 0, 1, 3, null, null]);
  });

  it('takes graceDays and assumeOpen from the config of action-item-overdue', () => {
    assert.deepEqual(actionItemOptions(resolveConfig()), {});
    const config = resolveConfig({ rules: { 'action-item-overdue': { options: { graceDays: 3, assumeOpen: true } } } });
    assert.deepEqual(actionItemOptions(config), { graceDays: 3, assumeOpen: true });
  });

  it('writes lengths compactly for lists and tables', () => {
    assert.deepEqual([0, 45, 60, 150, 1440, 1530, 1501].map(formatShortMinutes), ['0m', '45m', '1h', '2h 30m', '1d', '1d 1h', '1d 1h']);
  });
});
