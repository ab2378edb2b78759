// Two mentions joined into a range: "14:00 - 16:30 UTC", "10:00 AM to 12:00 PM (UTC)",
// "between 9:00 and 11:00 AM Pacific Time", "November 10, 2023, 8:00 PM - November 11, 2023, 2:00 AM".
//
// What one end says about the other (written once, meant for both):
// - a zone after either end applies to both ("14:00 - 16:30 UTC");
// - AM/PM after the second end applies to the first when the first has none and that keeps
//   from <= to ("9:00 and 11:00 AM" is 9-11 AM; "11:00 - 1:00 PM" leaves 11:00 as written);
// - a date on one end is copied to the other, moving a day when the clock goes backwards
//   ("Nov 10, 23:00 - 01:00" ends on Nov 11), and a year likewise.
// Everything copied is flagged in `inherited`.

import type { TimeMention, TimeRangeMention } from './types.js';
import { tokenize, type Tokens } from './scanner.js';
import { scanMentions, readMentionAt, type MentionMatch, type MentionOptions } from './mentions.js';
import { applyMeridiem } from './clock.js';
import { addDays, withYearFrom } from './calendar.js';
import { skipWrappers, skipWrappersBack } from './tokens.js';

/** Between the ends of a range: dashes, a tilde, an arrow ("02:14 → 02:58"; "->" below). */
const DASHES = '-–—~→';
const CONNECTOR_WORDS = ['to', 'until', 'till', 'til', 'through', 'thru'];

/**
 * If a range connector follows token `after` (the end of the first mention), returns the index
 * where the second mention should start. "and" counts only when "between" precedes `firstIndex`.
 */
export function connectorAfter(tokens: Tokens, after: number, firstIndex: number): number | undefined {
  let k = skipWrappers(tokens, after);
  if (k >= tokens.count || tokens.lineBreak(k)) return undefined;
  if (tokens.isPunctIn(k, DASHES)) {
    k++;
    if ((tokens.isPunct(k, '-') || tokens.isPunct(k, '>')) && tokens.touches(k)) k++; // "--", "->"
  } else if (tokens.isWordIn(k, CONNECTOR_WORDS)) {
    k++;
  } else if (tokens.isWord(k, 'and') && tokens.isWord(skipWrappersBack(tokens, firstIndex - 1), 'between')) {
    k++;
  } else {
    return undefined;
  }
  k = skipWrappers(tokens, k);
  if (k >= tokens.count || tokens.lineBreak(k)) return undefined;
  // An approximate second end: "14:00 - ~16:00".
  if (tokens.isPunct(k, '~')) k = skipWrappers(tokens, k + 1);
  return k;
}

/** Both ends must be the same kind of thing: times with times, dates with dates. */
function compatible(from: TimeMention, to: TimeMention): boolean {
  if (from.time !== undefined) return to.time !== undefined;
  if (from.date !== undefined) return to.date !== undefined;
  return false;
}

function clockMinutes(m: TimeMention): number {
  const t = m.time!;
  return t.hour * 60 + t.minute - (m.zone?.offsetMinutes ?? 0);
}

function inherit(m: TimeMention, part: 'date' | 'zone' | 'meridiem'): void {
  const inherited = (m.inherited ??= {});
  if (part === 'date') inherited.date = true;
  else if (part === 'zone') inherited.zone = true;
  else inherited.meridiem = true;
}

function shareMeridiem(from: TimeMention, to: TimeMention): void {
  const f = from.time;
  const t = to.time;
  if (f === undefined || t === undefined || f.meridiem !== undefined || t.meridiem === undefined || t.meridiemIgnored) return;
  if (f.hour < 1 || f.hour > 12) return;
  const hour = applyMeridiem(f.hour, t.meridiem).hour;
  if (hour * 60 + f.minute > t.hour * 60 + t.minute) return;
  // A new clock time: clock times are shared between mentions (clock.ts), never changed.
  from.time = { ...f, hour, meridiem: t.meridiem };
  inherit(from, 'meridiem');
}

/**
 * A 12-hour clock with no AM/PM on either end: "between 9:40 and 2:30" ends in the afternoon, not
 * 17 hours later past midnight. Only when the end is written without a leading zero: "09:40 -
 * 02:30" is a 24-hour clock that crosses midnight. `toWritten` is the end's first token.
 */
function afternoonEnd(from: TimeMention, to: TimeMention, toWritten: string): void {
  const f = from.time;
  const t = to.time;
  if (f === undefined || t === undefined || f.meridiem !== undefined || t.meridiem !== undefined || to.date !== undefined || from.date !== undefined) return;
  if (!/^[1-9]/.test(toWritten) || f.hour < 1 || f.hour > 12 || t.hour < 1 || t.hour > 11) return;
  if (t.hour * 60 + t.minute >= f.hour * 60 + f.minute) return;
  to.time = { ...t, hour: t.hour + 12, meridiem: 'pm' };
  inherit(to, 'meridiem');
}

function shareZone(from: TimeMention, to: TimeMention): void {
  if (from.zone === undefined && to.zone !== undefined) {
    // Zones are shared, never changed (zones.ts): the same object serves both ends.
    from.zone = to.zone;
    inherit(from, 'zone');
  } else if (to.zone === undefined && from.zone !== undefined) {
    to.zone = from.zone;
    inherit(to, 'zone');
  }
}

/** True when the clock of `to` is earlier than that of `from` (so a day boundary lies between). */
function clockGoesBack(from: TimeMention, to: TimeMention): boolean {
  if (from.time === undefined || to.time === undefined) return false;
  return clockMinutes(to) < clockMinutes(from);
}

function shareDate(from: TimeMention, to: TimeMention): void {
  if (from.date !== undefined && to.date === undefined && to.time !== undefined) {
    to.date = clockGoesBack(from, to) ? addDays(from.date, 1) : { ...from.date };
    inherit(to, 'date');
  } else if (to.date !== undefined && from.date === undefined && from.time !== undefined) {
    from.date = clockGoesBack(from, to) ? addDays(to.date, -1) : { ...to.date };
    inherit(from, 'date');
  } else if (from.date !== undefined && to.date !== undefined) {
    const toYear = withYearFrom(to.date, from.date, 'after');
    if (toYear !== to.date) {
      to.date = toYear;
      inherit(to, 'date');
    }
    const fromYear = withYearFrom(from.date, to.date, 'before');
    if (fromYear !== from.date) {
      from.date = fromYear;
      inherit(from, 'date');
    }
  }
}

/**
 * Joins two mentions into a range, or undefined when they cannot form one. The mentions become the
 * range's ends and are completed in place, so pass mentions nobody else holds (fresh from a scan).
 */
function joinRange(from: TimeMention, to: TimeMention, toWritten: string): TimeRangeMention | undefined {
  if (!compatible(from, to)) return undefined;
  shareMeridiem(from, to);
  afternoonEnd(from, to, toWritten);
  shareZone(from, to);
  shareDate(from, to);
  return { start: from.start, end: to.end, from, to };
}

/** The range starting with mention `a`, reading the second end directly from the tokens. */
export function readRangeAfter(
  tokens: Tokens,
  a: MentionMatch,
  options: MentionOptions = {},
): { range: TimeRangeMention; next: number } | undefined {
  const k = connectorAfter(tokens, a.next, a.first);
  if (k === undefined) return undefined;
  const b = readMentionAt(tokens, k, options);
  if (b === undefined) return undefined;
  const range = joinRange(a.mention, b.mention, tokens.text(b.first));
  return range && { range, next: b.next };
}

function rangesFromMatches(tokens: Tokens, matches: MentionMatch[]): TimeRangeMention[] {
  const ranges: TimeRangeMention[] = [];
  for (let i = 0; i + 1 < matches.length; i++) {
    const a = matches[i]!;
    const b = matches[i + 1]!;
    const k = connectorAfter(tokens, a.next, a.first);
    if (k !== b.first) continue;
    const range = joinRange(a.mention, b.mention, tokens.text(b.first));
    if (range === undefined) continue;
    ranges.push(range);
    i++; // b is used up
  }
  return ranges;
}

/** All ranges in `text`, in order, non-overlapping. */
export function findTimeRanges(text: string, options: MentionOptions = {}): TimeRangeMention[] {
  const tokens = tokenize(text);
  return rangesFromMatches(tokens, scanMentions(tokens, options));
}
