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
  const chosen: TextEdit[] = [];
  for (const group of groups) {
    const clash = group.some((e) => chosen.some((c) => editsOverlap(e, c) || (e.start === e.end && c.start === c.end && e.start === c.start)));
    if (!clash) chosen.push(...group);
  }
  return chosen;
}
