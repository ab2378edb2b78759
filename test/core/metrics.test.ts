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

  it('without explicit markers the first entry with the keyword ends the metric', () => {
    const m = metricsOf(doc('- **14:00 UTC:** Errors begin.\n- **14:52 UTC:** Service restored.\n- **15:10 UTC:** Queue drained.'));
    assert.equal(m.timeToResolve, 52);
  });
});
