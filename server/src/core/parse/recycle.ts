// Arrays a document's next version overwrites instead of allocating again.
//
// The model's per-line and per-entry arrays (its lines, timeline entries, prose lines, placed
// entries) have tens of thousands of elements on a large postmortem. Above 128 KB V8 gives each
// array pages of its own, and fresh pages are what a keystroke paid for there: each new
// 53,000-element array cost ~2 ms in page faults on this machine (~15 µs per 4 KB page), against
// ~0.15 ms to overwrite the previous version's array in place. Like the model's lines, whose
// objects the next version also moves in place (model/doc-lines.ts), an array taken from here is
// valid until the next analysis with the same BlockCache: the engine's callers are done with a
// model before they analyse the document's next version.

export class RecycledArrays {
  private readonly arrays = new Map<string, unknown[]>();

  /**
   * An array for `purpose` (one array per purpose per model): the one the previous version took,
   * which the caller overwrites element by element, else a new one. Set to `length` when given (the
   * caller may cut it to less when that was a bound); left at the previous version's length when
   * not, for a caller that appends past it and cuts it to length at the end.
   */
  take<T>(purpose: string, length?: number): T[] {
    const kept = this.arrays.get(purpose) as T[] | undefined;
    if (kept === undefined) {
      const made = new Array<T>(length ?? 0);
      this.arrays.set(purpose, made);
      return made;
    }
    if (length !== undefined) kept.length = length;
    return kept;
  }
}
