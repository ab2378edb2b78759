// Incident metrics from timeline markers: which entry ends each metric.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { incidentMetrics } from '../../server/src/core/metrics';

const doc = (timeline: string) => `# Postmortem: Checkout errors

## Summary

**Start:** 2024-05-20 14:00 UTC

## Timeline

${timeline}

## Root Cause

A bad deploy.
`;

const metricsOf = (text: string) => incidentMetrics(analyze(text, { path: 'postmortems/checkout.md' }).model);

describe('incident metrics', () => {
  it('an explicit [resolved] wins over a resolution keyword on an earlier entry', () => {
    const m = metricsOf(doc('- **14:00 UTC:** Errors begin.\n- **14:52 UTC:** Traffic restored for most users.\n- **15:10 UTC:** [resolved] Last queue drained.'));
    assert.equal(m.timeToResolve, 70);
    assert.equal(m.milestones.find((x) => x.kind === 'resolved')?.entry?.text, '[resolved] Last queue drained.');
  });

  it('without explicit markers an entry with a resolution keyword ends the metric', () => {
    const m = metricsOf(doc('- **14:00 UTC:** Errors begin.\n- **14:52 UTC:** Service restored.\n- **15:10 UTC:** Queue drained.'));
    assert.equal(m.timeToResolve, 52);
  });

  it('of several entries with a resolution keyword the last ends the incident; the earlier ones mitigate', () => {
    const m = metricsOf(doc('- **14:00 UTC:** Errors begin.\n- **14:52 UTC:** Traffic restored for most users.\n- **15:10 UTC:** Last region recovered.\n- **15:20 UTC:** Postmortem scheduled.'));
    assert.equal(m.timeToResolve, 70);
    assert.equal(m.timeToMitigate, 52);
  });

  it('a stated end wins over an earlier entry that says "resolved", which then counts as the mitigation', () => {
    const text = doc('- **14:00 UTC:** Errors begin.\n- **14:20 UTC:** Fix deployed; issue resolved.\n- **15:00 UTC:** Error rate at baseline.').replace('**Start:** 2024-05-20 14:00 UTC', '**Start:** 2024-05-20 14:00 UTC\n**End:** 2024-05-20 15:00 UTC');
    const m = metricsOf(text);
    assert.equal(m.timeToResolve, 60);
    assert.equal(m.timeToMitigate, 20);
  });
});

const DELAYED = `# Postmortem: Delayed notifications

## Summary

Notifications were delayed from 09:14 to 12:26 UTC (3 hours 12 minutes).

## Timeline

- **09:14** – Kafka upgrade begins; consumer group rebalances.
- **09:41** – Consumer lag alert pages the on-call.
- **09:50** – On-call acks the page and starts looking at consumer logs.
- **10:18** – Dispatcher deploy rolled back; no change in lag.
- **11:20** – Partitions evenly assigned; lag falling.
- **12:26** – Backlog drained. Incident resolved.
`;

const STATUS_PAGE = `# Postmortem: status page unreachable

## Summary

The status page was unreachable from 16:20 to 17:05 UTC (45 minutes).

## Timeline

- 16:20 \`status\` CNAME removed.
- 16:52 CNAME restored by reverting the PR.
- 17:05 DNS caches expired; status page reachable again from our monitors.
`;

const times = (m: ReturnType<typeof metricsOf>) => [m.timeToDetect, m.timeToAcknowledge, m.timeToMitigate, m.timeToResolve];

describe('incident metrics reviewers checked by hand', () => {
  it('delayed notifications: the page is the detection, "acks" the acknowledgement, a rollback with no change no mitigation', () => {
    assert.deepEqual(times(metricsOf(DELAYED)), [27, 36, 126, 192]);
  });

  it('the same under the google-sre template, whose "on-call" keyword must not make the page an acknowledgement', () => {
    assert.deepEqual(times(metricsOf(`---\ntemplate: google-sre\n---\n${DELAYED}`)), [27, 36, 126, 192]);
  });

  it('status page: restored at 16:52 mitigates, reachable again at 17:05 resolves', () => {
    assert.deepEqual(times(metricsOf(STATUS_PAGE)), [undefined, undefined, 32, 45]);
  });
});

const withSummary = (summary: string, timeline: string) => `# Postmortem: Search outage

## Summary

${summary}

## Timeline

${timeline}

## Root Cause

A bad index.
`;

const TIMELINE = '- 10:00 UTC Index rebuild starts; search errors.\n- 10:05 UTC Alert fires.\n- 10:20 UTC Rolled back the index.\n- 11:00 UTC Search resolved.';

describe('milestones stated as fields', () => {
  it('a two-column table of Start time, Detected, Mitigated and Resolved rows', () => {
    const summary = '| Field | Value |\n| --- | --- |\n| Start time | 2026-08-19 10:00 UTC |\n| Detected | 2026-08-19 10:05 UTC |\n| Mitigated | 2026-08-19 10:40 UTC |\n| Resolved | 2026-08-19 11:00 UTC |';
    assert.deepEqual(times(metricsOf(withSummary(summary, TIMELINE))), [5, undefined, 40, 60]);
  });

  it('a table with the fields as columns (incident review style)', () => {
    const summary = '| Start time | Detected | Acknowledged | Mitigated | Resolved |\n| --- | --- | --- | --- | --- |\n| 2026-08-19 10:00 UTC | 2026-08-19 10:05 UTC | 2026-08-19 10:12 UTC | 2026-08-19 10:40 UTC | 2026-08-19 11:00 UTC |';
    assert.deepEqual(times(metricsOf(withSummary(summary, TIMELINE))), [5, 12, 40, 60]);
  });

  it('bold "Label:" lines, the date and zone taken from the start', () => {
    const summary = '**Start:** 2026-08-19 10:00 UTC\n**End:** 2026-08-19 11:00 UTC\n**Acknowledged:** 10:12 UTC\n**Mitigated:** 10:40 UTC';
    const m = metricsOf(withSummary(summary, TIMELINE));
    assert.deepEqual(times(m), [5, 12, 40, 60]);
    assert.equal(m.milestones.find((x) => x.kind === 'mitigated')?.field?.label, 'Mitigated');
  });

  it('a field in another zone than the start is converted', () => {
    const summary = '**Start:** 2026-08-19 10:00 UTC\n**End:** 2026-08-19 11:00 UTC\n**Mitigated:** 12:40 CEST';
    assert.equal(metricsOf(withSummary(summary, TIMELINE)).timeToMitigate, 40);
  });

  it('without a stated window the field is counted from the first entry', () => {
    const summary = 'Search failed for an hour.\n\n**Mitigated:** 10:40 UTC';
    assert.equal(metricsOf(withSummary(summary, TIMELINE)).timeToMitigate, 40);
  });

  it('a field that is not a time ("Detected: by a customer") leaves the timeline\'s marker', () => {
    const summary = '**Start:** 2026-08-19 10:00 UTC\n**End:** 2026-08-19 11:00 UTC\n**Detected:** by a customer ticket';
    assert.equal(metricsOf(withSummary(summary, TIMELINE)).timeToDetect, 5);
  });
});
