// Small predicates over the token list. Every helper looks at a bounded number of tokens, which is
// what keeps the pattern readers linear overall.

import type { Token } from './scanner.js';

/** Markdown emphasis and code markers, brackets and HTML: they wrap times but never change them. */
const WRAPPERS = new Set(['*', '_', '`', '[', ']']);

/** How many wrapper tokens may sit between two parts of one mention ("**14:00** UTC"). */
const MAX_WRAPPERS = 6;

export function isPunct(t: Token | undefined, ch: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === ch;
}

export function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t !== undefined && t.kind === 'word' && words.includes(t.text);
}

/** The token at i touches the one before it (no whitespace between). */
export function touchesPrevious(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && i > 0 && !t.spaced;
}

/** The token after i touches it. */
export function touchesNext(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return next !== undefined && !next.spaced;
}

export function isWrapper(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'markup' || (t.kind === 'punct' && WRAPPERS.has(t.text)));
}

/** Index of the first token at or after i that is not a wrapper (bounded). */
export function skipWrappers(tokens: Token[], i: number): number {
  let j = i;
  while (j < tokens.length && j - i < MAX_WRAPPERS && isWrapper(tokens[j])) j++;
  return j;
}

/** Index of the last token at or before i that is not a wrapper (bounded); may be -1. */
export function skipWrappersBack(tokens: Token[], i: number): number {
  let j = i;
  while (j >= 0 && i - j < MAX_WRAPPERS && isWrapper(tokens[j])) j--;
  return j;
}

/**
 * True when the number at i continues a longer dotted or coloned number ("1.2.3", "10.0.0.1",
 * "1:1:1", "12:30:45:99"): such a number is never the start of a time or date.
 */
export function continuesNumberChain(tokens: Token[], i: number): boolean {
  if (!touchesPrevious(tokens, i)) return false;
  const prev = tokens[i - 1];
  if (prev === undefined) return false;
  if (prev.kind === 'num' || prev.kind === 'word') return true;
  if (prev.kind === 'punct' && (prev.text === ':' || prev.text === '.')) {
    const before = tokens[i - 2];
    return before !== undefined && before.kind === 'num' && touchesPrevious(tokens, i - 1);
  }
  return false;
}

/** True when a chain separator plus another number follows token i ("12:30:45" then ":99"). */
export function numberChainFollows(tokens: Token[], i: number, separators: string): boolean {
  const sep = tokens[i + 1];
  const num = tokens[i + 2];
  return (
    sep !== undefined &&
    num !== undefined &&
    sep.kind === 'punct' &&
    separators.includes(sep.text) &&
    !sep.spaced &&
    num.kind === 'num' &&
    !num.spaced
  );
}

/** Number of digits of a 'num' token (text is empty only for huge runs). */
export function digitCount(t: Token): number {
  return t.end - t.start;
}
