// Document lines with absolute offsets, built from the blocks of a parse.
import { joinsPrevious, type BlockData, type ParsedDocument } from '../parse/document';
import { detachString } from '../text/detach';
import type { TextRange } from '../types';
import type { LineKind, SourceLine } from './lines';

export interface DocLine extends TextRange {
  kind: LineKind;
  depth: number;
  item?: { range: TextRange; checked: boolean | null; ordered: boolean; listStart: number };
  cells?: TextRange[];
  header?: boolean;
  paragraphEnd?: number;
  containerEnd: number;
  /** Where the line's words begin: after indentation, quote markers, list marker, task box, heading hashes. */
  contentStart: number;
  /** Before trailing spaces and a closing heading sequence. */
  contentEnd: number;
  /** Per-line memo shared with the block cache (keys are relative to nothing: they are fact names). */
  memo: Map<string, unknown>;
}

/**
 * `compute()` remembered on the line for as long as `input` (text read from the line) and `stamp`
 * (what else the result depends on, compared with ===) stay the same. Strings in `value` must not
 * be slices of the document (see text/detach.ts). The memo survives block reuse,
 * so a keystroke recomputes only the lines it changed. Results must not hold document offsets
 * (the line may move) and must not be mutated by callers.
 */
export function onLine<T>(line: DocLine, key: string, input: string, compute: () => T, stamp?: unknown): T {
  return remember(line, key, input, compute, stamp, true);
}

/** onLine for an input that is already a string of its own (the masked prose), not a document slice. */
export function onLineOwned<T>(line: DocLine, key: string, input: string, compute: () => T, stamp?: unknown): T {
  return remember(line, key, input, compute, stamp, false);
}

function remember<T>(line: DocLine, key: string, input: string, compute: () => T, stamp: unknown, copy: boolean): T {
  const hit = line.memo.get(key) as { input: string; stamp: unknown; value: T } | undefined;
  if (hit !== undefined && hit.input === input && hit.stamp === stamp) return hit.value;
  const value = compute();
  line.memo.set(key, { input: copy ? detachString(input) : input, stamp, value });
  return value;
}

function shift(r: TextRange, by: number): TextRange {
  return { start: r.start + by, end: r.end + by };
}

// Perf (issue 7): a block the cache reused at the same offset (every block above an edit) gets
// the DocLine objects it had in the previous version instead of fresh copies; blocks that moved
// are copied with the new offsets as before. Nothing mutates DocLines, so sharing them is safe.
const previousLines = new WeakMap<BlockData, { base: number; lines: DocLine[] }>();

export function documentLines(doc: ParsedDocument): DocLine[] {
  const out: DocLine[] = [];
  /** Where each block's lines begin in `out`. */
  const firstLine: number[] = [];
  for (const block of doc.blocks) {
    firstLine.push(out.length);
    const base = block.start;
    const reused = previousLines.get(block.data);
    if (reused && reused.base === base) {
      for (const l of reused.lines) out.push(l);
      continue;
    }
    const first = out.length;
    const source = block.data.lines;
    for (let i = 0; i < source.length; i++) {
      const l: SourceLine = source[i]!;
      const start = l.start + base;
      const end = l.end + base;
      const [contentStart, contentEnd] = contentBounds(doc.text, start, end, l.kind);
      // Optional fields are assigned, not spread in: spread literals become slow dictionary
      // objects, and half the document's lines are copied like this on every keystroke.
      const line: DocLine = { kind: l.kind, depth: l.depth, start, end, containerEnd: l.containerEnd + base, contentStart, contentEnd, memo: block.data.memo[i]! };
      if (l.item) line.item = { range: shift(l.item.range, base), checked: l.item.checked, ordered: l.item.ordered, listStart: l.item.listStart + base };
      if (l.cells) line.cells = l.cells.map((c) => shift(c, base));
      if (l.header !== undefined) line.header = l.header;
      if (l.paragraphEnd !== undefined) line.paragraphEnd = l.paragraphEnd + base;
      out.push(line);
    }
    previousLines.set(block.data, { base, lines: out.slice(first) });
  }
  joinListPieces(doc, out, firstLine);
  return out;
}

/**
 * A long list is parsed item by item (parse/blocks.ts); here its pieces become one list again:
 * each top-level item names the first piece's list start, and every line of the list its end, as
 * they would after one parse of the whole list. Lines are replaced, not changed: the unjoined
 * ones are shared with the next version.
 */
function joinListPieces(doc: ParsedDocument, out: DocLine[], firstLine: readonly number[]): void {
  const blocks = doc.blocks;
  for (let k = 1; k < blocks.length; k++) {
    if (!joinsPrevious(blocks[k - 1], blocks[k]!)) continue;
    // A run of joined pieces: blocks[from] ends with the list, blocks[from+1..to] continue it.
    const from = k - 1;
    let to = k;
    while (to + 1 < blocks.length && joinsPrevious(blocks[to], blocks[to + 1]!) && blocks[to]!.data.firstList!.end === blocks[to]!.data.lastList!.end) to++;
    const head = blocks[from]!;
    const listStart = head.start + head.data.lastList!.start;
    const listEnd = blocks[to]!.start + blocks[to]!.data.firstList!.end;
    for (let b = from; b <= to; b++) {
      const block = blocks[b]!;
      const list = b === from ? block.data.lastList! : block.data.firstList!;
      const ownStart = block.start + list.start;
      const ownEnd = block.start + list.end;
      const end = b + 1 < blocks.length ? firstLine[b + 1]! : out.length;
      for (let i = firstLine[b]!; i < end; i++) {
        const line = out[i]!;
        if (line.containerEnd !== ownEnd || line.start < ownStart) continue;
        const joined: DocLine = { ...line, containerEnd: listEnd };
        if (line.item && line.item.listStart === ownStart) joined.item = { ...line.item, listStart };
        out[i] = joined;
      }
    }
    k = to;
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
