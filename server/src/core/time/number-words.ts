// Number words as written in prose lengths: "three hours", "forty-five minutes", "twenty five".

import type { Tokens } from './scanner.js';

const UNITS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60],
]);

/** Every number word this module reads. */
export const NUMBER_WORDS: readonly string[] = [...UNITS.keys(), ...TENS.keys()];

/** Reads "seven", "twenty", "forty-five", "twenty five" at token i (1..69). */
export function readNumberWord(tokens: Tokens, i: number): { value: number; next: number } | undefined {
  if (!tokens.isLetters(i)) return undefined;
  const unit = UNITS.get(tokens.text(i));
  if (unit !== undefined) return { value: unit, next: i + 1 };
  const tens = TENS.get(tokens.text(i));
  if (tens === undefined) return undefined;
  // "forty-five" or "forty five".
  let j = i + 1;
  if (tokens.isPunct(j, '-') && tokens.touches(j) && tokens.touches(j + 1)) j++;
  else if (!tokens.spaced(j) || tokens.lineBreak(j)) return { value: tens, next: i + 1 };
  const ones = tokens.isLetters(j) ? UNITS.get(tokens.text(j)) : undefined;
  if (ones !== undefined && ones < 10) return { value: tens + ones, next: j + 1 };
  return { value: tens, next: i + 1 };
}
