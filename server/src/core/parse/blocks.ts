// Splits Markdown into top-level blocks at boundaries no Markdown construct can carry across, so
// each block parses alone to the same tree it has inside the whole document. This is what lets the
// server re-parse only the blocks an edit touches (and bounds the parser's superlinear cases).
//
// A boundary is the start of a line that follows a blank line, begins at column 0 with a character
// that cannot continue a list, block quote or indented block, and lies outside fenced code, HTML
// blocks that run past blank lines (comments, <pre>, <script>...), and front matter. Being
// conservative only costs speed: two blocks merged are still parsed correctly. What the scan cannot
// follow (a fence opened after a list marker, closed by its item's end) shows in the parse, as a
// block that runs open to its end; parse/document.ts merges it with the next one.

import type { TextRange } from '../types';

export interface Block extends TextRange {
  /** The front matter block at the top of the file. */
  frontMatter?: boolean;
  /**
   * Starts at an item of the list the block before ends with: a long list is split item by item
   * (each item parses alone to the same subtree), and the pieces are joined again by whoever needs
   * the whole list (model/doc-lines.ts for the model, render/document.ts for the renderer).
   */
  continuesList?: boolean;
}

interface Line {
  start: number;
  /** End of content, before the line break. */
  end: number;
  /** Start of the next line. */
  next: number;
}

function* lines(text: string, from = 0): Generator<Line> {
  // Where the next "\n" and "\r" are (-1: none left), found with indexOf rather than a loop per
  // character: splitting is on every keystroke's path.
  let lf = -2;
  let cr = -2;
  let start = from;
  while (start < text.length) {
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
    const end = lf === -1 ? (cr === -1 ? text.length : cr) : cr === -1 ? lf : Math.min(lf, cr);
    let next = end;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    yield { start, end, next };
    start = next;
  }
}

function isBlank(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Leading spaces (tabs count as 4) up to `limit`. */
function indentOf(text: string, line: Line, limit: number): number {
  let n = 0;
  for (let i = line.start; i < line.end && n < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) n++;
    else if (c === 9) n += 4;
    else break;
  }
  return n;
}

/** Whether a column-0 line could continue a list or quote, or is otherwise unsafe to start a block. */
function mayContinue(text: string, line: Line): boolean {
  const c = text.charCodeAt(line.start);
  if (c === 32 || c === 9) return true; // indented: list continuation or indented code
  if (c === 62) return true; // '>' block quote (a lazy blank-separated quote is a new quote, but keep them together)
  if (c === 45 || c === 42 || c === 43) {
    // '-', '*', '+' followed by space, tab or end: a list item that may join the list above.
    const d = text.charCodeAt(line.start + 1);
    return line.start + 1 >= line.end || d === 32 || d === 9;
  }
  if (c >= 48 && c <= 57) {
    let i = line.start;
    while (i < line.end && i - line.start < 10 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const d = text.charCodeAt(i);
    if (d === 46 || d === 41) {
      const e = text.charCodeAt(i + 1);
      return i + 1 >= line.end || e === 32 || e === 9;
    }
  }
  return false;
}

interface Fence {
  char: number;
  length: number;
}

/** An opening code fence (``` or ~~~, up to 3 spaces in; deeper ones are treated the same, to be safe). */
function fenceAt(text: string, line: Line): Fence | undefined {
  let i = line.start;
  while (i < line.end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 62)) i++;
  const c = text.charCodeAt(i);
  if (c !== 96 && c !== 126) return undefined;
  let n = 0;
  while (i + n < line.end && text.charCodeAt(i + n) === c) n++;
  if (n < 3) return undefined;
  // A backtick fence's info string may not contain backticks.
  if (c === 96 && text.slice(i + n, line.end).includes('`')) return undefined;
  return { char: c, length: n };
}

function closesFence(text: string, line: Line, fence: Fence): boolean {
  let i = line.start;
  while (i < line.end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 62)) i++;
  let n = 0;
  while (i + n < line.end && text.charCodeAt(i + n) === fence.char) n++;
  if (n < fence.length) return false;
  for (let j = i + n; j < line.end; j++) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

const RAW_HTML_OPENERS: readonly [string, string][] = [
  ['<!--', '-->'],
  ['<script', '</script>'],
  ['<pre', '</pre>'],
  ['<style', '</style>'],
  ['<textarea', '</textarea>'],
  ['<?', '?>'],
  ['<![cdata[', ']]>'],
];

/**
 * The opening and the end marker of an HTML block that does not end at a blank line (a comment,
 * <pre>, <script>...), for the lower-cased start of a line from its "<"; else undefined.
 */
function rawHtmlKind(head: string): readonly [string, string] | undefined {
  for (const kind of RAW_HTML_OPENERS) {
    const open = kind[0];
    if (!head.startsWith(open)) continue;
    const after = head.charCodeAt(open.length);
    // <pre must be followed by space, > or end of line to be the raw-text block.
    if (/[a-z]$/.test(open) && !(Number.isNaN(after) || after === 32 || after === 62 || after === 9)) continue;
    return kind;
  }
  return head.startsWith('<!') && head.length > 2 && /[a-z]/.test(head[2]!) ? ['<!', '>'] : undefined;
}

/** Whether an HTML block's text (an mdast html node's value) is one that runs past blank lines. */
export function isRawHtmlBlock(html: string): boolean {
  const head = html.replace(/^ {0,3}/, '').slice(0, 12);
  const lineEnd = head.search(/[\r\n]/);
  return rawHtmlKind((lineEnd < 0 ? head : head.slice(0, lineEnd)).toLowerCase()) !== undefined;
}

/** For HTML blocks that do not end at a blank line: the marker that ends them. */
function htmlBlockEnd(text: string, line: Line): string | undefined {
  let i = line.start;
  while (i < line.end && i - line.start < 4 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 62)) i++;
  if (text.charCodeAt(i) !== 60) return undefined;
  const kind = rawHtmlKind(text.slice(i, Math.min(line.end, i + 12)).toLowerCase());
  if (!kind) return undefined;
  const [open, close] = kind;
  return text.slice(i, line.end).toLowerCase().includes(close, open.length) ? undefined : close;
}

// CommonMark HTML block type 6: these tags start a block that runs to the next blank line, and
// can interrupt a paragraph. A fence-looking line inside such a block is HTML, not a fence.
const BLOCK_TAGS = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul').split(' '),
);

/** Whether the line opens an HTML block that ends at a blank line (types 6 and 7). */
function opensHtmlUntilBlank(text: string, line: Line, afterBlank: boolean): boolean {
  let i = line.start;
  while (i < line.end && i - line.start < 3 && text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) !== 60) return false;
  let j = i + 1;
  if (text.charCodeAt(j) === 47) j++;
  const nameStart = j;
  while (j < line.end && j - nameStart < 12 && /[A-Za-z0-9]/.test(text[j]!)) j++;
  const name = text.slice(nameStart, j).toLowerCase();
  if (!name || !/^[a-z]/.test(name)) return false;
  const after = text.charCodeAt(j);
  const ends = j >= line.end || after === 32 || after === 9 || after === 62 || (after === 47 && text.charCodeAt(j + 1) === 62);
  if (BLOCK_TAGS.has(name) && ends) return true;
  // Type 7 (any other complete tag alone on its line) cannot interrupt a paragraph.
  if (!afterBlank) return false;
  // Searched within the line: indexOf on the whole text made a line of "<x" cost the rest of the document.
  const close = text.slice(j, line.end).indexOf('>');
  return close !== -1 && text.slice(j + close + 1, line.end).trim() === '';
}

/** The bullet ("-", "*", "+") or the ordered delimiter ("." or ")") of a list item at `offset`, else "". */
export function markerAt(text: string, offset: number): string {
  const c = text[offset];
  if (c === '-' || c === '*' || c === '+') return c;
  let i = offset;
  while (i < text.length && i - offset < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i > offset && (text[i] === '.' || text[i] === ')') ? text[i]! : '';
}

/**
 * The marker of a column-0 list item with content on its line ("-", "*", "+", or the delimiter of
 * "1." / "1)"), else undefined. Thematic breaks ("- - -", "* * *") and empty items are not items
 * here: an item boundary is only placed where nothing else can be meant.
 */
function itemMarkerAt(text: string, line: Line): string | undefined {
  const marker = markerAt(text, line.start);
  if (!marker) return undefined;
  const c = text.charCodeAt(line.start);
  // Past the marker: the bullet itself, or the digits and the delimiter.
  const i = marker === text[line.start] ? line.start + 1 : text.indexOf(marker, line.start) + 1;
  const space = text.charCodeAt(i);
  if (space !== 32 && space !== 9) return undefined;
  let j = i;
  while (j < line.end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  if (j >= line.end) return undefined;
  if ((c === 45 || c === 42) && /^[-*_\s]+$/.test(text.slice(line.start, Math.min(line.end, line.start + 200)))) return undefined;
  return marker;
}

/**
 * Items are split off only once a piece has this many characters: each parse has a fixed cost
 * (~0.2 ms), so pieces of one short item each made opening a 5 MB document twice as slow, while a
 * piece this size still parses in about a millisecond when an edit touches it.
 */
export const MIN_PIECE = 400;

/**
 * Whether the line's item may start a block of its own. Only items that begin a list wherever they
 * stand at column 0 qualify, because they may interrupt a paragraph: a bullet with content, or an
 * ordered item numbered 1. "2. x" after a paragraph belongs to the paragraph, so it never starts a
 * piece, whatever list came before (a heading in between may have ended it).
 */
function startsItemHere(text: string, line: Line): boolean {
  const marker = itemMarkerAt(text, line);
  if (marker === undefined) return false;
  if (marker === '-' || marker === '*' || marker === '+') return true;
  return text.charCodeAt(line.start) === 49 && (text[line.start + 1] === '.' || text[line.start + 1] === ')');
}

/** Whether the line, past its indentation, list markers and quote markers, opens a fence or raw HTML. */
function opensInsideItem(text: string, line: Line): boolean {
  const head = text.slice(line.start, Math.min(line.end, line.start + 120));
  return /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)*(?:`{3,}|~{3,}|<)/.test(head);
}

/** A "---" line (trailing spaces allowed): front matter's opening and closing line. */
function isDashLine(text: string, line: Line): boolean {
  return text.slice(line.start, line.end).trimEnd() === '---';
}

/** Whether the text's first line is "---", which a later "---" line makes front matter. */
export function opensFrontMatter(text: string): boolean {
  const first = lines(text).next();
  return !first.done && isDashLine(text, first.value);
}

/** Whether a line that [from, to] touches is a "---" line. */
export function touchesDashLine(text: string, from: number, to: number): boolean {
  const start = Math.max(text.lastIndexOf('\n', from - 1), text.lastIndexOf('\r', from - 1)) + 1;
  for (const line of lines(text, start)) {
    if (line.start > to) break;
    if (isDashLine(text, line)) return true;
  }
  return false;
}

/** Length of the YAML front matter block at the start, including its closing line, or 0. */
export function frontMatterLength(text: string): number {
  const it = lines(text);
  const first = it.next();
  if (first.done || !isDashLine(text, first.value)) return 0;
  for (const line of it) if (isDashLine(text, line)) return line.next;
  return 0;
}

/** Splits `text` into consecutive blocks covering it exactly. Linear in the text's length. */
export function splitBlocks(text: string, minPiece = MIN_PIECE): Block[] {
  return splitFrom(text, minPiece).blocks;
}

/**
 * Where a split may resume: the start of a block, with what is known there. Every boundary is a
 * point where no fence, HTML block or front matter is open, so this is the whole state.
 */
export interface Resume {
  offset: number;
  /** The block at `offset` continues the list of the block before it. */
  continuesList: boolean;
}

/**
 * splitBlocks from `resume` (else from the start) up to the first boundary `stopAt` accepts,
 * where the caller knows what follows (model: an earlier split of the same text after an edit).
 * The block that starts at `stoppedAt` is not returned.
 */
export function splitFrom(text: string, minPiece = MIN_PIECE, resume?: Resume, stopAt?: (offset: number, continuesList: boolean) => boolean): { blocks: Block[]; stoppedAt?: number } {
  const blocks: Block[] = [];
  let blockStart = 0;
  let fence: Fence | undefined;
  let htmlEnd: string | undefined;
  let inHtmlBlock = false;
  let previousBlank = true;
  // Long lists are also split at items (startsItemHere), so an edit re-parses a piece of a list,
  // not all of it. The open block starts at an item of the list the block before ends with:
  let continuing = false;
  if (resume && resume.offset > 0) {
    blockStart = resume.offset;
    continuing = resume.continuesList;
    // True at a block boundary, and only read at its first line, where it cannot close a block
    // (line.start === blockStart); an item boundary's line is a list item, which opens no HTML.
    previousBlank = true;
  } else {
    const fm = frontMatterLength(text);
    if (fm > 0) {
      blocks.push({ start: 0, end: fm, frontMatter: true });
      blockStart = fm;
    }
  }
  /**
   * Something in this list that may not end where an item does when the item is parsed alone (a
   * fence or raw HTML opened inside an item runs to the end of what is parsed): no more item
   * boundaries until the next block.
   */
  let itemsUnsafe = false;
  const close = (end: number) => blocks.push({ start: blockStart, end, ...(continuing ? { continuesList: true } : {}) });
  for (const line of lines(text, blockStart)) {
    if (fence) {
      if (closesFence(text, line, fence)) fence = undefined;
      previousBlank = false;
      continue;
    }
    if (htmlEnd) {
      if (text.slice(line.start, line.end).toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
      previousBlank = false;
      continue;
    }
    const blank = isBlank(text, line);
    if (blank) inHtmlBlock = false;
    let closed = false;
    if (!blank && previousBlank && line.start > blockStart && !mayContinue(text, line)) {
      close(line.start);
      blockStart = line.start;
      continuing = false;
      itemsUnsafe = false;
      closed = true;
    } else if (!blank && !inHtmlBlock && !itemsUnsafe && line.start > blockStart && line.start - blockStart >= minPiece && startsItemHere(text, line)) {
      close(line.start);
      blockStart = line.start;
      continuing = true;
      closed = true;
    }
    // From a boundary on, the scan's state depends only on the text after it.
    if (closed && stopAt?.(line.start, continuing)) return { blocks, stoppedAt: line.start };
    if (!blank && !itemsUnsafe) itemsUnsafe = opensInsideItem(text, line);
    if (!blank && !inHtmlBlock) {
      htmlEnd = htmlBlockEnd(text, line);
      if (!htmlEnd) inHtmlBlock = opensHtmlUntilBlank(text, line, previousBlank);
      if (!htmlEnd && !inHtmlBlock) fence = indentOf(text, line, 16) < 16 ? fenceAt(text, line) : undefined;
    }
    previousBlank = blank;
  }
  if (blockStart < text.length || blocks.length === 0) close(text.length);
  return { blocks };
}
