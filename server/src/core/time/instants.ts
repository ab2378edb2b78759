// Putting mentions on one absolute axis (minutes) and measuring between them.

import type { CalendarDate, ClockTime, TimeMention, Zone } from './types.js';
import { dayNumber, withYearFrom } from './calendar.js';

const MINUTES_PER_DAY = 24 * 60;

/**
 * Minutes on a single absolute axis. With a date, minutes since 1970-01-01T00:00Z (a date without
 * a year uses the leap year 2000, so only compare it with dates that also lack one). Without a date,
 * day 0 of that axis, so only clock arithmetic is meaningful. Without a zone (or an offset) the
 * time is taken as UTC: callers keep their own "zone unknown" flag.
 * "24:00" (endOfDay) is the end of its day, i.e. midnight of the next.
 */
export function toUtcMinutes(date: CalendarDate | undefined, time: ClockTime, zone: Zone | undefined): number {
  const clock = time.hour * 60 + time.minute + (time.second ?? 0) / 60;
  const offset = zone?.offsetMinutes ?? 0;
  if (date === undefined) return clock - offset;
  return dayNumber(date) * MINUTES_PER_DAY + clock - offset;
}

export interface Elapsed {
  minutes: number;
  /** The end lies on a later calendar day (in the start's zone) than the start. */
  crossedMidnight: boolean;
  /** No dates said so, but `to` was earlier on the clock than `from`, so we assumed the next day. */
  assumedNextDay: boolean;
}

export interface ElapsedContext {
  /** The date to use when a mention has none (e.g. a date heading above timeline entries). */
  date?: CalendarDate;
  /** The zone to use when neither mention has one (e.g. "Timeline (UTC)"). */
  zone?: Zone;
}

/** The local calendar day number of an absolute minute in a zone (for crossedMidnight). */
function localDay(utcMinutes: number, zone: Zone | undefined, endOfDay: boolean): number {
  const local = utcMinutes + (zone?.offsetMinutes ?? 0) - (endOfDay ? 1 : 0);
  return Math.floor(local / MINUTES_PER_DAY);
}

/** Fills a missing date (or year) of one end from the other end or the context. */
function resolveDates(a: TimeMention, b: TimeMention, ctx: ElapsedContext): [CalendarDate | undefined, CalendarDate | undefined, boolean] {
  let da = a.date ?? (b.date === undefined ? ctx.date : undefined);
  let db = b.date;
  let borrowedFromEnd = false;
  if (da === undefined && db !== undefined) {
    da = db; // "9:00 PM - 1:00 AM May 11": the start borrows the end's date
    borrowedFromEnd = true;
  }
  if (db === undefined) db = da;
  if (da !== undefined && db !== undefined) {
    db = withYearFrom(db, da, 'after');
    da = withYearFrom(da, db, 'before');
  }
  return [da, db, borrowedFromEnd];
}

/**
 * Minutes from `a` to `b`. Both need a time, or both only dates (read as midnight). Missing dates
 * are taken from the other end, then from ctx; zones likewise (own, other end, ctx). When no date
 * separates them and `b` is earlier on the clock, midnight is assumed crossed once. With explicit
 * dates a negative result is returned as is (the document has the ends the wrong way round).
 */
export function minutesBetween(a: TimeMention, b: TimeMention, ctx: ElapsedContext = {}): Elapsed | undefined {
  if ((a.time === undefined) !== (b.time === undefined)) return undefined;
  if (a.time === undefined && (a.date === undefined || b.date === undefined)) return undefined;
  const ta: ClockTime = a.time ?? { hour: 0, minute: 0 };
  const tb: ClockTime = b.time ?? { hour: 0, minute: 0 };
  const za = a.zone ?? b.zone ?? ctx.zone;
  const zb = b.zone ?? a.zone ?? ctx.zone;
  const [da, db, borrowedFromEnd] = resolveDates(a, b, ctx);
  const datesSaySo = a.date !== undefined && b.date !== undefined;

  let start = toUtcMinutes(da, ta, za);
  const end = toUtcMinutes(db, tb, zb);
  let assumedNextDay = false;
  if (end < start && !datesSaySo) {
    // The clock went backwards with no dates to say otherwise: midnight passed.
    if (borrowedFromEnd) start -= MINUTES_PER_DAY;
    else return finish(start, end + MINUTES_PER_DAY, za, tb, true);
    assumedNextDay = true;
  }
  return finish(start, end, za, tb, assumedNextDay);
}

function finish(start: number, end: number, zone: Zone | undefined, endTime: ClockTime, assumedNextDay: boolean): Elapsed {
  const crossedMidnight = localDay(end, zone, endTime.endOfDay === true) > localDay(start, zone, false);
  return { minutes: end - start, crossedMidnight, assumedNextDay };
}

