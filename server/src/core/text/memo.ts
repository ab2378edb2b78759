import { detachString } from './detach';

// Remembering a pure function of a short string across analyses, for text that is not a model line
// (section titles): a keystroke elsewhere then costs a map lookup. Bounded: cleared when full, so a
// document with more distinct strings than the bound recomputes rather than grows.

export function memoByText<T>(compute: (text: string) => T, max = 10_000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text: string) => {
    let value = memo.get(text);
    if (value === undefined && !memo.has(text)) {
      if (memo.size >= max) memo.clear();
      // Computed from and keyed by a private copy (see detach.ts): the map outlives the document.
      const own = detachString(text);
      memo.set(own, (value = compute(own)));
    }
    return value as T;
  };
}
