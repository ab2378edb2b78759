// Finding date/time/zone mentions in a line or paragraph of raw Markdown. A date followed by a time
// ("May 20, 2024, 14:00 UTC") or a time followed by a date ("2:00 PM May 10") is one mention.

import type { CalendarDate, ClockTime, TimeMention, Zone } from './types.js';
import { tokenize, type Tokens } from './scanner.js';
import { readClock, type ClockMatch, type ClockOptions } from './clock.js';
import { MONTHS, WEEKDAYS, readDate, type DateMatch } from './dates.js';
import { ABBREVIATIONS, CORE_FIRST_WORDS } from './zone-table.js';
import { readStandaloneZone, readZoneAfterTime } from './zones.js';
import { isPlausibleYear } from './calendar.js';
import { noLineBreak, skipWrappers, skipWrappersBack } from './tokens.js';

export interface MentionOptions {
  /** Accept "15.25" as a time. Off by default because of versions ("3.11") and decimals. */
  allowDotSeparator?: boolean;
}

/** A mention plus where it lies in the token list, for range and timeline readers. */
export interface MentionMatch {
  mention: TimeMention;
  /** Index of its first token. */
  first: number;
  /** Index of the first token after it. */
  next: number;
}

/** Words written before a time to say it is not exact. */
export const APPROXIMATE_WORDS = ['approximately', 'approx', 'around', 'about', 'roughly', 'circa', 'ca', 'est', 'estimated'];

/** Letters that may touch a clock time without making it part of an identifier: "14:00h", "10:00hrs". */
const CLOCK_SUFFIXES = ['h', 'hr', 'hrs', 'hours', 'ish'];

/** How a date and the time after it may be joined: "May 20, 2024, 14:00", "Mar 10 at 19:21", "2025, ~17:30". */
function skipDateTimeSeparator(tokens: Tokens, j: number): { index: number; approximate: boolean } {
  let k = skipWrappers(tokens, j);
  if (tokens.isPunct(k, ',')) k = skipWrappers(tokens, k + 1);
  if (tokens.isWord(k, 'at') || tokens.isPunct(k, '@')) k = skipWrappers(tokens, k + 1);
  let approximate = false;
  if (tokens.isPunct(k, '~') || tokens.isWordIn(k, APPROXIMATE_WORDS)) {
    approximate = true;
    k++;
    if (tokens.isPunct(k, '.') && tokens.touches(k)) k++; // "approx."
    k = skipWrappers(tokens, k);
  }
  return { index: k, approximate };
}

/** "~09:20", "approx. 14:00", "at around 6pm", "roughly at 12:05". */
export function approximateBefore(tokens: Tokens, i: number): boolean {
  let k = skipWrappersBack(tokens, i - 1);
  if (tokens.isPunct(k, '~')) return true;
  if (tokens.isWord(k, 'at')) k = skipWrappersBack(tokens, k - 1);
  if (tokens.isPunct(k, '.')) k--;
  return tokens.isWordIn(k, APPROXIMATE_WORDS);
}

/** Letters glued to a clock ("12:34abc") that are neither AM/PM, a zone nor an hour suffix. */
function hasForeignSuffix(tokens: Tokens, next: number): boolean {
  return tokens.isLetters(next) && tokens.touches(next) && !tokens.isWordIn(next, CLOCK_SUFFIXES);
}

interface Parts {
  date?: CalendarDate;
  /** The date's month was written before the mention ("11, 2026" in "March 10–11, 2026"). */
  monthBefore?: boolean;
  clock?: ClockMatch;
  zone?: Zone;
  approximate: boolean;
  next: number;
}

/**
 * Completes `parts` after a clock: its zone, and for log-style "Mon May 10 09:15:04 2021 +0900" a
 * trailing year. Returns false when letters glued to the clock show it is not a time.
 */
function readAfterClock(tokens: Tokens, clock: ClockMatch, isoT: boolean, parts: Parts): boolean {
  const context = { isoStyle: isoT || clock.hasSeconds };
  let zone = readZoneAfterTime(tokens, clock.next, context);
  if (zone === undefined && hasForeignSuffix(tokens, clock.next)) return false;
  parts.clock = clock;
  parts.next = clock.next;
  if (zone === undefined && parts.date !== undefined && parts.date.year === undefined) {
    const y = clock.next;
    if (tokens.isNum(y) && tokens.spaced(y) && !tokens.lineBreak(y) && tokens.length(y) === 4 && isPlausibleYear(tokens.value(y))) {
      parts.date = { ...parts.date, year: tokens.value(y) };
      parts.next = y + 1;
      zone = readZoneAfterTime(tokens, parts.next, context);
    }
  }
  if (zone !== undefined) {
    parts.zone = zone.zone;
    parts.next = zone.next;
  } else if (tokens.touches(parts.next) && tokens.isWordIn(parts.next, CLOCK_SUFFIXES)) {
    parts.next++; // "14:00h"
  }
  return true;
}

function dateFirst(tokens: Tokens, date: DateMatch, options: ClockOptions): Parts {
  const parts = dateParts(tokens, date, options);
  if (date.monthBefore) parts.monthBefore = true;
  return parts;
}

function dateParts(tokens: Tokens, date: DateMatch, options: ClockOptions): Parts {
  const dateOnly: Parts = { date: date.date, approximate: false, next: date.next };
  const j = date.next;
  // ISO 8601: "2024-05-20T14:00:00Z".
  if (tokens.isWord(j, 't') && tokens.touches(j) && tokens.isNum(j + 1) && tokens.touches(j + 1)) {
    const clock = readClock(tokens, j + 1, { ...options, afterIsoT: true });
    const withClock: Parts = { date: date.date, approximate: false, next: date.next };
    return clock !== undefined && readAfterClock(tokens, clock, true, withClock) ? withClock : dateOnly;
  }
  const sep = skipDateTimeSeparator(tokens, j);
  if (!noLineBreak(tokens, j - 1, sep.index)) return dateOnly;
  const clock = readClock(tokens, sep.index, options);
  if (clock === undefined) return dateOnly;
  const withClock: Parts = { date: date.date, approximate: sep.approximate, next: date.next };
  return readAfterClock(tokens, clock, false, withClock) ? withClock : dateOnly;
}

function clockFirst(tokens: Tokens, clock: ClockMatch): Parts | undefined {
  const parts: Parts = { approximate: false, next: clock.next };
  if (!readAfterClock(tokens, clock, false, parts)) return undefined;
  // "2:00 PM May 10", "12:50 PM PDT Aug 8 2017", "10:15 AM UTC on August 19, 2024".
  let k = skipWrappers(tokens, parts.next);
  if (tokens.isPunct(k, ',')) k = skipWrappers(tokens, k + 1);
  if (tokens.isWord(k, 'on')) k = skipWrappers(tokens, k + 1);
  if (noLineBreak(tokens, parts.next - 1, k)) {
    const date = readDate(tokens, k);
    if (date !== undefined) {
      parts.date = date.date;
      parts.next = date.next;
      // "09:15:04 Monday May 10th (UTC)": the zone may come after the date.
      const zone = parts.zone === undefined ? readZoneAfterTime(tokens, date.next, { isoStyle: false }) : undefined;
      if (zone !== undefined) {
        parts.zone = zone.zone;
        parts.next = zone.next;
      }
    }
  }
  return parts;
}

function toMention(tokens: Tokens, first: number, parts: Parts): MentionMatch {
  const mention = mentionOf(tokens.start(first), tokens.end(parts.next - 1), parts.date, parts.clock?.time, parts.zone);
  // Written outside [start, end): the same flag a range sets on what one end takes from the other.
  if (parts.monthBefore) mention.inherited = { date: true };
  if (parts.approximate || approximateBefore(tokens, first)) mention.approximate = true;
  return { mention, first, next: parts.next };
}

/**
 * A mention with the parts it has, made by one literal for each combination: parts assigned after
 * the object is made took it a property array of its own (~2 MB of a 5 MB postmortem's timeline,
 * issue 7). Absent parts stay absent, not undefined.
 */
function mentionOf(start: number, end: number, date: CalendarDate | undefined, time: ClockTime | undefined, zone: Zone | undefined): TimeMention {
  if (date === undefined) {
    if (time === undefined) return zone === undefined ? { start, end } : { start, end, zone };
    return zone === undefined ? { start, end, time } : { start, end, time, zone };
  }
  if (time === undefined) return zone === undefined ? { start, end, date } : { start, end, date, zone };
  return zone === undefined ? { start, end, date, time } : { start, end, date, time, zone };
}

/** Every word a mention can start with; other words are skipped without trying each reader. */
const START_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(),
  ...WEEKDAYS,
  'midnight',
  'noon',
  'midday',
  ...ABBREVIATIONS.keys(),
  ...CORE_FIRST_WORDS,
]);

/** A number of five or more digits, or a word outside START_WORDS, starts no mention. */
function canStartMention(tokens: Tokens, i: number): boolean {
  if (tokens.isNum(i)) return tokens.length(i) <= 4;
  return tokens.isLetters(i) && START_WORDS.has(tokens.text(i));
}

/** Reads the mention starting exactly at token i, if any. */
export function readMentionAt(tokens: Tokens, i: number, options: MentionOptions = {}): MentionMatch | undefined {
  if (!canStartMention(tokens, i)) return undefined;
  const date = readDate(tokens, i);
  if (date !== undefined) return toMention(tokens, i, dateFirst(tokens, date, options));
  const clock = readClock(tokens, i, options);
  if (clock !== undefined) {
    const parts = clockFirst(tokens, clock);
    return parts && toMention(tokens, i, parts);
  }
  const zone = readStandaloneZone(tokens, i);
  if (zone === undefined) return undefined;
  return { mention: { start: tokens.start(i), end: tokens.end(zone.next - 1), zone: zone.zone }, first: i, next: zone.next };
}

/** All mentions in token order, non-overlapping. */
export function scanMentions(tokens: Tokens, options: MentionOptions = {}): MentionMatch[] {
  const found: MentionMatch[] = [];
  let i = 0;
  while (i < tokens.count) {
    const match = readMentionAt(tokens, i, options);
    if (match !== undefined) {
      found.push(match);
      i = match.next;
    } else {
      i++;
    }
  }
  return found;
}

/**
 * All date/time/zone mentions in `text` (a line or paragraph of raw Markdown), in order, with
 * offsets into `text`. A zone written alone ("(UTC)") is a mention with only `zone`.
 */
export function findTimeMentions(text: string, options: MentionOptions = {}): TimeMention[] {
  return scanMentions(tokenize(text), options).map((m) => m.mention);
}

/** The first mention in a short string such as a front-matter value ("2024-05-20 14:00 UTC"). */
export function parseTimeText(text: string): TimeMention | undefined {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.count; i++) {
    const match = readMentionAt(tokens, i);
    if (match !== undefined) return match.mention;
  }
  return undefined;
}
