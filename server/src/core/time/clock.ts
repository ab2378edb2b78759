// Reading a wall-clock time from tokens: "14:05", "2:30 p.m.", "12: 48pm", "6pm", "09:15:04",
// "24:00", "midnight", and with permission "15.25".

import type { ClockTime } from './types.js';
import type { Tokens } from './scanner.js';
import { continuesNumberChain, numberChainFollows } from './tokens.js';
import { SharedValues } from '../text/intern.js';

export interface ClockOptions {
  /** Accept "15.25" as 15:25. Off by default: "3.11" and "20.04" are versions far more often. */
  allowDotSeparator?: boolean;
  /** The clock follows an ISO "T" ("2024-05-20T14:00"), so the letter before it is expected. */
  afterIsoT?: boolean;
}

export interface ClockMatch {
  time: ClockTime;
  /** Index of the first token after the clock (and its AM/PM). */
  next: number;
  /** Seconds were written, so an ISO-style "-05:00" right after is an offset, not a range. */
  hasSeconds: boolean;
}

interface MeridiemMatch {
  meridiem: 'am' | 'pm';
  next: number;
}

/** "AM", "pm", "a.m.", "P.M". */
export function readMeridiem(tokens: Tokens, j: number): MeridiemMatch | undefined {
  if (tokens.isWord(j, 'am')) return { meridiem: 'am', next: j + 1 };
  if (tokens.isWord(j, 'pm')) return { meridiem: 'pm', next: j + 1 };
  if (tokens.isWord(j, 'a', 'p') && tokens.isPunct(j + 1, '.') && tokens.touches(j + 1) && tokens.isWord(j + 2, 'm') && tokens.touches(j + 2)) {
    const trailingDot = tokens.isPunct(j + 3, '.') && tokens.touches(j + 3);
    return { meridiem: tokens.isWord(j, 'a') ? 'am' : 'pm', next: j + (trailingDot ? 4 : 3) };
  }
  return undefined;
}

/**
 * Apply AM/PM to an hour as written. "12 AM" is midnight, "12 PM" noon. A 24-hour hour with a
 * meridiem ("13:20 PM", "23:00 AM", "00:30 PM") keeps its hour: the writer clearly meant it.
 */
export function applyMeridiem(hour: number, meridiem: 'am' | 'pm'): { hour: number; ignored: boolean } {
  if (hour === 0 || hour > 12) return { hour, ignored: true };
  if (hour === 12) return { hour: meridiem === 'am' ? 0 : 12, ignored: false };
  return { hour: meridiem === 'pm' ? hour + 12 : hour, ignored: false };
}

function simple(hour: number, next: number): ClockMatch {
  return { time: shared({ hour, minute: 0 }), next, hasSeconds: false };
}

/**
 * Clock times made so far, by value. Memory (issue 7): every timeline entry holds its clock time,
 * and an object apiece was ~2 MB of a 5 MB postmortem's model, for at most a few thousand distinct
 * values. The bound is far above the distinct values a document has.
 */
const MADE_CLOCKS = new SharedValues<number, ClockTime>(8192);
const MERIDIEM_CODE = { am: 1, pm: 2 } as const;

function shared(time: ClockTime): ClockTime {
  const { hour, minute, second, meridiem } = time;
  // Each part in its own digits: hour < 25, minute and second < 60 (61 for "none").
  const key = ((((hour * 60 + minute) * 61 + (second ?? 60)) * 3 + (meridiem ? MERIDIEM_CODE[meridiem] : 0)) * 2 + (time.meridiemIgnored ? 1 : 0)) * 2 + (time.endOfDay ? 1 : 0);
  return MADE_CLOCKS.share(key, time);
}

function isTwoDigitMinute(tokens: Tokens, i: number): boolean {
  return tokens.isNum(i) && tokens.length(i) === 2 && tokens.value(i) <= 59;
}

/** Reads a clock time starting exactly at token i. */
export function readClock(tokens: Tokens, i: number, options: ClockOptions = {}): ClockMatch | undefined {
  if (tokens.isLetters(i)) {
    if (tokens.isWord(i, 'midnight')) return simple(0, i + 1);
    if (tokens.isWord(i, 'noon', 'midday')) return simple(12, i + 1);
    return undefined;
  }
  if (!tokens.isNum(i) || tokens.length(i) > 2 || tokens.value(i) > 24) return undefined;
  if (!options.afterIsoT && continuesNumberChain(tokens, i)) return undefined;

  const hour = tokens.value(i);
  const colon = tokens.isPunct(i + 1, ':') && tokens.touches(i + 1);
  // "15.25" is a time only where a timestamp is expected; "8.52am", "1.40 pm" anywhere (British
  // prose writes its times so, and no decimal number takes AM/PM).
  const dot = tokens.isPunct(i + 1, '.') && tokens.touches(i + 1) && (options.allowDotSeparator === true || (isTwoDigitMinute(tokens, i + 2) && tokens.touches(i + 2) && readMeridiem(tokens, i + 3) !== undefined));

  if (colon || dot) {
    const m = i + 2;
    if (!isTwoDigitMinute(tokens, m)) return undefined;
    const minuteSpaced = tokens.spaced(m);
    // "12: 48pm" is real, but so is "Step 2: 30 servers": a space after the colon needs AM/PM.
    if (minuteSpaced && (dot || readMeridiem(tokens, m + 1) === undefined)) return undefined;
    let next = m + 1;
    let second: number | undefined;
    if (colon && !minuteSpaced && tokens.isPunct(next, ':') && tokens.touches(next) && isTwoDigitMinute(tokens, next + 1) && tokens.touches(next + 1)) {
      second = tokens.value(next + 1);
      next += 2;
      // ISO fractional seconds: "14:00:00.000Z".
      if (tokens.isPunct(next, '.') && tokens.touches(next) && tokens.isNum(next + 1) && tokens.touches(next + 1)) next += 2;
    }
    // "1:2:3:4", "10.0.0.1", "1.2.3": part of a longer chain of numbers.
    if (numberChainFollows(tokens, next - 1, ':.')) return undefined;
    return finishClock(tokens, hour, tokens.value(m), second, next);
  }

  // "14h30", "09h05": the French and European way of writing a clock time, with a two-digit hour
  // ("1h30" is a length). Not "14h30m", which is one.
  if (tokens.length(i) === 2 && hour <= 23 && tokens.isLetters(i + 1) && tokens.raw(i + 1) === 'h' && tokens.touches(i + 1) && isTwoDigitMinute(tokens, i + 2) && tokens.touches(i + 2)) {
    if (!(tokens.isLetters(i + 3) && tokens.touches(i + 3)) && !numberChainFollows(tokens, i + 2, ':.')) return finishClock(tokens, hour, tokens.value(i + 2), undefined, i + 3);
  }

  // A bare hour needs AM/PM ("6 PM", "6pm") or "12 noon".
  if (hour === 12 && tokens.isWord(i + 1, 'noon')) return simple(12, i + 2);
  if (hour === 12 && tokens.isWord(i + 1, 'midnight')) return simple(0, i + 2);
  if (hour < 1 || hour > 12 || readMeridiem(tokens, i + 1) === undefined) return undefined;
  return finishClock(tokens, hour, 0, undefined, i + 1);
}

function finishClock(tokens: Tokens, writtenHour: number, minute: number, second: number | undefined, next: number): ClockMatch | undefined {
  const time: ClockTime = { hour: writtenHour, minute };
  if (second !== undefined) time.second = second;
  const meridiem = tokens.lineBreak(next) ? undefined : readMeridiem(tokens, next);
  if (meridiem !== undefined) {
    if (writtenHour === 24) return undefined;
    const applied = applyMeridiem(writtenHour, meridiem.meridiem);
    time.hour = applied.hour;
    time.meridiem = meridiem.meridiem;
    if (applied.ignored) time.meridiemIgnored = true;
    next = meridiem.next;
  }
  if (writtenHour === 24) {
    // "24:00" closes a day ("18:00-24:00 UTC"); hour stays 24. "24:30" is not a time.
    if (minute !== 0 || (second ?? 0) !== 0) return undefined;
    time.endOfDay = true;
  }
  return { time: shared(time), next, hasSeconds: second !== undefined };
}
