// The text of an open document as the worker holds it between versions, with the edits of the next
// version applied to it.
//
// Why a buffer: a version made as `before + inserted + after` is a new string that V8 copies into
// fresh pages of its own, and on this kind of machine fresh memory costs ~15 µs a 4 KB page in
// faults: ~18 ms for each version of a 5 MB document. Large texts are therefore also kept as their
// code units in a buffer with room to grow (Latin-1 bytes while every character fits, UTF-16
// after), an edit moves the bytes after it in place, and the version's string is read out of the
// buffer: Node makes a string that large an external one, in memory the allocator hands back
// after each collection of old versions (garbage.ts), so most keystrokes fault no pages at all.

import type { TextEdit } from '../edit-journal';

/** Node keeps strings read from buffers in the V8 heap below ~1 MB (its EXTERN_APEX): no gain there. */
const BUFFERED_FROM = 1 << 20;
/** Room left after the text when the buffer is (re)made, so typing does not re-allocate it. */
const SLACK_BYTES = 1 << 20;

const WIDE = /[^\u0000-\u00ff]/;

export class HeldText {
  /** The text's code units from offset 0 (Latin-1 bytes, or UTF-16LE when `wide`); made on the first edit of a large text. */
  private buffer: Buffer | undefined;
  private wide = false;

  constructor(
    public version: number,
    public text: string,
  ) {}

  /**
   * Applies `edits` (each against the text the ones before it left) and makes them version
   * `version`. Returns false, changing nothing, when an edit does not fit the text.
   */
  apply(edits: readonly TextEdit[], version: number): boolean {
    let length = this.text.length;
    let widens = false;
    for (const e of edits) {
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= length)) return false;
      length += e.text.length - (e.end - e.start);
      if (!widens && WIDE.test(e.text)) widens = true;
    }
    if (length < BUFFERED_FROM && this.buffer === undefined) {
      let text = this.text;
      for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
      this.text = text;
    } else {
      this.applyBuffered(edits, widens, length);
    }
    this.version = version;
    return true;
  }

  private applyBuffered(edits: readonly TextEdit[], widens: boolean, finalLength: number): void {
    if (this.buffer === undefined || (widens && !this.wide)) {
      this.wide ||= widens || WIDE.test(this.text);
      this.buffer = this.encode(this.text, Math.max(this.text.length, finalLength));
    }
    const unit = this.wide ? 2 : 1;
    let length = this.text.length;
    for (const e of edits) {
      const grown = length + e.text.length - (e.end - e.start);
      if (grown * unit > this.buffer.length) this.buffer = this.regrow(this.buffer, length * unit, grown * unit);
      // Buffer#copy moves overlapping ranges correctly (memmove).
      this.buffer.copy(this.buffer, (e.start + e.text.length) * unit, e.end * unit, length * unit);
      this.buffer.write(e.text, e.start * unit, e.text.length * unit, this.wide ? 'utf16le' : 'latin1');
      length = grown;
    }
    this.text = this.buffer.toString(this.wide ? 'utf16le' : 'latin1', 0, length * unit);
  }

  private encode(text: string, units: number): Buffer {
    const unit = this.wide ? 2 : 1;
    const buffer = Buffer.allocUnsafeSlow(units * unit + SLACK_BYTES);
    buffer.write(text, 0, text.length * unit, this.wide ? 'utf16le' : 'latin1');
    return buffer;
  }

  private regrow(buffer: Buffer, usedBytes: number, neededBytes: number): Buffer {
    const next = Buffer.allocUnsafeSlow(neededBytes + Math.max(SLACK_BYTES, neededBytes >> 3));
    buffer.copy(next, 0, 0, usedBytes);
    return next;
  }
}
