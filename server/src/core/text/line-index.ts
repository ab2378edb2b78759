import type { LineColumn, TextRange } from '../types';

/** Maps UTF-16 offsets to 1-based line/column and back. Built once per text in O(n). */
export class LineIndex {
  /** Offset at which each line starts; line i (0-based) is [lineStarts[i], lineStarts[i+1]). */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n counts once; a lone \r is a line break too (as in VS Code and LSP).
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column of an offset (clamped into the text). */
  position(offset: number): LineColumn {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  /** Offset of a 1-based line/column, clamped to the line's end. */
  offset(pos: LineColumn): number {
    const lineIdx = Math.max(0, Math.min(pos.line - 1, this.lineStarts.length - 1));
    const start = this.lineStarts[lineIdx]!;
    const end = this.lineContentEnd(lineIdx + 1);
    return Math.max(start, Math.min(start + pos.column - 1, end));
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))]!;
  }

  /** Offset just past a 1-based line's last character, before its line break. */
  lineContentEnd(line: number): number {
    const idx = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    let end = idx + 1 < this.lineStarts.length ? this.lineStarts[idx + 1]! : this.text.length;
    if (end > this.lineStarts[idx]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[idx]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Offset where the line after the one holding `offset` starts (or the text's end). */
  nextLineStart(offset: number): number {
    const { line } = this.position(offset);
    return line < this.lineStarts.length ? this.lineStarts[line]! : this.text.length;
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  range(range: TextRange): { start: LineColumn; end: LineColumn } {
    return { start: this.position(range.start), end: this.position(range.end) };
  }
}

/** The line break a text mostly uses, so inserted lines match the file. */
export function dominantEol(text: string): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
      else lf++;
    }
  }
  return crlf > lf ? '\r\n' : '\n';
}
