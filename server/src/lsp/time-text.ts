// Formatting shared by the worker and the request thread for what people read in hovers, hints
// and new timeline entries. Clock and elapsed wording come from the engine (core/time/format), so
// the editor, the CLI and the preview say times the same way.
import { formatClock, formatElapsed } from '../core/time/format';
import type { CalendarDate, ClockTime } from '../core/time/types';

export { formatElapsed };

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2024-05-20", or "May 20" when the year is unknown. */
export function formatDate(d: CalendarDate): string {
  return d.year !== undefined ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : `${MONTHS[d.month - 1] ?? d.month} ${d.day}`;
}

function clockOfDay(minutes: number): ClockTime {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return { hour: Math.floor(m / 60), minute: m % 60 };
}

/** Minutes of a day as "14:05" (or "2:05 PM"), wrapping around midnight. */
export function formatDayMinutes(minutes: number, style: '24h' | '12h' = '24h'): string {
  return formatClock(clockOfDay(minutes), style);
}

/** A clock as written, normalised to 24 hours: "14:05", "14:05:30", "24:00". */
export function formatClockTime(t: ClockTime): string {
  return t.endOfDay ? '24:00' : formatClock(t, '24h');
}

/** "UTC+02:00" for an offset written without a name. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
