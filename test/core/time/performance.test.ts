// Hostile input: the readers run on every keystroke, so they must stay linear whatever the text.
// Each reader gets a generous absolute bound on 1 MB (10 MB for letters) and a scaling check:
// doubling the input must not more than quadruple the time (a quadratic reader would show 4x).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  findDurations,
  findTimeMentions,
  findTimeRanges,
  findZoneDeclaration,
  looksLikeTimestampButUnreadable,
  parseLeadingTimestamp,
} from '../../../server/src/core/time/index.js';

const MB = 1_000_000;
const ABSOLUTE_LIMIT_MS = 5000;
/** Timer and GC noise on small inputs: the scaling check allows this much on top of 4x. */
const NOISE_MS = 60;

/** Deterministic pseudo-random text, so a failure can be reproduced. */
function randomText(length: number, alphabet: string, seed = 1): string {
  let state = seed;
  const chars: string[] = new Array(length);
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    chars[i] = alphabet[state % alphabet.length]!;
  }
  return chars.join('');
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const INPUTS: Array<{ name: string; make: (length: number) => string; size: number }> = [
  { name: 'digits and colons', make: (n) => randomText(n, '0123456789:'), size: MB },
  { name: '1:1:1:...', make: (n) => repeatTo('1:', n), size: MB },
  { name: '12 PM 12 PM ...', make: (n) => repeatTo('12 PM ', n), size: MB },
  { name: 'one line of letters', make: (n) => 'a'.repeat(n), size: 10 * MB },
  { name: 'dates and ranges', make: (n) => repeatTo('May 20, 2024, 14:00 - 16:30 UTC ', n), size: MB },
  { name: 'day spans and spaced units', make: (n) => repeatTo('Mar 1-2 2026, 1 h 5 m, at 14 h 30 ', n), size: MB },
  { name: 'unclosed tags', make: (n) => repeatTo('<a', n), size: MB },
  { name: 'time-ish soup', make: (n) => randomText(n, '0123456789: apmAPMUTCZ+-~()*_[]\n', 3), size: MB },
];

const READERS: Array<[string, (text: string) => unknown]> = [
  ['findTimeMentions', (t) => findTimeMentions(t)],
  ['findTimeRanges', (t) => findTimeRanges(t)],
  ['findDurations', (t) => findDurations(t)],
];

function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function bestOf(runs: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timeOnce(fn));
  return best;
}

describe('linear time on hostile input', () => {
  for (const input of INPUTS) {
    const full = input.make(input.size);
    const quarter = full.slice(0, input.size / 4);
    for (const [name, read] of READERS) {
      it(`${name} on ${input.size / MB} MB of ${input.name}`, () => {
        read(quarter); // warm up the JIT
        // Four times the input: linear work takes ~4x, quadratic ~16x. Comparing across a 4x step
        // (best of three each) keeps the check meaningful on a loaded machine without flaking.
        const tQuarter = bestOf(3, () => read(quarter));
        const tFull = bestOf(3, () => read(full));
        assert.ok(tFull < ABSOLUTE_LIMIT_MS, `${tFull.toFixed(0)} ms on the full input`);
        assert.ok(tFull < 9 * tQuarter + NOISE_MS, `4x the input took ${tQuarter.toFixed(0)} ms -> ${tFull.toFixed(0)} ms`);
      });
    }
  }

  it('the line readers stay fast on huge lines too', () => {
    for (const input of INPUTS) {
      const text = input.make(input.size);
      for (const fn of [findZoneDeclaration, parseLeadingTimestamp, looksLikeTimestampButUnreadable]) {
        const ms = timeOnce(() => fn(text));
        assert.ok(ms < ABSOLUTE_LIMIT_MS, `${fn.name} on ${input.name}: ${ms.toFixed(0)} ms`);
      }
    }
  });
});
