import type { TextEdit } from '../types';

/** Thrown when edits overlap: applying them would be ambiguous, so nothing is applied. */
export class OverlappingEditsError extends Error {}

/** Sorts edits by position; insertions at the same offset keep their given order. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
    .map((x) => x.edit);
}

export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  // Two pure insertions at the same point do not overlap; anything sharing a replaced character does.
  if (a.start === a.end && b.start === b.end) return false;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-overlapping edits to a text in one pass. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.start > edit.end || edit.end > text.length) {
      throw new OverlappingEditsError(`edit ${edit.start}-${edit.end} overlaps an earlier edit or lies outside the text`);
    }
    out += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/**
 * Picks a set of edit groups that do not overlap each other, first come first served, so
 * "fix all" never applies two fixes to the same text. Returns the chosen groups' edits.
 */
export function mergeNonOverlapping(groups: readonly (readonly TextEdit[])[]): TextEdit[] {
  // Checking each edit against every chosen one was quadratic: 10k "make it a heading" fixes took
  // seconds in `lint --fix`. Same rule, O(n log n): an edit [s, t) clashes with a chosen one iff
  // some chosen edit starting before t ends after s (insertions included, as points), or, for an
  // insertion at p, a chosen insertion sits at p too. A Fenwick tree over the starts keeps the
  // largest end among chosen edits starting before any offset.
  const starts = [...new Set(groups.flatMap((g) => g.map((e) => e.start)))].sort((a, b) => a - b);
  const maxEnd = new Array<number>(starts.length + 1).fill(-Infinity);
  const insertions = new Set<number>();
  /** Number of distinct starts below `offset`: the Fenwick prefix that holds them. */
  const below = (offset: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const endBefore = (offset: number): number => {
    let best = -Infinity;
    for (let i = below(offset); i > 0; i -= i & -i) best = Math.max(best, maxEnd[i]!);
    return best;
  };
  const add = (edit: TextEdit): void => {
    for (let i = below(edit.start) + 1; i <= starts.length; i += i & -i) maxEnd[i] = Math.max(maxEnd[i]!, edit.end);
    if (edit.start === edit.end) insertions.add(edit.start);
  };
  const clashes = (e: TextEdit): boolean => (e.start === e.end ? insertions.has(e.start) || endBefore(e.start) > e.start : endBefore(e.end) > e.start);
  const chosen: TextEdit[] = [];
  for (const group of groups) {
    if (group.some(clashes)) continue;
    for (const edit of group) {
      chosen.push(edit);
      add(edit);
    }
  }
  return chosen;
}
