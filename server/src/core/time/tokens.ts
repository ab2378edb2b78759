// Small predicates over the token list. Every helper looks at a bounded number of tokens, which is
// what keeps the pattern readers linear overall.

import type { Tokens } from './scanner.js';

/**
 * Markdown emphasis and code markers, brackets, backslash escapes ("\~17:30") and HTML: they
 * wrap times but never change them.
 */
const WRAPPERS = '*_`[]\\';

/** How many wrapper tokens may sit between two parts of one mention ("**14:00** UTC"). */
const MAX_WRAPPERS = 6;

export function isWrapper(tokens: Tokens, i: number): boolean {
  return tokens.isMarkup(i) || tokens.isPunctIn(i, WRAPPERS);
}

/** Index of the first token at or after i that is not a wrapper (bounded). */
export function skipWrappers(tokens: Tokens, i: number): number {
  let j = i;
  while (j < tokens.count && j - i < MAX_WRAPPERS && isWrapper(tokens, j)) j++;
  return j;
}

/** Index of the last token at or before i that is not a wrapper (bounded); may be -1. */
export function skipWrappersBack(tokens: Tokens, i: number): number {
  let j = i;
  while (j >= 0 && i - j < MAX_WRAPPERS && isWrapper(tokens, j)) j--;
  return j;
}

/**
 * True when the number at i continues a longer dotted or coloned number ("1.2.3", "10.0.0.1",
 * "1:1:1") or is glued to letters before it ("v1", "k8s"): such a number never starts a time.
 */
export function continuesNumberChain(tokens: Tokens, i: number): boolean {
  if (!tokens.touches(i)) return false;
  if (tokens.isNum(i - 1) || tokens.isLetters(i - 1)) return true;
  if (tokens.isPunctIn(i - 1, ':.')) return tokens.isNum(i - 2) && tokens.touches(i - 1);
  return false;
}

/** The number at i comes right after "12-" or "3/": the second half of "6-9" or "24/7". */
export function followsNumberAndSeparator(tokens: Tokens, i: number): boolean {
  return tokens.touches(i) && tokens.isPunctIn(i - 1, '-/') && tokens.touches(i - 1) && tokens.isNum(i - 2);
}

/** A separator from `separators` glued to token i, with a number glued after it ("12:30" then ":45"). */
export function numberChainFollows(tokens: Tokens, i: number, separators: string): boolean {
  return tokens.isPunctIn(i + 1, separators) && tokens.touches(i + 1) && tokens.isNum(i + 2) && tokens.touches(i + 2);
}

/** No line break before any token in (from, to]. */
export function noLineBreak(tokens: Tokens, from: number, to: number): boolean {
  for (let k = from + 1; k <= to && k < tokens.count; k++) if (tokens.lineBreak(k)) return false;
  return true;
}
