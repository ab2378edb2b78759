// Reading a calendar date from tokens: "May 20, 2024", "Thursday, May 9, 2024", "June 7th",
// "20th December 2023", "2024-06-20", "2019-1-17", "06/May/2022", "01/16/2024", "5-26-21",
// "Aug-27-2021", and the second day of "March 10–11, 2026". A bare year is never a date.

import type { CalendarDate } from './types.js';
import type { Tokens } from './scanner.js';
import { isPlausibleYear, isValidDate } from './calendar.js';
import { continuesNumberChain, followsNumberAndSeparator } from './tokens.js';

export interface DateMatch {
  date: CalendarDate;
  /** Index of the first token after the date. */
  next: number;
  /** The month was written before the date, with the first day of a span ("March 10–11, 2026"). */
  monthBefore?: boolean;
}

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1],
  ['february', 2], ['feb', 2],
  ['march', 3], ['mar', 3],
  ['april', 4], ['apr', 4],
  ['may', 5],
  ['june', 6], ['jun', 6],
  ['july', 7], ['jul', 7],
  ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9],
  ['october', 10], ['oct', 10],
  ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);

/**
 * Month words that are also everyday English ("you may 2 ..."): in lower case they count only when
 * the date is unmistakable otherwise, with an ordinal or a year ("14th may 2023").
 */
const CAPITALISED_ONLY = new Set(['may', 'march', 'mar']);

export const WEEKDAYS: ReadonlySet<string> = new Set([
  'monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed', 'thursday', 'thu', 'thur', 'thurs',
  'friday', 'fri', 'saturday', 'sat', 'sunday', 'sun',
]);
/** Short weekday words that are also everyday English ("sat", "sun", "wed"). */
const WEEKDAY_CAPITALISED_ONLY = new Set(['sat', 'sun', 'wed', 'mon']);

const ORDINAL_SUFFIXES = ['st', 'nd', 'rd', 'th'];

/** The month number of a month word at i, or 0. */
function monthAt(tokens: Tokens, i: number): number {
  return tokens.isLetters(i) ? MONTHS.get(tokens.text(i)) ?? 0 : 0;
}

/** A lower-case "may"/"march" needs an ordinal day or a year to be read as a month. */
function monthWordConfirmed(tokens: Tokens, i: number, ordinal: boolean, hasYear: boolean): boolean {
  return ordinal || hasYear || !CAPITALISED_ONLY.has(tokens.text(i)) || tokens.capitalised(i);
}

function isWeekday(tokens: Tokens, i: number): boolean {
  if (!tokens.isLetters(i)) return false;
  const text = tokens.text(i);
  if (!WEEKDAYS.has(text)) return false;
  return !WEEKDAY_CAPITALISED_ONLY.has(text) || tokens.capitalised(i);
}

/**
 * A day-of-month number (1-31, one or two digits) at j with an optional touching "st/nd/rd/th".
 * Returns the index after it, or -1. (No object: this runs on every number in the text.)
 */
function readDay(tokens: Tokens, j: number): number {
  const day = tokens.value(j);
  if (!tokens.isNum(j) || tokens.length(j) > 2 || day < 1 || day > 31) return -1;
  let next = j + 1;
  if (tokens.isLetters(next) && tokens.touches(next)) {
    if (!tokens.isWordIn(next, ORDINAL_SUFFIXES)) return -1; // "20abc" is not a day
    next++;
  }
  // "May 10:00", "May 1.5", "Mar 3/4": the number belongs to something else.
  if (tokens.isPunctIn(next, ':./') && tokens.touches(next) && tokens.isNum(next + 1) && tokens.touches(next + 1)) return -1;
  return next;
}

/** readDay consumed an ordinal suffix ("7th"). */
function hasOrdinal(dayIndex: number, next: number): boolean {
  return next - dayIndex === 2;
}

/** A four-digit plausible year at j, optionally after a comma; never across a line break. */
function readYear(tokens: Tokens, j: number): { year: number; next: number } | undefined {
  const k = tokens.isPunct(j, ',') ? j + 1 : j;
  const year = tokens.value(k);
  if (!tokens.isNum(k) || tokens.length(k) !== 4 || !isPlausibleYear(year) || tokens.lineBreak(k) || tokens.lineBreak(j)) return undefined;
  if (k === j && tokens.touches(k)) return undefined;
  // "2024.5" or "2024:30" is not a year.
  if (tokens.isPunctIn(k + 1, '.:') && tokens.touches(k + 1) && tokens.isNum(k + 2) && tokens.touches(k + 2)) return undefined;
  return { year, next: k + 1 };
}

function makeDate(year: number | undefined, month: number, day: number, ambiguous = false): CalendarDate | undefined {
  if (!isValidDate(year, month, day)) return undefined;
  const date: CalendarDate = { month, day };
  if (year !== undefined) date.year = year;
  if (ambiguous) date.ambiguous = true;
  return date;
}

function dateMatch(date: CalendarDate | undefined, next: number): DateMatch | undefined {
  return date === undefined ? undefined : { date, next };
}

/** "May 20, 2024", "Jan 27th 2025", "Aug. 4", "Aug-27-2021", "Sep 27 2017". */
function readMonthFirst(tokens: Tokens, i: number): DateMatch | undefined {
  const month = monthAt(tokens, i);
  if (month === 0) return undefined;
  let j = i + 1;
  if (tokens.isPunct(j, '.') && tokens.touches(j)) j++; // "Aug."
  // "Aug-27-2021"
  if (tokens.isPunct(j, '-') && tokens.touches(j) && tokens.touches(j + 1)) {
    const dayEnd = readDay(tokens, j + 1);
    if (dayEnd < 0 || !tokens.isPunct(dayEnd, '-') || !tokens.touches(dayEnd)) return undefined;
    const y = dayEnd + 1;
    if (!tokens.touches(y) || !tokens.isNum(y) || tokens.length(y) !== 4) return undefined;
    return dateMatch(makeDate(tokens.value(y), month, tokens.value(j + 1)), y + 1);
  }
  if (!tokens.spaced(j) || tokens.lineBreak(j)) return undefined;
  const dayEnd = readDay(tokens, j);
  if (dayEnd < 0) return undefined;
  const year = readYear(tokens, dayEnd);
  if (!monthWordConfirmed(tokens, i, hasOrdinal(j, dayEnd), year !== undefined)) return undefined;
  return dateMatch(makeDate(year?.year, month, tokens.value(j)), year?.next ?? dayEnd);
}

/** "20th December 2023", "23 July 2026", "15th of March". */
function readDayFirst(tokens: Tokens, i: number): DateMatch | undefined {
  if (continuesNumberChain(tokens, i) || followsNumberAndSeparator(tokens, i)) return undefined;
  const dayEnd = readDay(tokens, i);
  if (dayEnd < 0) return undefined;
  let j = dayEnd;
  if (tokens.isWord(j, 'of')) j++;
  if (!tokens.spaced(j) || tokens.lineBreak(j)) return undefined;
  const monthIndex = j;
  const month = monthAt(tokens, j);
  if (month === 0) return undefined;
  j++;
  if (tokens.isPunct(j, '.') && tokens.touches(j)) j++;
  const year = readYear(tokens, j);
  if (!monthWordConfirmed(tokens, monthIndex, hasOrdinal(i, dayEnd), year !== undefined)) return undefined;
  return dateMatch(makeDate(year?.year, month, tokens.value(i)), year?.next ?? j);
}

/** A separator from `allowed` at j, glued to both neighbours; returns it, or ''. */
function tightSeparator(tokens: Tokens, j: number, allowed: string): string {
  if (!tokens.isPunctIn(j, allowed) || !tokens.touches(j) || !tokens.touches(j + 1)) return '';
  return tokens.text(j);
}

/** After a numeric date, another "-12" or "/3" means it was a longer chain ("1-2-3-4"). */
function chainContinues(tokens: Tokens, j: number): boolean {
  return tokens.isPunctIn(j, '-/.') && tokens.touches(j) && tokens.isNum(j + 1) && tokens.touches(j + 1);
}

/** "2024-06-20", "2019-1-17", "2024/06/20". */
function readYearFirst(tokens: Tokens, i: number): DateMatch | undefined {
  if (tokens.length(i) !== 4 || !isPlausibleYear(tokens.value(i))) return undefined;
  const sep = tightSeparator(tokens, i + 1, '-/');
  if (sep === '' || tightSeparator(tokens, i + 3, sep) !== sep) return undefined;
  const m = i + 2;
  const d = i + 4;
  if (!tokens.isNum(m) || tokens.length(m) > 2 || !tokens.isNum(d) || tokens.length(d) > 2 || chainContinues(tokens, i + 5)) return undefined;
  return dateMatch(makeDate(tokens.value(i), tokens.value(m), tokens.value(d)), i + 5);
}

/**
 * "01/16/2024", "02-13-2025", "5-26-21", "04-12-2022", "31.12.2023", "06/May/2022".
 * Slashes and dashes are read month-first (US) unless the first number cannot be a month;
 * dots are read day-first (European). When both readings are valid the date is `ambiguous`.
 */
function readShortFirst(tokens: Tokens, i: number): DateMatch | undefined {
  if (tokens.length(i) > 2) return undefined;
  const sep = tightSeparator(tokens, i + 1, '-/.');
  if (sep === '' || tightSeparator(tokens, i + 3, sep) !== sep) return undefined;
  const y = i + 4;
  if (!tokens.isNum(y) || chainContinues(tokens, y + 1)) return undefined;
  // The year must not run on into letters ("5-26-21abc").
  if (tokens.isLetters(y + 1) && tokens.touches(y + 1)) return undefined;
  let year: number;
  if (tokens.length(y) === 4 && isPlausibleYear(tokens.value(y))) year = tokens.value(y);
  else if (tokens.length(y) === 2 && sep !== '.') year = 2000 + tokens.value(y);
  else return undefined;

  const a = tokens.value(i);
  const middle = i + 2;
  if (tokens.isLetters(middle)) {
    const month = monthAt(tokens, middle);
    return month === 0 ? undefined : dateMatch(makeDate(year, month, a), i + 5);
  }
  if (!tokens.isNum(middle) || tokens.length(middle) > 2) return undefined;
  const b = tokens.value(middle);
  if (sep === '.' || a > 12) return dateMatch(makeDate(year, b, a), i + 5);
  const ambiguous = b <= 12 && a !== b && isValidDate(year, b, a);
  return dateMatch(makeDate(year, a, b, ambiguous), i + 5);
}

const SPAN_DASHES = '-–—';

/**
 * The second day of a month-first span, "March 10–11, 2026", "Mar 10-11 2026", "Aug. 3rd - 5th,
 * 2024": a day after "<month> <day> -", taking that month. Read only with a year after it, which
 * makes it unmistakable ("March 10 - 11 servers" is not a date); the first end, read on its own as
 * "March 10", gets the year when the range is joined (ranges.ts). Looks back a bounded few tokens.
 */
function readSpanEnd(tokens: Tokens, i: number): DateMatch | undefined {
  const dash = i - 1;
  if (!tokens.isPunctIn(dash, SPAN_DASHES) || tokens.lineBreak(dash) || tokens.lineBreak(i)) return undefined;
  const first = tokens.isNum(dash - 1) ? dash - 1 : dash - 2; // "10–" or "10th–"
  if (readDay(tokens, first) !== dash || !tokens.spaced(first) || tokens.lineBreak(first)) return undefined;
  const monthIndex = tokens.isPunct(first - 1, '.') && tokens.touches(first - 1) ? first - 2 : first - 1; // "Aug. 3"
  const month = monthAt(tokens, monthIndex);
  const dayEnd = readDay(tokens, i);
  if (month === 0 || dayEnd < 0 || tokens.value(i) <= tokens.value(first)) return undefined;
  const year = readYear(tokens, dayEnd);
  if (year === undefined) return undefined;
  const date = makeDate(year.year, month, tokens.value(i));
  return date && { date, next: year.next, monthBefore: true };
}

function readNumeric(tokens: Tokens, i: number): DateMatch | undefined {
  if (continuesNumberChain(tokens, i) || followsNumberAndSeparator(tokens, i)) return undefined;
  return readYearFirst(tokens, i) ?? readShortFirst(tokens, i);
}

/** Reads a calendar date starting exactly at token i (a weekday before it is included). */
export function readDate(tokens: Tokens, i: number): DateMatch | undefined {
  if (tokens.isNum(i)) return readNumeric(tokens, i) ?? readDayFirst(tokens, i) ?? readSpanEnd(tokens, i);
  if (!tokens.isLetters(i)) return undefined;
  if (isWeekday(tokens, i)) {
    let j = i + 1;
    if (tokens.isPunct(j, '.') && tokens.touches(j)) j++;
    if (tokens.isPunct(j, ',')) j++;
    if (tokens.lineBreak(j)) return undefined;
    if (tokens.isNum(j)) return readDayFirst(tokens, j) ?? readNumeric(tokens, j);
    return readMonthFirst(tokens, j);
  }
  return readMonthFirst(tokens, i);
}
