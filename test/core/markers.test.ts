// Timeline markers from the templates' keywords (model/timeline.ts markersOf): which words mark a
// milestone, and which uses of a marker word do not (an alert paging the on-call, a rollback that
// changed nothing, a restart that was only attempted).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markersOf } from '../../server/src/core/model/timeline';
import { BUILTIN_TEMPLATES } from '../../server/src/core/templates/builtin';
import type { MarkerKind, Template } from '../../server/src/core/templates/types';

const template = (id: string): Template => BUILTIN_TEMPLATES.find((t) => t.id === id)!;
const ALL = ['generic', 'google-sre', 'issue-summary'];

/** Asserts the entry marks `kind` (or not) under every built-in template. */
function marks(text: string, kind: MarkerKind, expected = true): void {
  for (const id of ALL) assert.equal(markersOf(text, template(id)).includes(kind), expected, `${id}: "${text}" ${expected ? 'should' : 'should not'} mark ${kind}`);
}

describe('acknowledgement markers', () => {
  for (const text of [
    'On-call acks the page and starts looking at consumer logs.',
    'Alice acked the page.',
    'On-call acknowledges the page.',
    "Bob ack'd the alert.",
    'Bob ack’d the alert.',
    'SRE joined the incident call.',
  ]) {
    it(`"${text}" is an acknowledgement`, () => marks(text, 'acknowledged'));
  }

  it('an alert paging the on-call is the detection, not the acknowledgement', () => {
    for (const text of ['Consumer lag alert pages the on-call.', 'Failure alert pages the on-call engineer.', 'PagerDuty paged the on-call SRE.']) {
      marks(text, 'acknowledged', false);
      marks(text, 'detected');
    }
  });

  it('the on-call doing something is still an acknowledgement where the template lists "on-call"', () => {
    for (const id of ['google-sre', 'issue-summary']) {
      assert.ok(markersOf('On-call engineer dives into the logs.', template(id)).includes('acknowledged'), id);
    }
  });
});

describe('mitigation and resolution markers that did not happen', () => {
  it('a rollback with no effect does not mitigate', () => {
    for (const text of [
      'Dispatcher deploy rolled back; no change in lag.',
      'Rolled back the config, did not help.',
      "Rolled back the deploy but it didn't help.",
      'Rolled back the deploy: no improvement.',
      'Rolled back the deploy, without effect.',
      'Workaround attempted; errors continue.',
      'Tried a workaround (disabling the cache).',
    ]) {
      marks(text, 'mitigated', false);
    }
  });

  it('a restoration that failed or is still awaited does not resolve', () => {
    marks('Attempted to restart the Database server, but it failed to come back online.', 'resolved', false);
    marks('Servers reverted to most recent working change until error is resolved.', 'resolved', false);
    marks('Tried restoring from backup.', 'resolved', false);
  });

  it('an earlier attempt in the entry does not deny a later success', () => {
    marks('Restarting the pods did not help; rolled back the release, errors stop.', 'mitigated');
    marks('Restart did not help. Service restored after the rollback.', 'resolved');
  });

  it('"Rollback complete" and a revert mitigate', () => {
    marks('Rollback complete.', 'mitigated');
    marks('Rollback completed on all hosts.', 'mitigated');
    marks('CNAME restored by reverting the PR.', 'mitigated');
    marks('Partitions evenly assigned; lag falling.', 'mitigated');
  });

  it('"reachable again", "back to normal", "recovered" resolve', () => {
    for (const text of ['DNS caches expired; status page reachable again from our monitors.', 'Latency back to normal.', 'Checkout recovered.']) {
      marks(text, 'resolved');
    }
  });

  it('the denial stays in its sentence: an earlier "no alert" does not deny a later rollback', () => {
    marks('No alert fired. Rolled back the deploy.', 'mitigated');
  });

  it('a team reporting "all clear" on its part is no resolution', () => {
    marks('False lead: network team reports all clear.', 'resolved', false);
  });
});

describe('the Google SRE book markers and paging phrases', () => {
  it('"OUTAGE BEGINS" and "OUTAGE ENDS" in capitals are the start and the resolution, as explicit as [resolved]', () => {
    assert.deepEqual(markersOf('Flag ramped to 100% of locales. **OUTAGE BEGINS**', template('google-sre')), ['start']);
    assert.deepEqual(markersOf('Backlog at normal level. **OUTAGE ENDS**', template('generic')), ['resolved']);
  });

  it('a probe paging a named rota is a detection, and not the acknowledgement', () => {
    marks('Freshness probe pages the search on-call: results 30 minutes stale.', 'detected');
    marks('Freshness probe pages the search on-call: results 30 minutes stale.', 'acknowledged', false);
  });

  it('error pages are not a page', () => marks('Static error pages were served to visitors.', 'detected', false));
});
