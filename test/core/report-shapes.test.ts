// Shapes of real incident reports that tripped the engine: a timeline with a declared zone and one
// entry in another, debriefs and cloud "Summary of the ... event" reports, "Contributing factors"
// beside or instead of "Root Cause".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';

const NOW = new Date('2026-01-15T00:00:00Z');
const run = (text: string, path = 'docs/report.md') => analyze(text, { path, now: NOW });
const rules = (text: string, path?: string) => run(text, path).findings.map((f) => f.ruleId);

const body = (timeline: string, causes = '## Root Cause\n\nA kernel update rebooted every node at once.\n') => `# Postmortem: orders API down

## Summary

**Duration:** 48 minutes (09:12 – 10:00 UTC). Orders failed for all customers.

## Timeline

${timeline}

${causes}
## Action Items

- [ ] Drain nodes before patching (owner: @platform, due 2030-01-01)
`;

describe('report shapes', () => {
  it('an entry in another zone does not move the later entries out of the declared zone', () => {
    const text = body('All times UTC.\n\n- 09:12 — Nodes rebooted.\n- 10:40 CET — Volumes force-detached.\n- 09:52 — Orders API serving again.\n- 10:00 — Error rate at baseline. Resolved.');
    assert.deepEqual(rules(text).filter((r) => r.startsWith('timeline') || r.startsWith('window')), ['timeline-zone-mismatch']);
  });

  it('without a declared zone, a zone written once carries to the entries after it', () => {
    const text = body('- 10:12 CET — Nodes rebooted.\n- 10:52 — Orders API serving again.\n- 11:00 — Error rate at baseline. Resolved.');
    assert.deepEqual(rules(text).filter((r) => r.startsWith('timeline') || r.startsWith('window')), []);
  });

  it('takes no alert for an alert: an entry that says none fired marks nothing', () => {
    const text = body('- 08:30 UTC — Batch not finished; no alert, the SLA check runs only at 09:12.\n- 09:12 UTC — SLA alert fired; on-call paged.\n- 10:00 UTC — Batch finished. Resolved.');
    assert.deepEqual(rules(text).filter((r) => r.startsWith('timeline') || r.startsWith('window')), []);
  });

  it('reads a debrief and a cloud "Summary of the ... Event" as postmortems', () => {
    const debrief = '# Debrief: listing images broken after a CDN certificate rotation\n\n## Summary\n\nImages failed to load for 40 minutes.\n\n## Timeline\n\n- 10:00 UTC: rotation.\n- 10:40 UTC: rollback.\n\n## What we learned\n\n- Check the chain.\n\n## Remediation items\n\n- [ ] Verify chains (owner: @edge, due 2030-01-01)\n';
    assert.equal(run(debrief).isPostmortem, true);
    assert.deepEqual(run(debrief).model.sections.filter((s) => s.ids.length > 0).map((s) => s.ids[0]), ['summary', 'timeline', 'lessons-learned', 'action-items']);
    const cloud = '# Summary of the Object Storage Service Event in the Oregon Region\n\nWe want to give you some details about the service disruption.\n\n## Summary of the event\n\nBetween 11:49 AM and 2:37 PM PDT, requests failed.\n';
    assert.equal(run(cloud).isPostmortem, true);
    assert.ok(run(cloud).model.sections.some((s) => s.ids.includes('summary')));
    assert.equal(run('# Summary of the quarterly planning meeting\n\n## Timeline\n\n- Q1: hiring.\n').isPostmortem, false);
  });

  it('takes "Contributing factors" for the root cause when it stands alone, and as a part of it beside one', () => {
    const alone = body('- 09:12 UTC — Nodes rebooted.\n- 10:00 UTC — Resolved.', '## Contributing factors\n\n- A kernel update rebooted every node at once.\n');
    assert.deepEqual(rules(alone).filter((r) => r === 'missing-section'), []);
    const beside = body('- 09:12 UTC — Nodes rebooted.\n- 10:00 UTC — Resolved.', '## Root Cause\n\nA kernel update rebooted every node.\n\n## Contributing Factors on our side\n\n- No drain step.\n');
    assert.deepEqual(rules(beside).filter((r) => r === 'duplicate-section'), []);
    const labels = body('- 09:12 UTC — Nodes rebooted.\n- 10:00 UTC — Resolved.', 'Root Cause\nA kernel update rebooted every node.\n\nContributing Factors\nNo drain step in the runbook.\n');
    assert.deepEqual(rules(labels).filter((r) => r === 'duplicate-section'), []);
  });
});
