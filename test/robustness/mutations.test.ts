// The rule fixtures and example postmortems, damaged the way editing and bad merges damage files:
// lines deleted, duplicated and swapped, the text cut anywhere, random characters and bytes put in.
// Every promise of checkInvariants holds for each, and the analysis with the undamaged version's
// blocks cached (what the language server does between keystrokes) equals a fresh one.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { fcParams } from './support/env';
import { checkInvariants } from './support/invariants';
import { mutate, mutatedArb, mutationArb, SEEDS } from './support/mutations';
import { assertWithinBudget, machineReference, type Reference } from './support/timing';

let ref: Reference;

describe('mutated fixtures and examples', () => {
  before(() => {
    ref = machineReference(SEEDS.filter((s) => s.name.startsWith('examples')).map((s) => s.text));
  });

  it('there are documents to mutate', () => {
    assert.ok(SEEDS.length >= 20, `only ${SEEDS.length} fixtures and examples found`);
  });

  it('every fixture and example as it is: every invariant, and one fix-all pass is already idempotent', () => {
    for (const seed of SEEDS) {
      try {
        checkInvariants(seed.text, { strict: true });
      } catch (e) {
        assert.fail(`${seed.name}: ${(e as Error).message}`);
      }
    }
  });

  it('mutated: every invariant, fix-all settles, a cached parse of the original agrees, time bounded', () => {
    fc.assert(
      fc.property(mutatedArb, ({ seed, text }) => {
        assertWithinBudget(ref, text);
        checkInvariants(text, { idempotence: true, previous: SEEDS.find((s) => s.name === seed)!.text });
      }),
      fcParams(),
    );
  });

  it('every prefix of an example (typing it from the top) and every suffix: no invariant broken', () => {
    // Exhaustive where random truncation only samples: a document cut at each line, both ways.
    const example = SEEDS.find((s) => s.name.endsWith('2024-05-20-checkout-outage.md')) ?? SEEDS[0]!;
    const text = example.text;
    for (let at = 0; at <= text.length; at++) {
      if (at < text.length && text[at - 1] !== '\n' && at % 7 !== 0) continue; // every line end, and every 7th offset
      checkInvariants(text.slice(0, at));
      checkInvariants(text.slice(at));
    }
  });

  it('the mutation operators change the text (so the property above tests something)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), mutationArb, (seed, m) => {
        const out = mutate(seed.text, m);
        // Swapping a line with itself, or deleting past the end, may leave the text as it was.
        if (m.kind !== 'swap-lines' && m.kind !== 'truncate' && m.kind !== 'delete-range' && m.kind !== 'replace-char') assert.notEqual(out, seed.text);
      }),
      fcParams(),
    );
  });
});
