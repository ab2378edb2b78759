// Property tests over the engine: generated postmortems, Markdown soup and both mixed. For every
// input: no exception, no internal-error finding, ranges inside the text, fixes that apply and
// stay in their ranges, a fix-all that loses no word and settles (see assertIdempotent for the
// exact definition), and analysis time within a bound linear in the input's size.
// FUZZ_SEED / FUZZ_RUNS: see support/env.ts.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { applyFixesUntilStable } from '../../server/src/core';
import { fcParams, FUZZ_RUNS, FUZZ_SEED } from './support/env';
import { coherentPostmortemArb, mixedArb, postmortemArb, soupArb } from './support/generators';
import { checkInvariants } from './support/invariants';
import { SEEDS } from './support/mutations';
import { analyzeForced, assertWithinBudget, machineReference, timeOnce, type Reference } from './support/timing';

let ref: Reference;

describe(`engine properties (FUZZ_SEED=${FUZZ_SEED}, FUZZ_RUNS=${FUZZ_RUNS})`, () => {
  before(() => {
    ref = machineReference(SEEDS.filter((s) => s.name.startsWith('examples')).map((s) => s.text));
  });

  it('generated postmortems: every invariant, fix-all settles, time bounded', () => {
    fc.assert(
      fc.property(postmortemArb, (text) => {
        assertWithinBudget(ref, text);
        checkInvariants(text, { idempotence: true, detection: true });
      }),
      fcParams(),
    );
  });

  it('coherent postmortems (midnight crossings, zones, entries out of order, durations a little off): every invariant', () => {
    fc.assert(
      fc.property(coherentPostmortemArb, (text) => {
        assertWithinBudget(ref, text);
        checkInvariants(text, { idempotence: true });
      }),
      fcParams(),
    );
  });

  it('coherent postmortems: the rules these documents are built to trigger do fire, with fixes', () => {
    // Guards the generator: if its documents stopped triggering rules, the property above would
    // pass on documents with nothing to fix.
    const fired = new Set<string>();
    fc.assert(
      fc.property(coherentPostmortemArb, (text) => {
        for (const f of checkInvariants(text).findings) if (f.fixes?.length) fired.add(f.ruleId);
      }),
      { ...fcParams(), numRuns: Math.max(60, fcParams().numRuns ?? 0) },
    );
    for (const id of ['timeline-order', 'duration-mismatch', 'section-not-heading']) assert.ok(fired.has(id), `no ${id} finding with a fix in the generated documents`);
  });

  it('applyFixesUntilStable settles, says so, and running it again changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(postmortemArb, coherentPostmortemArb), (text) => {
        const findings = (t: string) => analyzeForced(t).findings;
        const once = applyFixesUntilStable(text, findings);
        assert.ok(once.stable, `not settled after ${once.passes} passes`);
        const twice = applyFixesUntilStable(once.text, findings);
        assert.equal(twice.text, once.text);
        assert.equal(twice.passes, 0);
      }),
      fcParams(0.5),
    );
  });

  it('Markdown soup: every invariant, time bounded', () => {
    fc.assert(
      fc.property(soupArb, (text) => {
        assertWithinBudget(ref, text);
        checkInvariants(text, { idempotence: true, detection: true });
      }),
      fcParams(),
    );
  });

  it('postmortems with soup spliced in: every invariant, and a cached parse of the clean version agrees', () => {
    fc.assert(
      fc.property(postmortemArb, mixedArb, (previous, text) => {
        assertWithinBudget(ref, text);
        checkInvariants(text, { idempotence: true, previous });
      }),
      fcParams(),
    );
  });

  it('growth: a postmortem repeated 32 times costs about 8 times what it does repeated 4 times', () => {
    // Linear code gives a ratio near 8; a quadratic path gives near 64. The threshold sits far
    // from both, and tiny documents (all fixed cost, all noise) are skipped.
    const RATIO_LIMIT = 24;
    fc.assert(
      fc.property(postmortemArb.filter((t) => t.length >= 600), (doc) => {
        const body = doc.replace(/^\uFEFF/, '');
        const small = body.repeat(4);
        const large = body.repeat(32);
        analyzeForced(small); // warm up the code paths this document takes
        const tSmall = Math.min(timeOnce(() => analyzeForced(small)).ms, timeOnce(() => analyzeForced(small)).ms);
        const tLarge = timeOnce(() => analyzeForced(large)).ms;
        if (tLarge < 100) return; // too fast to tell anything from
        assert.ok(tLarge <= RATIO_LIMIT * Math.max(tSmall, 1), `x4: ${tSmall.toFixed(0)} ms, x32: ${tLarge.toFixed(0)} ms (${(tLarge / tSmall).toFixed(1)}x for 8x the text)`);
      }),
      fcParams(0.15),
    );
  });
});
