// Stated lengths: "2 hours and 30 minutes", "2h30m", "1 h 50 min", "7.5 hours", "three hours", "an
// hour and a half", "2 and a half hours", "a 30-minute outage", "almost four hours", "at least
// seven hours".
//
// Not read: ranges of lengths ("4-5 hours", "1-3 hours ago": no single number to compare),
// months and years (no fixed length), "several hours".

import type { DurationMention } from './types.js';
import { tokenize, type Tokens } from './scanner.js';
import { NUMBER_WORDS, readNumberWord } from './number-words.js';
import { continuesNumberChain, followsNumberAndSeparator, skipWrappersBack } from './tokens.js';

interface Unit {
  minutes: number;
  /** Larger units come first in "1 day 6 hours"; a later part must have a smaller rank. */
  rank: number;
  /**
   * A one-letter symbol ("2h", "30m"). Glued to its number it is always the unit; written apart
   * ("2 h", "5 m") only where nothing else fits: see looseLettersFit.
   */
  letter?: boolean;
}

const WEEK: Unit = { minutes: 7 * 24 * 60, rank: 4 };
const DAY: Unit = { minutes: 24 * 60, rank: 3 };
const HOUR: Unit = { minutes: 60, rank: 2 };
const MINUTE: Unit = { minutes: 1, rank: 1 };
const SECOND: Unit = { minutes: 1 / 60, rank: 0 };

const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['week', WEEK], ['weeks', WEEK], ['wk', WEEK], ['wks', WEEK], ['w', { ...WEEK, letter: true }],
  ['day', DAY], ['days', DAY], ['d', { ...DAY, letter: true }],
  ['hour', HOUR], ['hours', HOUR], ['hr', HOUR], ['hrs', HOUR], ['h', { ...HOUR, letter: true }],
  ['minute', MINUTE], ['minutes', MINUTE], ['min', MINUTE], ['mins', MINUTE], ['m', { ...MINUTE, letter: true }],
  ['second', SECOND], ['seconds', SECOND], ['sec', SECOND], ['secs', SECOND], ['s', { ...SECOND, letter: true }],
]);

/** "24-hour clock", "12 hour format": a clock convention, not a length. */
const NOT_A_LENGTH_AFTER = ['clock', 'format'];

const MAX_PARTS = 4;

interface Quantity {
  value: number;
  next: number;
  /** Written as "a"/"an" ("an hour"): "a second" is then not a length ("a second PR"). */
  article: boolean;
  /** A number glued to the unit can take a one-letter unit ("2h"). */
  digits: boolean;
  /** "30+ minutes". */
  plus: boolean;
}

/** "and a half", "and half" after a number or a unit. Returns the index after it, or -1. */
function andAHalf(tokens: Tokens, j: number): number {
  if (!tokens.isWord(j, 'and')) return -1;
  const k = tokens.isWord(j + 1, 'a') ? j + 2 : j + 1;
  return tokens.isWord(k, 'half') ? k + 1 : -1;
}

function quantity(value: number, next: number, extra: Partial<Quantity> = {}): Quantity {
  return { value, next, article: false, digits: false, plus: false, ...extra };
}

/** Glued to the number's left, these make it part of something else: "pool-3s34", "%3D", "#5m". */
const FOREIGN_LEFT = '-/.:%#$@&=\\';

function readDigits(tokens: Tokens, i: number, continuation: boolean): Quantity | undefined {
  if (tokens.length(i) > 6) return undefined;
  // The second half of "6-9 hours", "24/7", "1.2.3", a clock, glued to letters ("k8s") or to an
  // identifier ("pool-0h28").
  if (!continuation && (continuesNumberChain(tokens, i) || followsNumberAndSeparator(tokens, i) || (tokens.touches(i) && tokens.isPunctIn(i - 1, FOREIGN_LEFT)))) {
    return undefined;
  }
  let value = tokens.value(i);
  let next = i + 1;
  const dotted = tokens.isPunct(next, '.') && tokens.touches(next) && tokens.isNum(next + 1) && tokens.touches(next + 1);
  if (dotted) {
    // "7.5 hours"; but "1.2.3" is a version.
    if (tokens.length(next + 1) > 6 || (tokens.isPunct(next + 2, '.') && tokens.touches(next + 2))) return undefined;
    value = Number(`${tokens.text(i)}.${tokens.text(next + 1)}`);
    next += 2;
  } else if (tokens.isPunct(next, ':') && tokens.touches(next) && tokens.isNum(next + 1)) {
    return undefined; // "14:00 hours" is a clock
  }
  const plus = tokens.isPunct(next, '+') && tokens.touches(next);
  if (plus) next++;
  const half = andAHalf(tokens, next);
  if (half >= 0) return quantity(value + 0.5, half, { plus });
  return quantity(value, next, { digits: !plus, plus });
}

function readQuantity(tokens: Tokens, i: number, continuation: boolean): Quantity | undefined {
  if (tokens.isNum(i)) return readDigits(tokens, i, continuation);
  // Letters glued to digits before them ("8s" in "k8s") are not a quantity.
  if (!tokens.isLetters(i) || (tokens.touches(i) && tokens.isNum(i - 1))) return undefined;
  const text = tokens.text(i);
  if (text === 'half') {
    // "half an hour", "half a day", "half hour", "half-hour".
    const skip = tokens.isWord(i + 1, 'an', 'a') || (tokens.isPunct(i + 1, '-') && tokens.touches(i + 1));
    return quantity(0.5, skip ? i + 2 : i + 1);
  }
  if (text === 'a' || text === 'an') {
    if (tokens.isWord(i + 1, 'half')) return quantity(0.5, i + 2);
    if (tokens.isWord(i + 1, 'couple')) return quantity(2, tokens.isWord(i + 2, 'of') ? i + 3 : i + 2);
    return quantity(1, i + 1, { article: true });
  }
  const word = readNumberWord(tokens, i);
  if (word === undefined) return undefined;
  const half = andAHalf(tokens, word.next);
  return half >= 0 ? quantity(word.value + 0.5, half) : quantity(word.value, word.next);
}

interface UnitMatch {
  unit: Unit;
  next: number;
  /** A one-letter unit written apart from its number ("1 h"). */
  loose: boolean;
}

function readUnit(tokens: Tokens, j: number, q: Quantity): UnitMatch | undefined {
  let k = j;
  // "30-minute", "two-hour".
  const hyphenated = tokens.isPunct(k, '-') && tokens.touches(k) && tokens.isLetters(k + 1) && tokens.touches(k + 1);
  if (hyphenated) k++;
  if (!tokens.isLetters(k) || tokens.lineBreak(k)) return undefined;
  const text = tokens.text(k);
  const unit = UNITS.get(text);
  if (unit === undefined) return undefined;
  const loose = unit.letter === true && !tokens.touches(k);
  // "2h", "30m", "2 h" but not "3D" (in "%3D"), "30-m", "a h" or "2 h-bridge".
  if (unit.letter && (hyphenated || !q.digits || tokens.raw(k) !== text)) return undefined;
  if (loose && tokens.isPunctIn(k + 1, "-'’") && tokens.touches(k + 1)) return undefined;
  if (q.article && text === 'second') return undefined; // "a second PR"
  if (text === 's' && looksLikePluralNumber(tokens, j - 1)) return undefined;
  if (tokens.isWordIn(k + 1, NOT_A_LENGTH_AFTER)) return undefined;
  return { unit, next: k + 1, loose };
}

/** What looseLettersFit needs to know of the parts read (kept in scalars: this runs on every number). */
interface PartsRead {
  count: number;
  firstRank: number;
  anyLoose: boolean;
  lastLoose: boolean;
}

/**
 * Whether a length with one-letter units written apart ("1 h 50 min", "2 h", "1 h 5 m") is one.
 * Alone after its number only "h" is unmistakable ("5 m" may be metres, "2 d" a list item); a
 * later part settles the others. "at 14 h" and "14 h 30" are clock times in French notation, and
 * a bare number after the letter ("1 h 2") shows it was not a unit.
 */
function looseLettersFit(tokens: Tokens, i: number, read: PartsRead, end: number): boolean {
  if (!read.anyLoose) return true;
  if (read.lastLoose && tokens.isNum(end) && !tokens.lineBreak(end)) return false;
  if (read.count > 1) return true;
  return read.firstRank === HOUR.rank && !tokens.isWord(skipWrappersBack(tokens, i - 1), 'at');
}

/**
 * "HTTP 500s", "the 1990s", "returned 503s": the plural of a round number or of an HTTP status
 * code, not seconds. Lengths in seconds are round ("120s", "300s"); status codes mostly are not.
 */
function looksLikePluralNumber(tokens: Tokens, numberIndex: number): boolean {
  const value = tokens.value(numberIndex);
  return tokens.length(numberIndex) >= 4 || (value >= 100 && value % 100 === 0) || (tokens.length(numberIndex) === 3 && value >= 100 && value <= 599 && value % 10 !== 0);
}

type Qualifier = Pick<DurationMention, 'approximate' | 'bound'>;

const APPROXIMATE = ['about', 'approximately', 'approx', 'around', 'roughly', 'nearly', 'almost', 'circa', 'some'];
const AT_LEAST_PAIRS = ['at least', 'more than', 'upwards of', 'just over', 'in excess of'];
const AT_MOST_PAIRS = ['at most', 'at maximum', 'up to', 'less than', 'just under', 'no more than'];

/** Words before the length that make it approximate or a bound ("at least", "under", "~"). */
function qualifierBefore(tokens: Tokens, i: number): Qualifier {
  let k = skipWrappersBack(tokens, i - 1);
  if (tokens.isWord(k, 'a', 'an') && tokens.isNum(i)) k--; // "approximately a 10 minutes gap"
  if (tokens.isPunct(k, '~')) return { approximate: true };
  if (tokens.isPunct(k, '.') && tokens.isWord(k - 1, 'approx')) return { approximate: true };
  if (!tokens.isLetters(k)) return {};
  const last = tokens.text(k);
  const pair = tokens.isLetters(k - 1) ? `${tokens.text(k - 1)} ${last}` : '';
  const triple = pair !== '' && tokens.isLetters(k - 2) ? `${tokens.text(k - 2)} ${pair}` : '';
  if (AT_MOST_PAIRS.includes(triple) || AT_MOST_PAIRS.includes(pair)) return { approximate: true, bound: 'at-most' };
  if (AT_LEAST_PAIRS.includes(triple) || AT_LEAST_PAIRS.includes(pair)) return { approximate: true, bound: 'at-least' };
  if (last === 'over') return { approximate: true, bound: 'at-least' };
  if (last === 'under' || last === 'within') return { approximate: true, bound: 'at-most' };
  if (APPROXIMATE.includes(last)) return { approximate: true };
  return {};
}

/** Reads a length starting exactly at token i. */
function readDurationAt(tokens: Tokens, i: number): { mention: DurationMention; next: number } | undefined {
  let total = 0;
  let largestUnit = 0;
  let smallestUnit = 0;
  let lastRank = Infinity;
  let end = -1;
  let plus = false;
  let j = i;
  const read: PartsRead = { count: 0, firstRank: -1, anyLoose: false, lastLoose: false };
  for (let part = 0; part < MAX_PARTS; part++) {
    const q = readQuantity(tokens, j, part > 0);
    if (q === undefined) break;
    const unit = readUnit(tokens, q.next, q);
    if (unit === undefined || unit.unit.rank >= lastRank) break;
    if (read.count++ === 0) read.firstRank = unit.unit.rank;
    read.anyLoose ||= unit.loose;
    read.lastLoose = unit.loose;
    let value = q.value;
    let next = unit.next;
    const half = andAHalf(tokens, next); // "an hour and a half"
    if (half >= 0) {
      value += 0.5;
      next = half;
    }
    total += value * unit.unit.minutes;
    if (read.count === 1) largestUnit = unit.unit.minutes;
    smallestUnit = unit.unit.minutes;
    lastRank = unit.unit.rank;
    plus = plus || q.plus;
    end = next;
    // The next part may follow after ",", "and", or nothing ("2h30m", "2 hours 30 minutes").
    j = next;
    if (tokens.isPunct(j, ',')) j++;
    if (tokens.isWord(j, 'and')) j++;
    if (tokens.lineBreak(j)) break;
  }
  // Running on into letters or digits ("9d5466153", "2h30"): an identifier, not a length.
  if (end < 0 || (tokens.touches(end) && (tokens.isNum(end) || tokens.isLetters(end)))) return undefined;
  if (!looseLettersFit(tokens, i, read, end)) return undefined;
  const mention: DurationMention = { start: tokens.start(i), end: tokens.end(end - 1), minutes: total, largestUnit, smallestUnit };
  const qualifier: Qualifier = plus ? { approximate: true, bound: 'at-least' } : qualifierBefore(tokens, i);
  if (qualifier.approximate) mention.approximate = true;
  if (qualifier.bound !== undefined) mention.bound = qualifier.bound;
  return { mention, next: end };
}

/** Words a length can start with: "three hours", "an hour", "half an hour". */
const START_WORDS: ReadonlySet<string> = new Set([...NUMBER_WORDS, 'a', 'an', 'half']);

function canStartDuration(tokens: Tokens, i: number): boolean {
  if (tokens.isNum(i)) return tokens.length(i) <= 6;
  return tokens.isLetters(i) && START_WORDS.has(tokens.text(i));
}

/** All stated lengths in `text`, in order, non-overlapping. */
export function findDurations(text: string): DurationMention[] {
  const tokens = tokenize(text);
  const found: DurationMention[] = [];
  let i = 0;
  while (i < tokens.count) {
    const match = canStartDuration(tokens, i) ? readDurationAt(tokens, i) : undefined;
    if (match !== undefined) {
      found.push(match.mention);
      i = match.next;
    } else {
      i++;
    }
  }
  return found;
}
