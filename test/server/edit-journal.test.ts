// The edit journal: replaying what it recorded turns a document's older text into its newer one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FUZZ_SEED } from '../robustness/support/env';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditJournal, type EditRun } from '../../server/src/lsp/edit-journal';

function replay(text: string, run: EditRun): string {
  for (const e of run.edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

const piece = fc.constantFrom('a', 'é', '\n', '\r\n', '\r', '😀', '- [ ] x', '', 'line\nline');
/** A change as fractions of the text it applies to (positions past a line's end are the client's business). */
interface Spec {
  whole: boolean;
  a: number;
  b: number;
  text: string;
}
const change: fc.Arbitrary<Spec> = fc.record({
  whole: fc.boolean().map((b) => b && Math.random() < 0.1),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
});

/** The LSP change a client would send for `spec` against `doc` as it is then (ranges may run backwards). */
function toChange(doc: TextDocument, spec: Spec): TextDocumentContentChangeEvent {
  if (spec.whole) return { text: spec.text };
  const n = doc.getText().length;
  return { range: { start: doc.positionAt(Math.floor(spec.a * n)), end: doc.positionAt(Math.floor(spec.b * n)) }, text: spec.text };
}

describe('edit journal', () => {
  it('replays any stretch of versions it can answer for into exactly the newer text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 }), (start, notifications) => {
        const journal = new EditJournal();
        const uri = 'file:///x.md';
        let doc = journal.configuration.create(uri, 'markdown', 1, start.join(''));
        const texts = new Map<number, string>([[1, doc.getText()]]);
        const whole = new Set<number>();
        notifications.forEach((specs, i) => {
          const version = i + 2;
          if (specs.some((c) => c.whole)) whole.add(version);
          // A client's changes of one notification each apply to the text the one before left:
          // positions are read from a scratch copy, and the notification arrives whole.
          const scratch = TextDocument.create(uri, 'markdown', 0, doc.getText());
          const changes = specs.map((spec) => {
            const c = toChange(scratch, spec);
            TextDocument.update(scratch, [c], 0);
            return c;
          });
          doc = journal.configuration.update(doc, changes, version);
          texts.set(version, doc.getText());
        });
        const last = notifications.length + 1;
        for (let from = 1; from <= last; from++) {
          for (let to = from + 1; to <= last; to++) {
            const run = journal.between(uri, from, to);
            const wholeBetween = [...whole].some((v) => v > from && v <= to);
            if (run) assert.equal(replay(texts.get(from)!, run), texts.get(to), `${from} -> ${to}`);
            else assert.ok(wholeBetween || [...whole].some((v) => v > to), `${from} -> ${to} should be answerable`);
          }
        }
      }),
      { seed: FUZZ_SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('forgets what the worker already has, and a closed document', () => {
    const journal = new EditJournal();
    const uri = 'file:///y.md';
    let doc = journal.configuration.create(uri, 'markdown', 1, 'abc');
    for (let v = 2; v <= 5; v++) doc = journal.configuration.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: String(v) }], v);
    assert.equal(replay('abc', journal.between(uri, 1, 5)!), doc.getText());
    journal.delivered(uri, 3);
    assert.equal(journal.between(uri, 1, 5), undefined, 'versions before 3 are gone');
    assert.equal(replay('3' + '2abc', journal.between(uri, 3, 5)!), doc.getText());
    journal.forget(uri);
    assert.equal(journal.between(uri, 3, 5), undefined);
  });
});
