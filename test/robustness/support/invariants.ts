// What must hold for ANY text the engine is given. Each check throws an AssertionError naming the
// broken promise, so fast-check can shrink the input to a small counterexample.
import assert from 'node:assert/strict';
import { analyze, applyEdits, applyFixes, BlockCache, type Analysis, type Finding, type Fix, type TextEdit } from '../../../server/src/core';
import { analyzeForced, NOW } from './timing';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** An offset between the two halves of a surrogate pair, or between CR and LF: no editor shows one. */
function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (isHigh(before) && isLow(after)) || (before === 13 && after === 10);
}

function describe(f: Finding): string {
  return `[${f.ruleId}] ${f.range.start}-${f.range.end} ${f.message.slice(0, 120)}`;
}

/** 0 <= start <= end <= length, whole numbers, not inside a character. */
export function assertRangeInside(text: string, range: { start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: range is not whole numbers`);
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `${what}: range outside the text (length ${text.length})`);
  assert.ok(!splitsCharacter(text, range.start) && !splitsCharacter(text, range.end), `${what}: range splits a surrogate pair or a CRLF`);
}

/**
 * Applies `edits` and checks the result independently of applyEdits: outside the edits, the text
 * is the original, byte for byte and in order; inside, exactly the new texts.
 */
export function assertEditsConfined(text: string, edits: readonly TextEdit[], what: string): string {
  const fixed = applyEdits(text, edits);
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0; // in the original
  let at = 0; // in the fixed text
  for (const e of sorted) {
    const kept = text.slice(from, e.start);
    assert.equal(fixed.slice(at, at + kept.length), kept, `${what}: text before offset ${e.start} changed`);
    at += kept.length;
    assert.equal(fixed.slice(at, at + e.newText.length), e.newText, `${what}: edit at ${e.start} not applied as given`);
    at += e.newText.length;
    from = e.end;
  }
  assert.equal(fixed.slice(at), text.slice(from), `${what}: text after the last edit changed`);
  return fixed;
}

/** Line breaks inserted by a fix are the file's: no CR into an LF file, no bare LF into a CRLF one. */
function assertKeepsLineEndings(text: string, fix: Fix, what: string): void {
  const lf = (text.match(/\n/g) ?? []).length;
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lone = (text.match(/\r(?!\n)/g) ?? []).length;
  for (const e of fix.edits) {
    if (!/[\r\n]/.test(e.newText)) continue;
    if (crlf === 0 && lone === 0) assert.ok(!e.newText.includes('\r'), `${what}: puts a CR into an LF file`);
    if (lf > 0 && crlf === lf && lone === 0) assert.ok(!/(^|[^\r])\n/.test(e.newText), `${what}: puts a bare LF into a CRLF file`);
  }
}

/**
 * The words a reader sees: runs of letters and digits, with HTML tags (not comments) and the
 * characters of Markdown syntax ignored, and entities ("&nbsp;") are characters, not words. List markers are syntax too: "1. Summary:" made a
 * heading loses its list number, as "- Summary" loses its bullet, and no word. A fix may move
 * words, restyle them, add to them; a SAFE fix must never drop one.
 */
export function wordCounts(text: string): Map<string, number> {
  const visible = text.replace(/<\/?[A-Za-z][^<>\n]{0,200}>/g, ' ').replace(/^([ \t>]*)\d{1,9}[.)](?=[ \t]|$)/gm, '$1')
    .replace(/&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/g, ' ');
  const counts = new Map<string, number>();
  for (const m of visible.matchAll(/[\p{L}\p{N}]+/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

export function assertNoWordLost(before: string, after: string, what: string): void {
  const a = wordCounts(after);
  for (const [word, n] of wordCounts(before)) {
    assert.ok((a.get(word) ?? 0) >= n, `${what}: lost the word "${word}" (${n} -> ${a.get(word) ?? 0})`);
  }
}

export interface CheckOptions {
  /** Also analyse without `force` (detection path). Costs a second analysis. */
  detection?: boolean;
  /** Check that fix-all settles (see assertIdempotent): costs an analysis per pass. */
  idempotence?: boolean;
  /** Demand that one fix-all pass is already idempotent. */
  strict?: boolean;
  /** An earlier version of the document: its BlockCache must give the same findings as a fresh parse. */
  previous?: string;
}

/** A serialisable view of findings, for comparing two analyses. */
export function findingKeys(a: Analysis): string[] {
  return a.findings.map((f) => `${f.ruleId}@${f.range.start}-${f.range.end}:${f.severity}:${f.message}:${JSON.stringify(f.fixes ?? [])}`);
}

/** Every promise of the engine for one text. Returns the analysis, for callers that look further. */
export function checkInvariants(text: string, options: CheckOptions = {}): Analysis {
  const analysis = analyzeForced(text);
  assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'internal-error').map(describe), [], 'a rule failed');
  if (options.detection) analyze(text, { now: NOW });
  for (const f of analysis.findings) {
    assertRangeInside(text, f.range, describe(f));
    for (const fix of f.fixes ?? []) {
      const what = `${describe(f)} fix "${fix.title}"`;
      for (const e of fix.edits) assertRangeInside(text, e, what);
      const fixed = assertEditsConfined(text, fix.edits, what);
      assertKeepsLineEndings(text, fix, what);
      assert.equal(fixed.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `${what}: adds or removes the BOM`);
      if (fix.safe) assertNoWordLost(text, fixed, what);
    }
  }
  const once = assertFixAll(text, analysis);
  if (options.idempotence || options.strict) assertIdempotent(text, once, options.strict);
  if (options.previous !== undefined) {
    const cache = new BlockCache();
    analyzeForced(options.previous, cache);
    assert.deepEqual(findingKeys(analyzeForced(text, cache)), findingKeys(analysis), 'analysis with the previous version cached differs from a fresh one');
  }
  return analysis;
}

/** Fix-all applies cleanly (no overlapping edits chosen), keeps the BOM and loses no word. */
function assertFixAll(text: string, analysis: Analysis): string {
  const once = applyFixes(text, analysis.findings);
  assert.equal(once.startsWith('\uFEFF'), text.startsWith('\uFEFF'), 'fix-all adds or removes the BOM');
  assertNoWordLost(text, once, 'fix-all');
  return once;
}

/** Fix-all passes within which every document must settle. */
export const MAX_SETTLE_PASSES = 4;

const fixPass = (text: string) => applyFixes(text, analyzeForced(text).findings);

/**
 * Idempotence, defined on what a person runs. F(t) = applyFixes(t, analyze(t).findings) is one
 * fix-all pass; G = applyFixesUntilStable repeats F until a pass changes nothing. Required:
 *  1. F settles: F^k(t) = F^(k+1)(t) for some k <= MAX_SETTLE_PASSES. Nothing oscillates (a
 *     timeline sort that sorts back on the next run) or grows without end.
 *  2. So G is idempotent: G(G(t)) = G(t). `lint --fix` run twice changes nothing the second time.
 *  3. No pass loses a word or the BOM.
 * F itself is idempotent on the fixtures and examples (`strict`), but not on every document:
 * fixes interact (two overlapping safe fixes, of which fix-all applies the first; a label made a
 * heading that changes what the lines below it are), so one pass can leave work for the next.
 */
export function assertIdempotent(text: string, once: string, strict = false): number {
  if (once === text) return 0; // nothing to fix: F(t) = t
  let current = once;
  for (let passes = 1; ; passes++) {
    const next = fixPass(current);
    if (next === current) return passes;
    if (strict) assert.fail(`fix-all is not idempotent: a second pass changed ${describeChange(current, next)}`);
    assertNoWordLost(current, next, `fix-all pass ${passes + 1}`);
    assert.equal(next.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `fix-all pass ${passes + 1} adds or removes the BOM`);
    if (passes >= MAX_SETTLE_PASSES) assert.fail(`fix-all has not settled after ${passes} passes: pass ${passes + 1} changed ${describeChange(current, next)}`);
    current = next;
  }
}

function describeChange(before: string, after: string): string {
  const at = firstDifference(before, after);
  return `offset ${at}: ${JSON.stringify(before.slice(Math.max(0, at - 40), at + 40))} -> ${JSON.stringify(after.slice(Math.max(0, at - 40), at + 40))}`;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
