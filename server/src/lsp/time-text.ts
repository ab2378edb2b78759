// Small formatting helpers shared by the worker and the request thread for what people read in
// hovers, hints and new timeline entries. Durations use the engine's wording (time.formatMinutes).
import type { CalendarDate } from '../core/time/types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2024-05-20", or "May 20" when the year is unknown. */
export function formatDate(d: CalendarDate): string {
  return d.year !== undefined ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : `${MONTHS[d.month - 1] ?? d.month} ${d.day}`;
}

/** Minutes of a day as "14:05" (wrapping around midnight). */
export function formatDayMinutes(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** "2:05 PM" for documents that write their times that way. */
export function formatDayMinutes12h(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  return `${h % 12 === 0 ? 12 : h % 12}:${pad(m % 60)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "UTC+02:00" style name for an offset that has no abbreviation. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** "T+45m", "T+2h 30m", "T-5m": elapsed time since the incident started. */
export function formatElapsed(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(Math.round(minutes));
  const d = Math.floor(a / 1440);
  const h = Math.floor((a % 1440) / 60);
  const m = a % 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m || a === 0 ? `${m}m` : ''].filter(Boolean);
  return `T${sign}${parts.join(' ')}`;
}

/** "14:05" or "14:05:30" from a clock as written (after AM/PM). */
export function formatClockTime(t: { hour: number; minute: number; second?: number; endOfDay?: boolean }): string {
  if (t.endOfDay) return '24:00';
  return `${pad(t.hour)}:${pad(t.minute)}${t.second !== undefined ? `:${pad(t.second)}` : ''}`;
}
