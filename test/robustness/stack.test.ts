// Unbounded data must never go through the call stack: `Math.min(...days)` or `push(...items)`
// with ~150k elements throws "Maximum call stack size exceeded", and recursion over a parse tree
// overflows on 5,000 nested block quotes. A static check finds every spread into a stacking call
// in server/src/core (each is either fixed or listed below with why its array is small), and the
// paths that had such spreads are run on models with 200,000 timeline entries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, incidentMetrics, RULES } from '../../server/src/core';
import type { Rule } from '../../server/src/core/rules/rule';
import { incidentEvidence } from '../../server/src/core/rules/shared/dates';
import { scanCore } from './support/source';
import { NOW } from './support/timing';

/** Spreads whose array is bounded by something other than the document's size. */
const BOUNDED_SPREADS: readonly { file: string; call: string; reason: string }[] = [
  { file: 'server/src/core/rules/shared/prose.ts', call: 'ids.push(...model.sections[i]!.ids)', reason: 'A section has a handful of ids (one per template section its title names).' },
  { file: 'server/src/core/rules/section-order.ts', call: 'Math.min(...ranks)', reason: 'One rank per id of one section: a handful.' },
];

describe('no unbounded data through the call stack', () => {
  const scan = scanCore();

  it('every spread into push/min/max/concat/fromCharCode in the engine is over a bounded array', () => {
    const unlisted = scan.spreads.filter((s) => !BOUNDED_SPREADS.some((b) => b.file === s.file && s.call.startsWith(b.call)));
    assert.deepEqual(unlisted.map((s) => `${s.file}:${s.line} ${s.call}`), [], 'loop instead (for ... push), or list the spread here with why its array is small');
  });

  it('every listed spread still exists', () => {
    for (const b of BOUNDED_SPREADS) {
      assert.ok(scan.spreads.some((s) => s.file === b.file && s.call.startsWith(b.call)), `${b.file} no longer has ${b.call}: remove it from the list`);
    }
  });

  it('6,000 nested block quotes: remark-gfm overflows the stack, the block is read without GFM', () => {
    const text = '# Postmortem: deep\n\n## Timeline\n\n' + '>'.repeat(6000) + ' 14:05 UTC deploy\n\n- 14:10 UTC rollback\n';
    const a = analyze(text, { force: true, now: NOW });
    assert.deepEqual(a.findings.filter((f) => f.ruleId === 'internal-error'), []);
    // The quoted entry is still read, and so is everything after the deep block.
    assert.deepEqual(a.model.timeline?.entries.map((e) => text.slice(e.timeRange.start, e.timeRange.end)), ['14:05 UTC', '14:10 UTC']);
  });

  it('200,000 dated timeline entries: every rule and the metrics run without overflowing the stack', () => {
    // Parsing 200k entries takes minutes; the rules only read the model, so the entries of a small
    // document are repeated in it. Dated entries reach date-mismatch's and the metrics' min/max.
    const text = '# Postmortem: 2024-05-20 outage\n\n## Summary\n\nDown for an hour.\n\n## Timeline\n\n- **2024-05-20 14:00 UTC:** alert [detected]\n- **2024-05-20 13:00 UTC:** deploy\n- **2024-05-21 15:00 UTC:** fixed [resolved]\n';
    const small = analyze(text, { force: true, now: NOW, path: 'postmortems/2024-05-25-outage.md' }).model;
    const entries = small.timeline!.entries;
    assert.equal(entries.length, 3);
    // A new model object: placement and dated evidence are cached per model.
    const model = { ...small, timeline: { ...small.timeline!, entries: Array.from({ length: 200_000 }, (_, i) => entries[i % 3]!) } };
    assert.equal(incidentEvidence(model).length, 200_000);
    for (const rule of RULES as readonly Rule<Record<string, unknown>>[]) {
      assert.doesNotThrow(() => rule.check({ model, options: { ...rule.defaultOptions, now: NOW }, report: () => undefined }), rule.id);
    }
    const metrics = incidentMetrics(model);
    assert.equal(metrics.startSource, 'first-entry');
  });
});
