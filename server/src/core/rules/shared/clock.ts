// Quoting moments back to the author in their own notation.
import type { Moment, PostmortemModel, TimelineEntry } from '../../model/types';
import { findTimeMentions, formatClock } from '../../time';
import type { CalendarDate } from '../../time/types';
import { entryTime, quote } from './describe';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The time in the author's style ("14:00 UTC", "2:30 PM"), with the date only when `other` is on
 * another day, so "13:20 → 13:30" stays short and "Nov 10 20:00 → Nov 11 02:00" stays clear.
 */
export function momentText(model: PostmortemModel, m: Moment, other?: Moment, withZone = true): string {
  return momentBeside(model, m, other?.mention.date, withZone);
}

/** As momentText, dated when `otherDate` (a timeline entry's day, say) is another day. */
export function momentBeside(model: PostmortemModel, m: Moment, otherDate: CalendarDate | undefined, withZone = true): string {
  const t = m.mention.time;
  if (!t) return quote(model, m.range);
  let s = formatClock(t, t.meridiem ? '12h' : '24h');
  const d = m.mention.date;
  if (otherDay(d, otherDate)) s = `${dayOf(d!)} ${s}`;
  if (m.mention.zone && withZone) s += ` ${m.mention.zone.text}`;
  return s;
}

/** Both dates known and on different days (a year written on one side only is not a difference). */
export function otherDay(a: CalendarDate | undefined, b: CalendarDate | undefined): boolean {
  if (!a || !b) return false;
  return a.day !== b.day || a.month !== b.month || (a.year !== undefined && b.year !== undefined && a.year !== b.year);
}

/**
 * An entry's time as written, with its date before it when `other` is another day and the date is
 * written elsewhere (a Date column, a "### March 2" heading): "23:45 UTC comes after 09:30 UTC"
 * reads as no problem at all; "Apr 7 23:45 UTC comes after Apr 8 09:30 UTC" does.
 */
export function datedEntryTime(model: PostmortemModel, entry: TimelineEntry, other: CalendarDate | undefined): string {
  const written = entryTime(model, entry);
  const d = entry.date;
  if (!d || !otherDay(d, other)) return written;
  return findTimeMentions(written).some((m) => m.date) ? written : `${dayOf(d)} ${written}`;
}

/** "Mar 2": the day a quoted time is on. */
function dayOf(d: CalendarDate): string {
  return `${MONTHS[d.month - 1]} ${d.day}`;
}
