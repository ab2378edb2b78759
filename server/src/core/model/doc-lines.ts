// Document lines with absolute offsets, built from the blocks of a parse.
import { joinsPrevious, type BlockList, type ParsedDocument } from '../parse/document';
import type { TextRange } from '../types';
import type { LineMemo, RememberedSlot } from './line-memo';
import type { LineKind, ListItemInfo, SourceLine } from './lines';

export interface DocLine extends TextRange {
  kind: LineKind;
  depth: number;
  item?: ListItemInfo;
  cells?: TextRange[];
  header?: boolean;
  paragraphEnd?: number;
  containerEnd: number;
  /** See SourceLine. */
  rawHtml?: boolean;
  /** Where the line's words begin: after indentation, quote markers, list marker, task box, heading hashes. */
  contentStart: number;
  /** Before trailing spaces and a closing heading sequence. */
  contentEnd: number;
  /** Facts remembered about the line, shared with the block cache (line-memo.ts). */
  memo: LineMemo;
}

/**
 * `compute(line, arg)` (which reads only the line's own text) remembered on the line for as long
 * as `stamp` (what else the result depends on, compared with ===) stays the same: the line's text
 * cannot change while its memo lives, so a keystroke recomputes only the lines it changed. Strings
 * in the value must not be slices of the document (see text/detach.ts); results must not hold
 * document offsets (the line moves) and must not be mutated by callers. `compute` is a function
 * of its arguments rather than a closure, so a hit allocates nothing.
 */
export function onLine<T, A>(line: DocLine, slot: RememberedSlot, compute: (line: DocLine, arg: A) => T, arg: A, stamp?: unknown): T {
  const hit = line.memo[slot];
  if (hit !== undefined && hit.stamp === stamp) return hit.value as T;
  const value = compute(line, arg);
  line.memo[slot] = { stamp, value };
  return value;
}

/** Index of the first line starting at or after `offset` (lines are in document order). */
export function firstLineAtOrAfter(lines: readonly DocLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shift(r: TextRange, by: number): TextRange {
  return { start: r.start + by, end: r.end + by };
}

// Perf (issue 7): a block the cache reused keeps the DocLine objects it had in the previous
// version. Above an edit they are at the same offsets; below it they are shifted in place, which
// costs a few additions per line instead of a fresh object per line (and the garbage collection
// after it). So a model's lines are valid until the next analysis with the same BlockCache: the
// engine's callers use a model before they analyse the next version, and findings never share a
// range object with a line (analyze.ts copies them).
interface Reusable {
  base: number;
  lines: DocLine[];
  /** The documentLines() pass that last used these lines: a block whose text occurs twice gets copies the second time. */
  pass: number;
  /** The joins joinListPieces made in these lines; undefined while they hold the block's own parse. */
  joined: Joins | undefined;
}
let passes = 0;

/**
 * FRESH_MEMORY. Arrays of one element per line or entry are filled by index at their final size
 * (or an upper bound, then cut), never grown by push, and taken from the previous version where
 * they can be (parse/recycle.ts). Above 128 KB V8 gives each array its own pages, and growing one
 * by push re-allocates it several times on the way: on a 5 MB postmortem (53,000 lines, 46,000
 * entries) each such array grown by push cost ~7 ms a keystroke here (~370 page faults on fresh
 * memory at ~15 µs each), ~2 ms made at its size, ~0.15 ms overwritten in place.
 */
export function documentLines(doc: ParsedDocument): DocLine[] {
  const pass = ++passes;
  // Filled by index (FRESH_MEMORY above), from the previous version's array as it was: counting the
  // lines first was a pass over every block's data of its own. Writing at the end appends, which
  // grows the array only when this version has more lines than any before; it is cut to length below.
  const out = doc.recycled.take<DocLine>('lines');
  let n = 0;
  /** Where each block's lines begin in `out`. */
  const firstLine = doc.recycled.take<number>('firstLine', doc.blocks.length);
  /** Each block's kept lines when they are the ones in `out` (undefined for a second occurrence's copies). */
  const kept = doc.recycled.take<Reusable | undefined>('keptLines', doc.blocks.length);
  for (let b = 0; b < doc.blocks.length; b++) {
    const block = doc.blocks[b]!;
    firstLine[b] = n;
    kept[b] = undefined;
    const base = block.start;
    // A field of the block's data, not a WeakMap: a lookup per block was a hash probe each.
    const reused = block.data.docLines as Reusable | undefined;
    if (reused && reused.pass !== pass) {
      if (reused.base !== base) shiftLines(reused.lines, base - reused.base);
      reused.base = base;
      reused.pass = pass;
      kept[b] = reused;
      for (const l of reused.lines) out[n++] = l;
      continue;
    }
    const first = n;
    const source = block.data.lines;
    for (let i = 0; i < source.length; i++) {
      const l: SourceLine = source[i]!;
      const start = l.start + base;
      const end = l.end + base;
      const [contentStart, contentEnd] = contentBounds(doc.text, start, end, l.kind);
      // Optional fields are assigned, not spread in: spread literals become slow dictionary objects.
      // The two most lines have are in the literal (undefined when absent): assigned after, they
      // took a property array per line (~2 MB at 5 MB, issue 7).
      const line: DocLine = {
        kind: l.kind,
        depth: l.depth,
        start,
        end,
        containerEnd: l.containerEnd + base,
        contentStart,
        contentEnd,
        memo: block.data.memo[i]!,
        item: l.item && { end: l.item.end + base, checked: l.item.checked, ordered: l.item.ordered, listStart: l.item.listStart + base },
        paragraphEnd: l.paragraphEnd === undefined ? undefined : l.paragraphEnd + base,
      };
      if (l.cells) line.cells = l.cells.map((c) => shift(c, base));
      if (l.header !== undefined) line.header = l.header;
      if (l.rawHtml) line.rawHtml = true;
      out[n++] = line;
    }
    // The second occurrence of the same block text keeps its copies to itself.
    if (!reused) block.data.docLines = kept[b] = { base, lines: out.slice(first, n), pass, joined: undefined } satisfies Reusable;
  }
  out.length = n;
  joinListPieces(doc, out, firstLine, kept);
  return out;
}

/** Back to the list ends of the block's own parse: the previous version may have joined them to a neighbour. */
function unjoin(lines: readonly DocLine[], source: readonly SourceLine[], base: number): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const own = source[i]!;
    line.containerEnd = own.containerEnd + base;
    if (line.item && own.item) line.item.listStart = own.item.listStart + base;
  }
}

/** Moves lines (and the ranges they own) by `by`, in place. */
function shiftLines(lines: readonly DocLine[], by: number): void {
  for (const line of lines) {
    line.start += by;
    line.end += by;
    line.containerEnd += by;
    line.contentStart += by;
    line.contentEnd += by;
    if (line.paragraphEnd !== undefined) line.paragraphEnd += by;
    if (line.item) {
      line.item.end += by;
      line.item.listStart += by;
    }
    if (line.cells) {
      for (const c of line.cells) {
        c.start += by;
        c.end += by;
      }
    }
  }
}

/**
 * A long list is parsed item by item (parse/blocks.ts); here its pieces become one list again:
 * each top-level item names the first piece's list start, and every line of the list its end, as
 * they would after one parse of the whole list. A block can take part twice: its first list
 * continues the run before it, and its last list starts the next run. Changed in place, and
 * recorded on the kept lines (Reusable): the next version leaves a block's lines alone when its
 * joins are the same (relative to the block, so also after a move), and otherwise resets them
 * from the block's own parse first (unjoin). On a 5 MB postmortem whose timeline is one long list,
 * resetting and joining every piece again was ~10 ms a keystroke.
 */
function joinListPieces(doc: ParsedDocument, out: DocLine[], firstLine: readonly number[], kept: readonly (Reusable | undefined)[]): void {
  const blocks = doc.blocks;
  const wanted = doc.recycled.take<Joins | undefined>('joins', blocks.length);
  wanted.fill(undefined);
  for (let k = 1; k < blocks.length; k++) {
    if (!joinsPrevious(blocks[k - 1], blocks[k]!)) continue;
    // A run of joined pieces: blocks[from] ends with the list, blocks[from+1..to] continue it.
    const from = k - 1;
    let to = k;
    while (to + 1 < blocks.length && joinsPrevious(blocks[to], blocks[to + 1]!) && blocks[to]!.data.firstList!.end === blocks[to]!.data.lastList!.end) to++;
    const head = blocks[from]!;
    const start = head.start + head.data.lastList!.start;
    const end = blocks[to]!.start + blocks[to]!.data.firstList!.end;
    for (let b = from; b <= to; b++) {
      const base = blocks[b]!.start;
      const joins = (wanted[b] ??= { ...NO_JOINS });
      if (b === from) {
        joins.head = true;
        joins.headStart = start - base;
        joins.headEnd = end - base;
      } else {
        joins.continued = true;
        joins.continuedStart = start - base;
        joins.continuedEnd = end - base;
      }
    }
    k = to;
  }
  for (let b = 0; b < blocks.length; b++) {
    const want = wanted[b];
    const reusable = kept[b];
    if (reusable) {
      if (sameJoins(reusable.joined, want)) continue;
      if (reusable.joined !== undefined) unjoin(reusable.lines, blocks[b]!.data.lines, blocks[b]!.start);
      reusable.joined = want;
    }
    if (want === undefined) continue;
    const block = blocks[b]!;
    const end = b + 1 < blocks.length ? firstLine[b + 1]! : out.length;
    // In the order one pass over the runs took: the first list continues a run, then the last starts one.
    if (want.continued) joinLines(out, firstLine[b]!, end, block.start, block.data.firstList!, want.continuedStart, want.continuedEnd);
    if (want.head) joinLines(out, firstLine[b]!, end, block.start, block.data.lastList!, want.headStart, want.headEnd);
  }
}

/**
 * The list a block's lines are joined into, relative to the block: as a run's head (its last list)
 * and as a continuation (its first). Flags rather than NaN for "not": a NaN made these fields
 * doubles, the sums of them stored in the lines made the lines' offsets doubles too, and V8 then
 * boxed every line's offset in a heap number of its own (~1.5 MB at 5 MB, issue 7).
 */
interface Joins {
  head: boolean;
  headStart: number;
  headEnd: number;
  continued: boolean;
  continuedStart: number;
  continuedEnd: number;
}

const NO_JOINS: Joins = { head: false, headStart: 0, headEnd: 0, continued: false, continuedStart: 0, continuedEnd: 0 };

function sameJoins(a: Joins | undefined, b: Joins | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.head === b.head && a.headStart === b.headStart && a.headEnd === b.headEnd && a.continued === b.continued && a.continuedStart === b.continuedStart && a.continuedEnd === b.continuedEnd;
}

/** The lines [from, to) of the block at `base` that belong to its `list` (as parsed alone) join the list at [start, end) relative to `base`. */
function joinLines(out: DocLine[], from: number, to: number, base: number, list: BlockList, start: number, end: number): void {
  const ownStart = base + list.start;
  const ownEnd = base + list.end;
  for (let i = from; i < to; i++) {
    const line = out[i]!;
    if (line.containerEnd !== ownEnd || line.start < ownStart) continue;
    line.containerEnd = base + end;
    if (line.item && line.item.listStart === ownStart) line.item.listStart = base + start;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Skips the block syntax at the start of a line and trailing space (and closing #s of headings). */
export function contentBounds(text: string, start: number, end: number, kind: LineKind): [number, number] {
  let i = start;
  while (i < end && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 62)) i++;
  if (kind === 'heading') {
    let h = i;
    while (h < end && text.charCodeAt(h) === 35) h++;
    if (h > i && (h === end || isSpace(text.charCodeAt(h)))) i = h;
  }
  if (kind === 'list-item') {
    const c = text.charCodeAt(i);
    if (c === 45 || c === 42 || c === 43) i++;
    else {
      while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      if (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 41) i++;
    }
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    // Task box "[ ]" / "[x]".
    if (text.charCodeAt(i) === 91 && text.charCodeAt(i + 2) === 93 && /[ xX]/.test(text[i + 1] ?? '')) {
      i += 3;
      while (i < end && isSpace(text.charCodeAt(i))) i++;
    }
  }
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  let e = end;
  // A setext heading spans its text line and the underline: the title is the first line.
  const newline = kind === 'heading' ? text.slice(i, end).search(/[\r\n]/) : -1;
  if (newline !== -1) e = i + newline;
  while (e > i && isSpace(text.charCodeAt(e - 1))) e--;
  if (kind === 'heading') {
    let h = e;
    while (h > i && text.charCodeAt(h - 1) === 35) h--;
    if (h < e && (h === i || isSpace(text.charCodeAt(h - 1)))) {
      e = h;
      while (e > i && isSpace(text.charCodeAt(e - 1))) e--;
    }
  }
  return [i, e];
}
