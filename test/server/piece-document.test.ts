// The request thread's piece-wise document answers exactly as vscode-languageserver-textdocument's
// over random edits: the same text, positions, offsets, line ranges and line ends, with pieces
// small enough that edits cross, split and join them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FUZZ_SEED } from '../robustness/support/env';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceTextDocument } from '../../server/src/lsp/piece-document';

const bit = fc.constantFrom('a', 'bc', 'é', '\n', '\r\n', '\r', '😀', '- [ ] x', '', 'line\nline', 'xxxxxxxxxxxxxxxx');
const text = fc.array(bit, { maxLength: 40 }).map((p) => p.join(''));

interface Spec {
  whole: boolean;
  a: number;
  b: number;
  /** Positions past a line's end or past the last line, as clients do send. */
  overshoot: number;
  text: string;
}
const spec: fc.Arbitrary<Spec> = fc.record({
  whole: fc.boolean().map((b) => b && Math.random() < 0.05),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
  overshoot: fc.integer({ min: 0, max: 3 }),
  text,
});

function changeOf(doc: TextDocument, s: Spec): TextDocumentContentChangeEvent {
  if (s.whole) return { text: s.text };
  const n = doc.getText().length;
  const start = doc.positionAt(Math.floor(s.a * n));
  const end = doc.positionAt(Math.floor(s.b * n));
  return { range: { start, end: s.overshoot === 3 ? { line: end.line + 5, character: 0 } : { line: end.line, character: end.character + s.overshoot } }, text: s.text };
}

function assertSame(piece: PieceTextDocument, plain: TextDocument, label: string): void {
  const whole = plain.getText();
  assert.equal(piece.length, whole.length, label);
  assert.equal(piece.lineCount, plain.lineCount, label);
  for (let offset = -1; offset <= whole.length + 1; offset++) assert.deepEqual(piece.positionAt(offset), plain.positionAt(offset), `${label} positionAt(${offset})`);
  for (let line = -1; line <= plain.lineCount; line++) {
    for (const character of [-1, 0, 1, 2, 5, 40]) assert.equal(piece.offsetAt({ line, character }), plain.offsetAt({ line, character }), `${label} offsetAt(${line}:${character})`);
    assert.deepEqual(piece.getLineRange(line), plain.getLineRange(line), `${label} getLineRange(${line})`);
    assert.equal(piece.getEOLCharacters(line), plain.getEOLCharacters(line), `${label} getEOLCharacters(${line})`);
  }
  const mid = { start: plain.positionAt(whole.length >> 2), end: plain.positionAt((3 * whole.length) >> 2) };
  assert.equal(piece.getText(mid), plain.getText(mid), `${label} getText(range)`);
}

describe('piece document', () => {
  it('answers like a plain text document after any edits, across pieces', () => {
    fc.assert(
      fc.property(text, fc.array(spec, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (start, specs, pieceSize, readBetween) => {
        const piece = new PieceTextDocument('file:///x.md', 'markdown', 1, start, pieceSize);
        const plain = TextDocument.create('file:///x.md', 'markdown', 1, start);
        specs.forEach((s, i) => {
          const change = changeOf(plain, s);
          piece.update([change], i + 2);
          TextDocument.update(plain, [change], i + 2);
          assert.equal(piece.version, i + 2);
          // Reading the whole text re-splits the pieces: with and without it in between.
          if (readBetween) assert.equal(piece.getText(), plain.getText());
          assertSame(piece, plain, `after change ${i + 1}`);
        });
        assert.equal(piece.getText(), plain.getText());
      }),
      { seed: FUZZ_SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('a snapshot keeps the text of its version after later edits', () => {
    const doc = new PieceTextDocument('file:///x.md', 'markdown', 1, 'one\ntwo\nthree\n', 4);
    const first = doc.textOfThisVersion();
    doc.update([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'TWO' }], 2);
    const second = doc.textOfThisVersion();
    doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# ' }], 3);
    assert.equal(first(), 'one\ntwo\nthree\n');
    assert.equal(second(), 'one\nTWO\nthree\n');
    assert.equal(doc.textOfThisVersion()(), '# one\nTWO\nthree\n');
    assert.equal(doc.getText(), '# one\nTWO\nthree\n');
  });
});
