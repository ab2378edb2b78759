// Calendar facts and arithmetic on CalendarDate, kept apart from parsing so instants and ranges can
// share them.

import type { CalendarDate } from './types.js';

/** Used when a date has no year: a leap year, so "Feb 29" stays valid. */
export const YEARLESS_REFERENCE_YEAR = 2000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDate(year: number | undefined, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** Plausible years for an incident document; "1234" or "3021" next to a month is not a year. */
export function isPlausibleYear(year: number): boolean {
  return year >= 1900 && year <= 2199;
}

/** Days since 1970-01-01 (negative before), via Date.UTC so month lengths are right. */
export function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year ?? YEARLESS_REFERENCE_YEAR, date.month - 1, date.day) / 86_400_000;
}

/** The date `days` days later; a missing year stays missing. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year ?? YEARLESS_REFERENCE_YEAR, date.month - 1, date.day + days));
  const result: CalendarDate = { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  if (date.year !== undefined) result.year = d.getUTCFullYear();
  return result;
}

/**
 * Gives `date` the year of `reference` when it has none, moving to the next (or previous) year
 * when that keeps it on the right side: "Dec 31, 2023 - Jan 1" ends in 2024.
 */
export function withYearFrom(date: CalendarDate, reference: CalendarDate, direction: 'after' | 'before'): CalendarDate {
  if (date.year !== undefined || reference.year === undefined) return date;
  let year = reference.year;
  const candidate = { ...date, year };
  const cmp = compareMonthDay(candidate, reference);
  if (direction === 'after' && cmp < 0) year += 1;
  if (direction === 'before' && cmp > 0) year -= 1;
  return { ...date, year };
}

/**
 * Gives `date` the year (the reference's, or the one before or after) that puts it nearest
 * `reference`: in a timeline dated Dec 31, 2023, "Jan 1" is in 2024, and after Jan 2, 2024 a
 * lead-up entry "Dec 30" is in 2023.
 */
export function withNearestYear(date: CalendarDate, reference: CalendarDate): CalendarDate {
  if (date.year !== undefined || reference.year === undefined) return date;
  const target = dayNumber(reference);
  let year = reference.year;
  let best = Infinity;
  for (const y of [reference.year, reference.year - 1, reference.year + 1]) {
    // "Feb 29" only in a leap year.
    if (!isValidDate(y, date.month, date.day)) continue;
    const distance = Math.abs(dayNumber({ ...date, year: y }) - target);
    if (distance < best) {
      best = distance;
      year = y;
    }
  }
  return { ...date, year };
}

function compareMonthDay(a: CalendarDate, b: CalendarDate): number {
  return a.month !== b.month ? a.month - b.month : a.day - b.day;
}

/**
 * The date as a document that writes day-first means it: "03/04/2026", parsed as March 4 and marked
 * `ambiguous`, is April 3 there. Dates that only read one way come back unchanged (the same object).
 */
export function inDateOrder(date: CalendarDate, dayFirst: boolean): CalendarDate {
  if (!dayFirst || !date.ambiguous) return date;
  return { ...(date.year !== undefined ? { year: date.year } : {}), month: date.day, day: date.month, ambiguous: true };
}
