// The words of a piece of Markdown as a reader sees them, for checking that an automatic fix
// loses none. Markup is not words: HTML tags, entities ("&nbsp;"), list numbers ("1.").

const TAG = /<\/?[A-Za-z][^<>\n]{0,200}>/g;
const ENTITY = /&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/g;
const LIST_NUMBER = /^([ \t>]*)\d{1,9}[.)](?=[ \t]|$)/gm;
const WORD = /[\p{L}\p{N}]+/gu;

function wordCounts(text: string): Map<string, number> {
  const visible = text.replace(TAG, ' ').replace(ENTITY, ' ').replace(LIST_NUMBER, '$1');
  const counts = new Map<string, number>();
  for (const m of visible.matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** Whether every word of `before` is still in `after` (as often): markup may change, words may not. */
export function keepsWords(before: string, after: string): boolean {
  const kept = wordCounts(after);
  for (const [word, n] of wordCounts(before)) if ((kept.get(word) ?? 0) < n) return false;
  return true;
}
