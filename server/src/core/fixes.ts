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
