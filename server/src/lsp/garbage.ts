// Each version of a document is a new string in the worker (the edit applied there, or the whole
// text sent), and in the request thread when a request reads the whole text (piece-document.ts),
// and the one before becomes garbage. Strings that size
// live outside the young generation, so only a full collection frees them, and V8 starts one late
// when the live heap is large: editing a 5 MB postmortem added ~7 MB of RSS per keystroke (460 MB
// after 30 edits) before anything was collected. So each thread counts the text it replaced and,
// once that passes a few times the size of what it holds (and a floor), starts a full collection
// right after it has answered, between keystrokes rather than during one (see startCollection).
// The worker does the same once it has parsed enough text afresh (PARSED_FLOOR_CHARS), and once
// its heap has grown well past what its last collection left (HEAP_GROWTH_FLOOR_BYTES).

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { measureMemory, runInNewContext } from 'node:vm';

/** Replaced text below this never triggers a collection: small documents are left to V8. */
const FLOOR_BYTES = 32 * 1024 * 1024;
/**
 * Characters parsed afresh from which a collection is due (worker only). A parse leaves its syntax
 * trees behind, some hundred bytes per character, and only a full collection frees them, which V8
 * starts when it sees fit (possibly during a keystroke). Started right after the answer to an open,
 * it runs between keystrokes; with a 5 MB postmortem the peak RSS over the ten edits after the open
 * was ~10 MB lower in three runs side by side. Keystrokes parse a few blocks each: this is rare.
 */
const PARSED_FLOOR_CHARS = 256 * 1024;

/**
 * Heap growth since the last collection from which one is due (the worker only): as much again as
 * that collection left live, and at least this. On a small document V8 lets the worker's old
 * generation fill with the garbage of some 2,000 keystrokes (~10 MB live, ~28 MB before it
 * collects) and keeps the pages afterwards, so the process's RSS rose and fell by ~15 MB in a
 * saw-tooth, and sometimes stayed up. On a large one (~100 MB live) V8 collects first.
 */
const HEAP_GROWTH_FLOOR_BYTES = 8 * 1024 * 1024;

type Gc = () => unknown;
let forcedCollector: Gc | null | undefined;

/** V8's gc(), exposed for this isolate; null where that is not possible. Only a fallback (see below). */
function forced(): Gc | null {
  if (forcedCollector !== undefined) return forcedCollector;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    forcedCollector = typeof gc === 'function' ? (gc as Gc) : null;
  } catch {
    forcedCollector = null;
  }
  return forcedCollector;
}

/**
 * Starts a full collection of V8's own kind, now: vm.measureMemory with eager execution starts one
 * right away (Node's documentation says so), marking alongside on another core and finishing in a
 * short pause. Why not gc(): a forced collection also lets V8 drop the hidden classes that no live
 * object uses at that moment (those of the objects each keystroke makes and drops), and the
 * optimized code that depends on them is thrown away. Measured over LSP at 5 MB: the keystroke
 * after a forced collection took 174-182 ms against 119-124 ms after this one, the one it landed
 * on 234-251 ms against 133-232 ms; it frees a little later, which put the 5 MB peak RSS ~5 MB
 * higher. gc() stays as the fallback where measureMemory is missing. Resolves once the collection is over.
 */
function startCollection(): Promise<void> | undefined {
  try {
    return measureMemory({ mode: 'summary', execution: 'eager' }).then(
      () => undefined,
      () => undefined,
    );
  } catch {
    const gc = forced();
    if (!gc) return undefined;
    gc();
    return Promise.resolve();
  }
}

export class ReplacedText {
  private bytes = 0;
  private parsedChars = 0;
  /** The heap in use when the last collection ended (or the lowest seen since); undefined until first read. */
  private liveAfterCollection: number | undefined;
  private readonly watchHeap: boolean;
  /** Settles when the collection started last is over (tests wait for it). */
  collected: Promise<void> = Promise.resolve();

  /** `watchHeap` (the worker): also collect once the heap has grown well past what the last collection left (HEAP_GROWTH_FLOOR_BYTES). */
  constructor(options: { watchHeap?: boolean } = {}) {
    this.watchHeap = options.watchHeap === true;
  }

  /** A document's text was replaced by a new version of `length` characters. */
  replaced(length: number): void {
    this.bytes += 2 * length;
  }

  /** `chars` characters of text were parsed afresh (not reused from an earlier version). */
  parsed(chars: number): void {
    this.parsedChars += chars;
  }

  /** Starts a full collection if enough replaced or parsed text has piled up; `heldBytes` is what this thread keeps. */
  collectIfDue(heldBytes: number): boolean {
    if (this.bytes < Math.max(FLOOR_BYTES, 4 * heldBytes) && this.parsedChars < PARSED_FLOOR_CHARS && !this.heapGrew()) return false;
    this.bytes = 0;
    this.parsedChars = 0;
    // Started after the answer went out, so it runs between keystrokes rather than in one.
    const started = startCollection();
    if (!started) return false;
    this.collected = started.then(() => {
      if (this.watchHeap) this.liveAfterCollection = getHeapStatistics().used_heap_size;
    });
    return true;
  }

  private heapGrew(): boolean {
    if (!this.watchHeap) return false;
    const used = getHeapStatistics().used_heap_size;
    // V8's own collections count too: the lowest reading since is what they left live.
    if (this.liveAfterCollection === undefined || used < this.liveAfterCollection) {
      this.liveAfterCollection = used;
      return false;
    }
    return used - this.liveAfterCollection > Math.max(HEAP_GROWTH_FLOOR_BYTES, this.liveAfterCollection);
  }
}
