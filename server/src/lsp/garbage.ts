// Each version of a document is a new string in the worker (the edit applied there, or the whole
// text sent), and in the request thread when a request reads the whole text (piece-document.ts),
// and the one before becomes garbage. Strings that size
// live outside the young generation, so only a full collection frees them, and V8 starts one late
// when the live heap is large: editing a 5 MB postmortem added ~7 MB of RSS per keystroke (460 MB
// after 30 edits) before anything was collected. So each thread counts the text it replaced and,
// once that passes a few times the size of what it holds (and a floor), runs a full collection
// right after it has answered, between keystrokes rather than during one.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Replaced text below this never triggers a collection: small documents are left to V8. */
const FLOOR_BYTES = 32 * 1024 * 1024;

type Gc = () => unknown;
let collect: Gc | null | undefined;

/** V8's gc(), exposed for this isolate; null where that is not possible. */
function collector(): Gc | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    collect = typeof gc === 'function' ? (gc as Gc) : null;
  } catch {
    collect = null;
  }
  return collect;
}

export class ReplacedText {
  private bytes = 0;

  /** A document's text was replaced by a new version of `length` characters. */
  replaced(length: number): void {
    this.bytes += 2 * length;
  }

  /** Runs a full collection if enough replaced text has piled up; `heldBytes` is what this thread keeps. */
  collectIfDue(heldBytes: number): boolean {
    if (this.bytes < Math.max(FLOOR_BYTES, 4 * heldBytes)) return false;
    this.bytes = 0;
    const gc = collector();
    if (!gc) return false;
    // A whole collection, after the answer went out: ~130 ms with a 5 MB document open, once per
    // four keystrokes there. Measured against gc({ execution: 'async' }), which marks alongside and
    // never blocks, this one holds the peak ~30 MB lower (after 10 edits of 5 MB: 315 vs 346 MB),
    // and a later diagnostics update is all a user sees of it: the editor itself never waits.
    gc();
    return true;
  }
}
