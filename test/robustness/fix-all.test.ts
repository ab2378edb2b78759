// Fix-all picks the safe fixes that do not overlap, first come first served. It used to compare
// every edit with every chosen one (quadratic: 100k "make it a heading" fixes took minutes); it
// now uses a Fenwick tree. These tests hold the new code to the old one's exact choices and to
// linear-ish time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, mergeNonOverlapping, type TextEdit } from '../../server/src/core';
import { fcParams } from './support/env';
import { timeOnce } from './support/timing';

/** The previous implementation, kept as the specification of which groups are chosen. */
function reference(groups: readonly (readonly TextEdit[])[]): TextEdit[] {
  const overlap = (a: TextEdit, b: TextEdit) => !(a.start === a.end && b.start === b.end) && a.start < b.end && b.start < a.end;
  const chosen: TextEdit[] = [];
  for (const group of groups) {
    const clash = group.some((e) => chosen.some((c) => overlap(e, c) || (e.start === e.end && c.start === c.end && e.start === c.start)));
    if (!clash) chosen.push(...group);
  }
  return chosen;
}

const editArb = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('', 'x', '## T')).map(([start, length, newText]) => ({ start, end: start + (length > 3 ? 0 : length), newText }));
const groupsArb = fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { maxLength: 30 });

describe('fix-all: choosing non-overlapping fixes', () => {
  it('chooses exactly what the quadratic reference chose (insertions, touching and nested edits)', () => {
    fc.assert(
      fc.property(groupsArb, (groups) => {
        assert.deepEqual(mergeNonOverlapping(groups), reference(groups));
      }),
      fcParams(5),
    );
  });

  it('what it chooses always applies: no two chosen edits overlap', () => {
    fc.assert(
      fc.property(groupsArb.map((gs) => gs.map((g) => g.slice(0, 1))), (groups) => {
        const text = 'x'.repeat(50);
        applyEdits(text, mergeNonOverlapping(groups));
      }),
      fcParams(5),
    );
  });

  it('scales: 40,000 fixes cost about 4 times what 10,000 do, in order or reversed', () => {
    const groups = (n: number) => Array.from({ length: n }, (_, i) => [{ start: i * 10, end: i * 10 + 5, newText: '## T' }, { start: i * 10 + 7, end: i * 10 + 7, newText: '\n' }]);
    for (const order of ['in order', 'reversed'] as const) {
      const make = (n: number) => (order === 'reversed' ? groups(n).reverse() : groups(n));
      const small = make(10_000);
      const big = make(40_000);
      mergeNonOverlapping(small); // warm up
      const tSmall = Math.min(timeOnce(() => mergeNonOverlapping(small)).ms, timeOnce(() => mergeNonOverlapping(small)).ms);
      const tBig = Math.min(timeOnce(() => mergeNonOverlapping(big)).ms, timeOnce(() => mergeNonOverlapping(big)).ms);
      assert.equal(mergeNonOverlapping(big).length, 80_000);
      // Quadratic would be ~16x (and seconds); n log n is a little over 4x.
      assert.ok(tBig < 10 * tSmall + 50, `${order}: ${tSmall.toFixed(0)} ms -> ${tBig.toFixed(0)} ms for 4x the fixes`);
    }
  });
});
