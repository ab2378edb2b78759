// Timeline entries whose date and time are written apart (a table's Date column, "| 03:10 | Aug 18 |")
// or whose time is restated in the timeline's zone ("14:30 BST (13:30 UTC)"): the date, zone and
// place each entry gets, the metrics they give, and that the incremental path (per-line memos,
// entries kept from one version to the next) agrees with a fresh analysis.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FUZZ_SEED } from '../robustness/support/env';
import { analyze, BlockCache, placeTimeline, type AnalyzeOptions, type TimelineEntry } from '../../server/src/core';
import { incidentMetrics } from '../../server/src/core/metrics';

const NOW = new Date('2026-09-01T00:00:00Z');

const doc = (summary: string, timeline: string) => `# Postmortem: Orders DB failover

## Summary

${summary}

## Timeline

${timeline}

## Root Cause

Failing disk.

## Action Items

- [ ] Alert on fsync (@sven, due 2026-12-10)
`;

const analyse = (text: string, options: AnalyzeOptions = {}) => analyze(text, { now: NOW, path: 'postmortems/orders.md', ...options });

/** Each entry as "written time | date | zone | clock | text". */
function entriesOf(text: string): string[] {
  const model = analyse(text).model;
  const show = (e: TimelineEntry) => {
    const d = e.date ? `${e.date.year ?? '?'}-${e.date.month}-${e.date.day}` : '-';
    return [text.slice(e.timeRange.start, e.timeRange.end), d + (e.dateExplicit ? '' : ' (carried)'), e.zone?.text ?? '-', e.clock, e.text].join(' | ');
  };
  return (model.timeline?.entries ?? []).map(show);
}

const ruleFindings = (text: string, ruleId: string) => analyse(text).findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);

const DATE_FIRST = `| Date | Time (UTC) | Event |
| --- | --- | --- |
| 2026-08-18 | 03:10 | First failover |
| 2026-08-18 | 03:35 | etcd latency seen |
| 2026-08-18 | 03:14 | Alert pages DB on-call |
| 2026-08-18 | 05:25 | Write error rate 0; resolved |`;

describe('timeline tables with a Date column', () => {
  it('dates each row by its date cell and times it by its time cell', () => {
    const text = doc('Writes to orders failed for 9% of requests from 03:10 to 05:25 UTC.', DATE_FIRST);
    assert.deepEqual(entriesOf(text), [
      '03:10 | 2026-8-18 | UTC | 190 | | First failover |',
      '03:35 | 2026-8-18 | UTC | 215 | | etcd latency seen |',
      '03:14 | 2026-8-18 | UTC | 194 | | Alert pages DB on-call |',
      '05:25 | 2026-8-18 | UTC | 325 | | Write error rate 0; resolved |',
    ]);
    assert.deepEqual(ruleFindings(text, 'timeline-order'), ['Timeline out of order: 03:14 comes after 03:35.']);
  });

  it('gives the metrics the same table without its Date column gives', () => {
    const withDates = doc('Writes to orders failed for 9% of requests from 03:10 to 05:25 UTC.', DATE_FIRST);
    const without = withDates.replace(/\| 2026-08-18 /g, '').replace('| Date ', '').replace('| --- | --- | --- |', '| --- | --- |');
    for (const text of [withDates, without]) {
      const m = incidentMetrics(analyse(text).model);
      assert.equal(m.timeToDetect, 4);
      assert.equal(m.timeToResolve, 135);
    }
  });

  it('reads "Aug 18" and "18/08/2026" date cells, a date column after the time, and carries a blank date cell from the row above', () => {
    const table = `| Time | Date | Event |
| --- | --- | --- |
| 23:10 UTC | Aug 18 | First failover |
| 23:50 UTC |  | Alert pages DB on-call |
| 00:20 UTC | 19/08/2026 | Replica promoted |
| 01:05 UTC | | Resolved |`;
    const text = doc('Writes failed from 23:10 on August 18, 2026 to 01:05 UTC on August 19.', table);
    assert.deepEqual(entriesOf(text), [
      '23:10 UTC | 2026-8-18 | UTC | 1390 | | First failover |',
      '23:50 UTC | 2026-8-18 (carried) | UTC | 1430 | |  | Alert pages DB on-call |',
      '00:20 UTC | 2026-8-19 | UTC | 20 | | Replica promoted |',
      '01:05 UTC | 2026-8-19 (carried) | UTC | 65 | | | Resolved |',
    ]);
    // Midnight is stated by the dates: neither out of order nor ambiguous.
    assert.deepEqual(ruleFindings(text, 'timeline-order'), []);
    assert.deepEqual(ruleFindings(text, 'timeline-ambiguous-order'), []);
  });

  it('takes the zone of the time column\'s title, below a zone written in the cell', () => {
    const table = `| Date | Time (UTC) | Event |
| --- | --- | --- |
| 2026-08-18 | 03:10 | First failover |
| 2026-08-18 | 03:14 CEST | Alert |`;
    const zones = analyse(doc('Writes failed from 20:10 to 22:25 PDT on August 17, 2026.', table)).model.timeline!.entries.map((e) => `${e.zone?.text}${e.zoneExplicit ? '' : ' (not written)'}`);
    assert.deepEqual(zones, ['UTC (not written)', 'CEST']);
  });

  it('still reads a row of a date alone as the date of the rows below it', () => {
    const table = `| When | Event |
| --- | --- |
| 2026-08-18 | |
| 03:10 | First failover |`;
    assert.deepEqual(entriesOf(doc('Writes failed.', table)), ['03:10 | 2026-8-18 (carried) | - | 190 | | First failover |']);
  });
});

describe('times restated in the timeline\'s zone', () => {
  const timeline = `All times UTC.

- 11:05 UTC - VCL change goes live
- 13:10 BST - Team notices
- 14:30 IST (13:30 UTC) - Fixed VCL deployed
- 13:58 UTC - Purge complete; resolved`;

  it('places the entry at the restated time, in the declared zone', () => {
    const text = doc('From 11:05 to 13:58 UTC 35% of page views were in the wrong language.', timeline);
    assert.deepEqual(entriesOf(text), [
      '11:05 UTC | - (carried) | UTC | 665 | VCL change goes live',
      '13:10 BST | - (carried) | BST | 790 | Team notices',
      '14:30 IST (13:30 UTC) | - (carried) | UTC | 810 | Fixed VCL deployed',
      '13:58 UTC | - (carried) | UTC | 838 | Purge complete; resolved',
    ]);
    const placed = placeTimeline(analyse(text).model).placed.map((p) => p.at);
    assert.equal(placed[2], 13 * 60 + 30);
    assert.deepEqual(ruleFindings(text, 'timeline-zone-mismatch'), ['13:10 BST is not in the zone declared for the timeline (UTC): write every entry in one zone.']);
    assert.deepEqual(ruleFindings(text, 'timeline-order'), []);
  });

  it('keeps the time as written when the timeline is in its zone', () => {
    const text = doc('From 12:05 to 14:58 IST 35% of page views were in the wrong language.', '- 12:05 IST - Change live\n- 14:30 IST (13:30 UTC) - Fixed VCL deployed');
    assert.deepEqual(entriesOf(text)[1], '14:30 IST | - (carried) | IST | 870 | Fixed VCL deployed');
  });

  it('needs brackets around the restated time', () => {
    const text = doc('From 11:05 to 13:58 UTC.', 'All times UTC.\n\n- 14:30 BST, see 13:30 UTC - Fixed');
    assert.deepEqual(entriesOf(text), ['14:30 BST | - (carried) | BST | 870 | see 13:30 UTC - Fixed']);
  });
});

// The incremental path, as in incremental.test.ts, on these shapes.
const FRAGMENTS = [
  'x', ' ', '\n', '\n\n', '|', ' | ', '| 2026-08-19 ', '| Aug 19 | ', '18/08/2026', '03:1', '04:20 UTC', ' (13:30 UTC)', '(', ')', ' BST', '[', ']',
  '| Date | Time (UTC) | Event |\n| --- | --- | --- |\n', '| --- |', 'Time (PST)', '- 14:30 BST (13:30 UTC) - ', 'All times UTC.\n\n', '**',
];

const BASE = doc(
  'Writes to orders failed for 9% of requests from 03:10 to 05:25 UTC.',
  `All times UTC.

${DATE_FIRST}

| Time | Date | Event |
| --- | --- | --- |
| 05:30 UTC | Aug 18 | Follow-up |
|  05:40 | | Checked |

- 14:30 BST (13:30 UTC) - Fixed VCL deployed
- 13:10 BST - Team notices`,
);

describe('incremental analysis of date columns and restated times', () => {
  const outcome = (text: string, options: AnalyzeOptions) => {
    const a = analyse(text, options);
    return { findings: a.findings, entries: (a.model.timeline?.entries ?? []).map(({ line: _line, ...e }) => e) };
  };

  // Edits in another block that change what an untouched line's entry is: its line's memo (the
  // block is reused) must not keep the old one.
  it('follows a change of what is around an untouched line', () => {
    const restated = '- 14:30 BST (13:30 UTC) - Fixed VCL deployed\n- 13:40 UTC - Checked';
    const table = '| Date | Time | Event |\n| --- | --- | --- |\n| | 03:10 | First failover |\n| 2026-08-19 | 03:14 | Alert |';
    const utc = 'Writes failed from 09:00 to 13:40 UTC.';
    for (const [before, after] of [
      // The zone in force (the incident's, the declared one) decides which time the entry takes.
      [doc(utc, restated), doc('Writes failed from 10:00 to 14:40 BST.', restated)],
      [doc(utc, restated), doc(utc, `All times UTC.\n\n${restated}`)],
      // A table's rows take the declared zone and the date of a date line above them.
      [doc(utc, `All times UTC.\n\n${table}`), doc(utc, `All times PST.\n\n${table}`)],
      [doc(utc, `### 2026-08-18\n\n${table}`), doc(utc, `### 2026-08-17\n\n${table}`)],
    ] as const) {
      // minPiece 0: every list item is a block of its own.
      for (const cache of [new BlockCache(), new BlockCache(false, 0)]) {
        assert.deepEqual(outcome(before, { cache }), outcome(before, {}));
        assert.deepEqual(outcome(after, { cache }), outcome(after, {}), after);
        assert.deepEqual(outcome(before, { cache }), outcome(before, {}), before);
      }
    }
  });

  it('equals a fresh full analysis after every edit of a random edit sequence', () => {
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 12 }) }),
      insert: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.constant('') }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        let text = BASE;
        const cache = new BlockCache();
        assert.deepEqual(outcome(text, { cache }), outcome(text, {}));
        for (const e of edits) {
          const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
          text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          assert.deepEqual(outcome(text, { cache }), outcome(text, {}), `after edits, text:\n${JSON.stringify(text)}`);
        }
      }),
      { seed: FUZZ_SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
  });
});
