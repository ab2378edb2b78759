// The request thread's copy of an open document, kept as pieces of about 64 KB instead of one
// string. Why: a keystroke in vscode-languageserver-textdocument's document makes a new string of
// the whole text (its substring of the previous concatenation flattens it), ~20 ms at 5 MB on this
// kind of machine, on the path from keystroke to diagnostics, although this thread does not read
// the text then (the worker is sent the edits, edit-journal.ts). Here an edit rebuilds one piece;
// the whole text is joined only when a request reads it, once per version.
//
// Positions behave exactly as vscode-languageserver-textdocument's (same line offsets, the same
// clamping before line ends, the same CRLF rules); test/server/piece-document.test.ts holds the two
// side by side over random edits.
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';

/** Pieces are split to this size; an edit that grows one past twice this splits it again. */
const PIECE = 1 << 16;

const LF = 10;
const CR = 13;

export class PieceTextDocument implements TextDocument {
  /** Never changed in place: an edit makes a new array, so a snapshot (textOfThisVersion) stays valid. */
  private pieces: readonly string[];
  /** starts[i] is the offset of pieces[i]. */
  private starts: number[];
  private size: number;
  /** The whole text, once something read it in this version. */
  private whole: string | undefined;
  private lineOffsets: number[] | undefined;
  /** Characters joined into whole texts since takeJoinedLength last asked (garbage.ts counts them). */
  private joined = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    content: string,
    /** Tests use small pieces, to exercise edits across many of them. */
    private readonly pieceSize = PIECE,
  ) {
    this.size = content.length;
    this.whole = content;
    this.pieces = split(content, pieceSize);
    this.starts = startsOf(this.pieces);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The text's length, without joining it. */
  get length(): number {
    return this.size;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  getText(range?: Range): string {
    if (range) {
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      return this.slice(start, end);
    }
    if (this.whole === undefined) {
      this.whole = this.pieces.join('');
      this.joined += this.whole.length;
      // The pieces now point into the joined text, so the strings they were made of can go.
      this.pieces = split(this.whole, this.pieceSize);
      this.starts = startsOf(this.pieces);
    }
    return this.whole;
  }

  /** How much whole text getText made since the last call: it is garbage once the text changes. */
  takeJoinedLength(): number {
    const joined = this.joined;
    this.joined = 0;
    return joined;
  }

  /**
   * The text of this version, read only when called: later edits do not change what it returns
   * (a queued analysis job is sent the text of its own version, never a newer one).
   */
  textOfThisVersion(): () => string {
    const pieces = this.pieces;
    return () => (this.pieces === pieces ? this.getText() : pieces.join(''));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.size), 0);
    const lineOffsets = this.getLineOffsets();
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeLineEnd(offset, lineOffsets[line]!);
    return { line, character: offset - lineOffsets[line]! };
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.getLineOffsets();
    if (position.line >= lineOffsets.length) return this.size;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line]!;
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1]! : this.size;
    return this.beforeLineEnd(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  getLineRange(line: number): Range {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.size - lineOffsets[last]! } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line]!;
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.size;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineEnd(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lineOffsets = this.getLineOffsets();
    if (line >= lineOffsets.length || line < 0) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1]! : this.size;
    return this.slice(this.beforeLineEnd(next, lineOffsets[line]!), next);
  }

  /** Applies the changes of one didChange notification (the TextDocuments configuration's update). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) this.applyRangeChange(change.range, change.text);
      else {
        this.size = change.text.length;
        this.whole = change.text;
        this.pieces = split(change.text, this.pieceSize);
        this.starts = startsOf(this.pieces);
        this.lineOffsets = undefined;
      }
    }
    this.currentVersion = version;
  }

  private applyRangeChange(range: Range, text: string): void {
    const { start, end } = wellFormed(range);
    const startOffset = this.offsetAt(start);
    const endOffset = this.offsetAt(end);
    this.replace(startOffset, endOffset, text);
    const insertedEnd = startOffset + text.length;
    // A CRLF pair made across an edit's edge is not in the inserted text's own line offsets.
    const crlfAtStart = this.charCodeAt(startOffset - 1) === CR && this.charCodeAt(startOffset) === LF;
    const crlfAtEnd = this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF;
    if (crlfAtStart || crlfAtEnd || this.lineOffsets === undefined) {
      this.lineOffsets = undefined;
      return;
    }
    const startLine = Math.max(start.line, 0);
    const endLine = Math.max(end.line, 0);
    const added = lineStarts(text, startOffset);
    let lineOffsets = this.lineOffsets;
    if (endLine - startLine === added.length) {
      for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i]!;
    } else if (added.length < 10_000) {
      lineOffsets.splice(startLine + 1, endLine - startLine, ...added);
    } else {
      this.lineOffsets = lineOffsets = [...lineOffsets.slice(0, startLine + 1), ...added, ...lineOffsets.slice(endLine + 1)];
    }
    const diff = text.length - (endOffset - startOffset);
    if (diff !== 0) for (let i = startLine + 1 + added.length; i < lineOffsets.length; i++) lineOffsets[i] = lineOffsets[i]! + diff;
  }

  /** Replaces [start, end) with `text`, rebuilding only the pieces the range touches. */
  private replace(start: number, end: number, text: string): void {
    const first = this.pieceAt(start);
    const last = this.pieceAt(end);
    const head = this.pieces[first]!.slice(0, start - this.starts[first]!);
    const tail = this.pieces[last]!.slice(end - this.starts[last]!);
    let from = first;
    let to = last + 1;
    let merged = head + text + tail;
    // A piece shrunk by deletions joins a neighbour, so pieces cannot multiply.
    if (merged.length < this.pieceSize >> 3 && this.pieces.length > to - from) {
      if (to < this.pieces.length) merged += this.pieces[to++]!;
      else merged = this.pieces[--from]! + merged;
    }
    const made = merged.length > 2 * this.pieceSize ? split(merged, this.pieceSize) : merged.length > 0 || this.pieces.length === to - from ? [merged] : [];
    this.pieces = [...this.pieces.slice(0, from), ...made, ...this.pieces.slice(to)];
    this.starts = startsOf(this.pieces);
    this.size += text.length - (end - start);
    this.whole = undefined;
  }

  /** The piece holding `offset`; an offset at a piece's end is read from that piece. */
  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.pieces.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! < offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.size) return NaN;
    if (this.whole !== undefined) return this.whole.charCodeAt(offset);
    let i = this.pieceAt(offset);
    // pieceAt reads an offset at a piece's end from that piece; the character is the next one's first.
    while (offset - this.starts[i]! >= this.pieces[i]!.length) i++;
    return this.pieces[i]!.charCodeAt(offset - this.starts[i]!);
  }

  private slice(start: number, end: number): string {
    if (this.whole !== undefined || end - start > this.pieceSize * 4) return this.getText().slice(start, end);
    let out = '';
    for (let i = this.pieceAt(start); i < this.pieces.length && this.starts[i]! < end; i++) {
      const s = this.starts[i]!;
      out += this.pieces[i]!.slice(Math.max(0, start - s), Math.max(0, end - s));
    }
    return out;
  }

  private beforeLineEnd(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private getLineOffsets(): number[] {
    // Rebuilt from the whole text only after a whole-text change or a CRLF made across an edit.
    this.lineOffsets ??= [0, ...lineStarts(this.getText(), 0)];
    return this.lineOffsets;
  }
}

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}

/** Offsets (plus `base`) where the lines after the first begin: after each \n, \r or \r\n. */
function lineStarts(text: string, base: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === CR || ch === LF) {
      if (ch === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      starts.push(base + i + 1);
    }
  }
  return starts;
}

function split(text: string, size: number): string[] {
  if (text.length <= size) return [text];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces;
}

function startsOf(pieces: readonly string[]): number[] {
  const starts = new Array<number>(pieces.length);
  let at = 0;
  for (let i = 0; i < pieces.length; i++) {
    starts[i] = at;
    at += pieces[i]!.length;
  }
  return starts;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
