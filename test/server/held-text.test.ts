// The worker's held text (worker/held-text.ts) applies edits in a buffer once a text is large:
// after any sequence of edits its text must be exactly what slicing and joining strings gives,
// whatever characters come in (Latin-1, wider ones, emoji, lone surrogates), and an edit that does
// not fit must change nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FUZZ_SEED } from '../robustness/support/env';
import type { TextEdit } from '../../server/src/lsp/edit-journal';
import { HeldText } from '../../server/src/lsp/worker/held-text';

const LARGE = 1 << 20;

function replay(text: string, edits: readonly TextEdit[]): string {
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

const insertions = fc.oneof(
  fc.constantFrom('', 'x', '\n', '\r\n', 'é', 'ÿ', '—', '😀', '\ud800', '\udc00', 'naïve — “quoted”', '\u0000', '漢字'),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 6, unit: 'binary' }),
);

/** Edits as fractions of the length at the time, so they stay in range as the text changes. */
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 40 }), insert: insertions });

function concrete(length: number, e: { at: number; remove: number; insert: string }): TextEdit {
  const start = Math.min(length, Math.floor(e.at * (length + 1)));
  return { start, end: Math.min(length, start + e.remove), text: e.insert };
}

function check(base: string, runs: { at: number; remove: number; insert: string }[][]): void {
  const held = new HeldText(1, base);
  let expected = base;
  let version = 1;
  for (const run of runs) {
    const edits: TextEdit[] = [];
    let length = expected.length;
    for (const e of run) {
      const c = concrete(length, e);
      edits.push(c);
      length += c.text.length - (c.end - c.start);
    }
    expected = replay(expected, edits);
    assert.equal(held.apply(edits, ++version), true);
    assert.equal(held.version, version);
    assert.equal(held.text.length, expected.length);
    assert.ok(held.text === expected, 'the held text equals the edits replayed on strings');
  }
}

describe('held text', () => {
  it('equals the edits replayed on strings, for a large Latin-1 text that widens on the way', () => {
    const base = 'Timeline entry at 14:05 UTC: caf\u00e9 reopened.\n'.repeat(Math.ceil(LARGE / 44));
    fc.assert(fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (runs) => check(base, runs)), { seed: FUZZ_SEED, numRuns: 25 });
  });

  it('equals the edits replayed on strings, for a large text that is wide from the start', () => {
    const base = 'Rollback — done 😀\n'.repeat(Math.ceil(LARGE / 19));
    fc.assert(fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (runs) => check(base, runs)), { seed: FUZZ_SEED, numRuns: 15 });
  });

  it('equals the edits replayed on strings for small texts, and across the size where buffering starts', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }), (base, runs) => check(base, runs)), { seed: FUZZ_SEED, numRuns: 200 });
    const held = new HeldText(1, 'a'.repeat(LARGE - 10));
    const big = 'é'.repeat(64 * 1024);
    assert.equal(held.apply([{ start: 5, end: 5, text: big }], 2), true);
    assert.ok(held.text === 'a'.repeat(5) + big + 'a'.repeat(LARGE - 15));
    // Grows past the room the buffer was made with.
    const more = 'x'.repeat(3 * LARGE);
    assert.equal(held.apply([{ start: held.text.length, end: held.text.length, text: more }, { start: 0, end: 1, text: '\u2014' }], 3), true);
    assert.ok(held.text === '\u2014' + 'a'.repeat(4) + big + 'a'.repeat(LARGE - 15) + more);
  });

  it('changes nothing when an edit of the run does not fit the text', () => {
    const base = 'b'.repeat(LARGE + 3);
    const held = new HeldText(7, base);
    assert.equal(held.apply([{ start: 0, end: 0, text: 'x' }], 8), true);
    const before = held.text;
    for (const bad of [
      [{ start: 0, end: 0, text: 'y' }, { start: before.length + 5, end: before.length + 5, text: 'z' }],
      [{ start: 10, end: 5, text: '' }],
      [{ start: -1, end: 0, text: '' }],
      [{ start: 1.5, end: 2, text: '' }],
    ]) {
      assert.equal(held.apply(bad, 9), false);
      assert.equal(held.version, 8);
      assert.ok(held.text === before);
    }
    // And the next good run still applies to the text as it was.
    assert.equal(held.apply([{ start: 1, end: 2, text: 'ok' }], 9), true);
    assert.ok(held.text === before.slice(0, 1) + 'ok' + before.slice(2));
  });
});
