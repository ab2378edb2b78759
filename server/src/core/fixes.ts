// Applying fixes: the same code serves `lint --fix`, "Fix all" in the editor and the tests.
import { applyEdits, mergeNonOverlapping } from './text/edits';
import type { Finding, TextEdit } from './types';

/** The edits of every safe fix, leaving out any that would overlap an earlier one. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const groups = findings.flatMap((f) => (f.fixes ?? []).filter((fix) => fix.safe).slice(0, 1).map((fix) => fix.edits));
  return mergeNonOverlapping(groups);
}

/** Applies the safe fixes of `findings` to `text`. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  return applyEdits(text, safeFixEdits(findings));
}

/** Passes after which fixing stops even if it has not settled (it always has, in every test). */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the safe fixes, analyses the result and applies the new safe fixes, until a pass
 * changes nothing. One pass is not always enough: two fixes can overlap (fix-all then applies the
 * first), and making a label a heading can change what the lines below it are. A person running
 * `lint --fix` twice must see nothing change the second time; this settles in one call what
 * they would otherwise need several runs for. `analyzeText` is the caller's analysis (with its
 * config and path). `stable` is false if MAX_FIX_PASSES passes did not settle it.
 */
export function applyFixesUntilStable(text: string, analyzeText: (text: string) => readonly Finding[], maxPasses = MAX_FIX_PASSES): { text: string; passes: number; stable: boolean } {
  let current = text;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const next = applyFixes(current, analyzeText(current));
    if (next === current) return { text: current, passes: pass - 1, stable: true };
    current = next;
  }
  return { text: current, passes: maxPasses, stable: false };
}
