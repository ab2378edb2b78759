// Which way a document writes numeric dates. "03/04/2026" is April 3 to a British writer and
// March 4 to an American one; the date alone cannot say, but the document usually does: a date
// that only reads day-first ("19/09/2026"), or a title date that is the file name's ISO date only
// when read day-first ("2026-03-11-db.md", "Outage 11/03/2026"). Without such evidence, or with
// evidence both ways, numeric dates stay month-first (time/dates.ts).
import { findTimeMentions } from '../time';
import type { CalendarDate } from '../time/types';

/** Where dates are written: the top (title, summary, fields) and the end (action items). */
const SCAN = 20_000;
const DAY_FIRST_ONLY = /(?:^|[^\d/.-])(?:1[3-9]|2\d|3[01])([/-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?![\d/-])/;
const MONTH_FIRST_ONLY = /(?:^|[^\d/.-])(?:0?[1-9]|1[0-2])([/-])(?:1[3-9]|2\d|3[01])\1(?:\d{4}|\d{2})(?![\d/-])/;

export function writesDayFirst(text: string, title: string | undefined, path: string | undefined): boolean {
  const where = text.length <= 2 * SCAN ? [text] : [text.slice(0, SCAN), text.slice(text.length - SCAN)];
  const dayFirst = where.some((t) => DAY_FIRST_ONLY.test(t));
  const monthFirst = where.some((t) => MONTH_FIRST_ONLY.test(t));
  if (dayFirst !== monthFirst) return dayFirst;
  if (dayFirst) return false;
  if (title === undefined) return false;
  return titleMatchesFileDayFirst(title, path) || titleNamesNumericDayFirst(where[0]!, title);
}

/**
 * The title names the day in words ("... on 4 June 2025") and the text writes it in numbers one
 * way only: "Date of Incident: 04-06-2025" is then day-first. A date whose day and month are the
 * same number says nothing.
 */
function titleNamesNumericDayFirst(text: string, title: string): boolean {
  const named = findTimeMentions(title).find((m) => m.date?.year !== undefined && m.date.ambiguous !== true && /\p{L}{3}/u.test(title.slice(m.start, m.end)))?.date;
  if (!named || named.day === named.month || named.day > 12) return false;
  const y = named.year!;
  const numeric = (first: number, second: number) => new RegExp(`(?:^|[^\\d/.-])0?${first}([/.-])0?${second}\\1(?:${y}|${String(y % 100).padStart(2, '0')})(?![\\d/.-])`);
  return numeric(named.day, named.month).test(text) && !numeric(named.month, named.day).test(text);
}

function titleMatchesFileDayFirst(title: string, path: string | undefined): boolean {
  const file = fileNameDate(path);
  if (!file) return false;
  const d = findTimeMentions(title).find((m) => m.date?.year !== undefined)?.date;
  return d?.ambiguous === true && d.year === file.year && d.day === file.month && d.month === file.day;
}

/** The ISO date in a file name: "2024-05-01-api-outage.md", "20240501_db.md". */
export function fileNameDate(path: string | undefined): CalendarDate | undefined {
  if (!path) return undefined;
  const name = path.split(/[\\/]/).pop() ?? '';
  const m = /(?:^|[^\d])((?:19|20|21)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

/** The first day of a span written before a date at `at` ("22–" of "22–23 January 2026"), and where it starts. */
export function spanFirstDay(text: string, at: number): { day: number; start: number } | undefined {
  const before = text.slice(Math.max(0, at - 8), at);
  const span = /(?:^|[^\d])(\d{1,2})\s*[–—-]\s*$/.exec(before);
  if (!span) return undefined;
  return { day: Number(span[1]), start: at - before.length + span.index + span[0].indexOf(span[1]!) };
}

/** "22–23 January 2026": a span's date is its first day ("23 January 2026" is what was read at `at`). */
export function spanStart(text: string, at: number, date: CalendarDate): CalendarDate {
  const first = spanFirstDay(text, at)?.day ?? NaN;
  return first >= 1 && first < date.day ? { ...date, day: first } : date;
}
