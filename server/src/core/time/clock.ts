// Reading a wall-clock time from tokens: "14:05", "2:30 p.m.", "12: 48pm", "6pm", "09:15:04",
// "24:00", "midnight", and with permission "15.25".

import type { ClockTime } from './types.js';
import type { Token } from './scanner.js';
import { continuesNumberChain, digitCount, isPunct, isWord, numberChainFollows } from './tokens.js';

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
export function readMeridiem(tokens: Token[], j: number): MeridiemMatch | undefined {
  const t = tokens[j];
  if (t === undefined || t.kind !== 'word') return undefined;
  if (t.text === 'am' || t.text === 'pm') return { meridiem: t.text, next: j + 1 };
  if ((t.text === 'a' || t.text === 'p') && isPunct(tokens[j + 1], '.') && !tokens[j + 1]!.spaced) {
    const m = tokens[j + 2];
    if (m !== undefined && m.kind === 'word' && m.text === 'm' && !m.spaced) {
      const trailingDot = isPunct(tokens[j + 3], '.') && !tokens[j + 3]!.spaced;
      return { meridiem: t.text === 'a' ? 'am' : 'pm', next: j + (trailingDot ? 4 : 3) };
    }
  }
  return undefined;
}

/**
 * Apply AM/PM to an hour as written. "12 AM" is midnight, "12 PM" noon. A 24-hour hour with a
 * meridiem ("13:20 PM", "23:00 AM") keeps its hour: the writer clearly meant the 24-hour reading.
 */
export function applyMeridiem(hour: number, meridiem: 'am' | 'pm'): { hour: number; ignored: boolean } {
  if (hour === 0 || hour > 12) return { hour, ignored: true };
  if (hour === 12) return { hour: meridiem === 'am' ? 0 : 12, ignored: false };
  return { hour: meridiem === 'pm' ? hour + 12 : hour, ignored: false };
}

function wordClock(tokens: Token[], i: number): ClockMatch | undefined {
  const t = tokens[i]!;
  if (isWord(t, 'midnight')) return { time: { hour: 0, minute: 0 }, next: i + 1, hasSeconds: false };
  if (isWord(t, 'noon', 'midday')) return { time: { hour: 12, minute: 0 }, next: i + 1, hasSeconds: false };
  return undefined;
}

function isTwoDigitMinute(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'num' && digitCount(t) === 2 && t.value <= 59;
}

/** Reads a clock time starting exactly at token i. */
export function readClock(tokens: Token[], i: number, options: ClockOptions = {}): ClockMatch | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  if (t.kind === 'word') return wordClock(tokens, i);
  if (t.kind !== 'num' || digitCount(t) > 2 || t.value > 24) return undefined;
  if (!options.afterIsoT && continuesNumberChain(tokens, i)) return undefined;

  const hour = t.value;
  const sep = tokens[i + 1];
  const sepTouches = sep !== undefined && !sep.spaced;
  const colon = sepTouches && isPunct(sep, ':');
  const dot = sepTouches && options.allowDotSeparator === true && isPunct(sep, '.');

  if (colon || dot) {
    const minuteToken = tokens[i + 2];
    if (isTwoDigitMinute(minuteToken)) {
      const minuteSpaced = minuteToken.spaced;
      // "12: 48pm" is real, but "Step 2: 30 servers" is too: a space after the colon needs AM/PM.
      if (minuteSpaced && (dot || readMeridiem(tokens, i + 3) === undefined)) return undefined;
      let next = i + 3;
      let second: number | undefined;
      if (colon && isPunct(tokens[next], ':') && !tokens[next]!.spaced && !minuteSpaced) {
        const secondToken = tokens[next + 1];
        if (isTwoDigitMinute(secondToken) && !secondToken.spaced) {
          second = secondToken.value;
          next += 2;
          // ISO fractional seconds: "14:00:00.000Z".
          if (isPunct(tokens[next], '.') && !tokens[next]!.spaced && tokens[next + 1]?.kind === 'num' && !tokens[next + 1]!.spaced) {
            next += 2;
          }
        }
      }
      // "1:2:3:4", "10.0.0.1", "1.2.3": part of a longer chain of numbers.
      if (numberChainFollows(tokens, next - 1, dot ? '.:' : ':.')) return undefined;
      return finishClock(tokens, hour, minuteToken.value, second, next);
    }
    return undefined;
  }

  // A bare hour needs AM/PM ("6 PM", "6pm") or "12 noon".
  if (hour === 12 && isWord(tokens[i + 1], 'noon')) return { time: { hour: 12, minute: 0 }, next: i + 2, hasSeconds: false };
  if (hour === 12 && isWord(tokens[i + 1], 'midnight')) return { time: { hour: 0, minute: 0 }, next: i + 2, hasSeconds: false };
  if (hour < 1 || hour > 12) return undefined;
  if (readMeridiem(tokens, i + 1) === undefined) return undefined;
  return finishClock(tokens, hour, 0, undefined, i + 1);
}

function finishClock(
  tokens: Token[],
  writtenHour: number,
  minute: number,
  second: number | undefined,
  next: number,
): ClockMatch | undefined {
  const time: ClockTime = { hour: writtenHour, minute };
  if (second !== undefined) time.second = second;
  const meridiem = readMeridiem(tokens, next);
  if (meridiem !== undefined) {
    if (writtenHour === 24) return undefined;
    const applied = applyMeridiem(writtenHour, meridiem.meridiem);
    time.hour = applied.hour;
    time.meridiem = meridiem.meridiem;
    if (applied.ignored) time.meridiemIgnored = true;
    next = meridiem.next;
  }
  if (writtenHour === 24) {
    // "24:00" closes a day ("18:00-24:00 UTC"); "24:30" is not a time.
    if (minute !== 0 || (second ?? 0) !== 0) return undefined;
    time.endOfDay = true;
  }
  return { time, next, hasSeconds: second !== undefined };
}
