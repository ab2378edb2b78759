// Reading a calendar date from tokens: "May 20, 2024", "Thursday, May 9, 2024", "June 7th",
// "20th December 2023", "2024-06-20", "2019-1-17", "06/May/2022", "01/16/2024", "5-26-21",
// "Aug-27-2021". A bare year is never a date.

import type { CalendarDate } from './types.js';
import type { Token } from './scanner.js';
import { isPlausibleYear, isValidDate } from './calendar.js';
import { continuesNumberChain, digitCount, isPunct, isWord } from './tokens.js';

export interface DateMatch {
  date: CalendarDate;
  /** Index of the first token after the date. */
  next: number;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
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

/** Month words that are also everyday English: only read as months when capitalised. */
const CAPITALISED_ONLY = new Set(['may', 'march', 'mar']);

const WEEKDAYS = new Set([
  'monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed', 'thursday', 'thu', 'thur', 'thurs',
  'friday', 'fri', 'saturday', 'sat', 'sunday', 'sun',
]);
/** Short weekday words that are also everyday English ("sat", "sun", "wed"). */
const WEEKDAY_CAPITALISED_ONLY = new Set(['sat', 'sun', 'wed', 'mon']);

const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

function isCapitalised(t: Token): boolean {
  const c = t.raw.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/** The month number of a month word at i, or 0. */
function monthAt(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word') return 0;
  const month = MONTHS.get(t.text);
  if (month === undefined) return 0;
  if (CAPITALISED_ONLY.has(t.text) && !isCapitalised(t)) return 0;
  return month;
}

function isWeekday(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word' || !WEEKDAYS.has(t.text)) return false;
  return !WEEKDAY_CAPITALISED_ONLY.has(t.text) || isCapitalised(t);
}

function touching(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  return t !== undefined && !t.spaced;
}

/** A day-of-month number (1-31, one or two digits) with an optional touching "st/nd/rd/th". */
function readDay(tokens: Token[], j: number): { day: number; next: number } | undefined {
  const t = tokens[j];
  if (t === undefined || t.kind !== 'num' || digitCount(t) > 2 || t.value < 1 || t.value > 31) return undefined;
  let next = j + 1;
  const suffix = tokens[next];
  if (suffix !== undefined && suffix.kind === 'word' && !suffix.spaced) {
    if (!ORDINAL_SUFFIXES.has(suffix.text)) return undefined; // "20abc" is not a day
    next++;
  }
  // "May 10:00" or "May 1.5": the number belongs to something else.
  const after = tokens[next];
  if (after !== undefined && !after.spaced && after.kind === 'punct' && (after.text === ':' || after.text === '.' || after.text === '/')) {
    if (tokens[next + 1]?.kind === 'num' && !tokens[next + 1]!.spaced) return undefined;
  }
  return { day: t.value, next };
}

/** A four-digit plausible year at j, optionally after a comma. */
function readYear(tokens: Token[], j: number): { year: number; next: number } | undefined {
  let k = j;
  if (isPunct(tokens[k], ',')) k++;
  const t = tokens[k];
  if (t === undefined || t.kind !== 'num' || digitCount(t) !== 4 || !isPlausibleYear(t.value) || t.lineBreak) return undefined;
  if (!t.spaced && k === j) return undefined; // "May 202024" cannot happen, but "20th2024" should not read
  // "2024.5" or "2024:30" is not a year.
  const after = tokens[k + 1];
  if (after !== undefined && !after.spaced && after.kind === 'punct' && (after.text === '.' || after.text === ':') && tokens[k + 2]?.kind === 'num' && !tokens[k + 2]!.spaced) {
    return undefined;
  }
  return { year: t.value, next: k + 1 };
}

function makeDate(year: number | undefined, month: number, day: number, ambiguous = false): CalendarDate | undefined {
  if (!isValidDate(year, month, day)) return undefined;
  const date: CalendarDate = { month, day };
  if (year !== undefined) date.year = year;
  if (ambiguous) date.ambiguous = true;
  return date;
}

/** "May 20, 2024", "Jan 27th 2025", "Aug. 4", "Aug-27-2021", "Sep 27 2017". */
function readMonthFirst(tokens: Token[], i: number): DateMatch | undefined {
  const month = monthAt(tokens, i);
  if (month === 0) return undefined;
  let j = i + 1;
  if (isPunct(tokens[j], '.') && touching(tokens, j)) j++; // "Aug."
  // "Aug-27-2021"
  if (isPunct(tokens[j], '-') && touching(tokens, j) && touching(tokens, j + 1)) {
    const day = readDay(tokens, j + 1);
    if (day === undefined || !isPunct(tokens[day.next], '-') || !touching(tokens, day.next)) return undefined;
    const yearToken = tokens[day.next + 1];
    if (yearToken === undefined || yearToken.spaced || yearToken.kind !== 'num' || digitCount(yearToken) !== 4) return undefined;
    const date = makeDate(yearToken.value, month, day.day);
    return date && { date, next: day.next + 2 };
  }
  const dayToken = tokens[j];
  if (dayToken === undefined || !dayToken.spaced || dayToken.lineBreak) return undefined;
  const day = readDay(tokens, j);
  if (day === undefined) return undefined;
  const year = readYear(tokens, day.next);
  const date = makeDate(year?.year, month, day.day);
  return date && { date, next: year?.next ?? day.next };
}

/** "20th December 2023", "23 July 2026", "15th of March". */
function readDayFirst(tokens: Token[], i: number): DateMatch | undefined {
  if (continuesNumberChain(tokens, i) || followsNumberWithSeparator(tokens, i)) return undefined;
  const day = readDay(tokens, i);
  if (day === undefined) return undefined;
  let j = day.next;
  if (isWord(tokens[j], 'of')) j++;
  const monthToken = tokens[j];
  if (monthToken === undefined || !monthToken.spaced || monthToken.lineBreak) return undefined;
  const month = monthAt(tokens, j);
  if (month === 0) return undefined;
  j++;
  if (isPunct(tokens[j], '.') && touching(tokens, j)) j++;
  const year = readYear(tokens, j);
  const date = makeDate(year?.year, month, day.day);
  return date && { date, next: year?.next ?? j };
}

/** The number at i comes right after "12-" or "3/": it is the middle of some other numeric form. */
function followsNumberWithSeparator(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (prev === undefined || tokens[i]!.spaced || prev.kind !== 'punct') return false;
  if (prev.text !== '-' && prev.text !== '/') return false;
  const before = tokens[i - 2];
  return before !== undefined && before.kind === 'num' && !prev.spaced;
}

/** A separator character at j touching both neighbours. */
function tightSeparator(tokens: Token[], j: number, allowed: string): string | undefined {
  const t = tokens[j];
  if (t === undefined || t.kind !== 'punct' || !allowed.includes(t.text) || t.spaced) return undefined;
  return touching(tokens, j + 1) ? t.text : undefined;
}

/** After a numeric date, another "-12" or "/3" means it was a longer chain ("1-2-3-4"). */
function chainContinues(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (t === undefined || t.spaced || t.kind !== 'punct' || !'-/.'.includes(t.text)) return false;
  const next = tokens[j + 1];
  return next !== undefined && !next.spaced && next.kind === 'num';
}

/** "2024-06-20", "2019-1-17", "2024/06/20". */
function readYearFirst(tokens: Token[], i: number): DateMatch | undefined {
  const y = tokens[i]!;
  if (digitCount(y) !== 4 || !isPlausibleYear(y.value)) return undefined;
  const sep = tightSeparator(tokens, i + 1, '-/');
  if (sep === undefined) return undefined;
  const m = tokens[i + 2]!;
  if (m.kind !== 'num' || digitCount(m) > 2 || tokens[i + 3]?.text !== sep || !tightSeparator(tokens, i + 3, sep)) return undefined;
  const d = tokens[i + 4]!;
  if (d.kind !== 'num' || digitCount(d) > 2 || chainContinues(tokens, i + 5)) return undefined;
  const date = makeDate(y.value, m.value, d.value);
  return date && { date, next: i + 5 };
}

/**
 * "01/16/2024", "02-13-2025", "5-26-21", "04-12-2022", "31.12.2023", "06/May/2022".
 * Slashes and dashes are read month-first (US) unless the first number cannot be a month;
 * dots are read day-first (European). When both readings are valid the date is `ambiguous`.
 */
function readShortFirst(tokens: Token[], i: number): DateMatch | undefined {
  const a = tokens[i]!;
  if (digitCount(a) > 2) return undefined;
  const sep = tightSeparator(tokens, i + 1, '-/.');
  if (sep === undefined) return undefined;
  const middle = tokens[i + 2]!;
  if (!tightSeparator(tokens, i + 3, sep) || tokens[i + 3]!.text !== sep) return undefined;
  const y = tokens[i + 4]!;
  if (y.kind !== 'num' || chainContinues(tokens, i + 5)) return undefined;
  let year: number;
  if (digitCount(y) === 4 && isPlausibleYear(y.value)) year = y.value;
  else if (digitCount(y) === 2 && sep !== '.') year = 2000 + y.value;
  else return undefined;
  // The year must not run on into letters ("5-26-21abc").
  const after = tokens[i + 5];
  if (after !== undefined && !after.spaced && after.kind === 'word') return undefined;

  let date: CalendarDate | undefined;
  if (middle.kind === 'word') {
    const month = monthAt(tokens, i + 2);
    date = month === 0 ? undefined : makeDate(year, month, a.value);
  } else if (middle.kind === 'num' && digitCount(middle) <= 2) {
    const b = middle.value;
    if (sep === '.') date = makeDate(year, b, a.value);
    else if (a.value > 12) date = makeDate(year, b, a.value);
    else date = makeDate(year, a.value, b, b <= 12 && a.value !== b && isValidDate(year, b, a.value));
  }
  return date && { date, next: i + 5 };
}

function readNumeric(tokens: Token[], i: number): DateMatch | undefined {
  if (continuesNumberChain(tokens, i) || followsNumberWithSeparator(tokens, i)) return undefined;
  return readYearFirst(tokens, i) ?? readShortFirst(tokens, i);
}

/** Reads a calendar date starting exactly at token i (a weekday before it is included). */
export function readDate(tokens: Token[], i: number): DateMatch | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  if (t.kind === 'num') return readNumeric(tokens, i) ?? readDayFirst(tokens, i);
  if (t.kind !== 'word') return undefined;
  if (isWeekday(t)) {
    let j = i + 1;
    if (isPunct(tokens[j], '.') && touching(tokens, j)) j++;
    if (isPunct(tokens[j], ',')) j++;
    const next = tokens[j];
    if (next === undefined || next.lineBreak) return undefined;
    return readMonthFirst(tokens, j) ?? (next.kind === 'num' ? readDayFirst(tokens, j) ?? readNumeric(tokens, j) : undefined);
  }
  return readMonthFirst(tokens, i);
}
