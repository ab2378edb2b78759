// Human-readable lengths and clock times for messages, hovers and quick fixes.

import type { ClockTime, DurationMention } from './types.js';

const MINUTES_PER_DAY = 24 * 60;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Whole minutes split into days, hours and minutes. */
function split(totalMinutes: number): { days: number; hours: number; minutes: number } {
  return {
    days: Math.floor(totalMinutes / MINUTES_PER_DAY),
    hours: Math.floor((totalMinutes % MINUTES_PER_DAY) / 60),
    minutes: totalMinutes % 60,
  };
}

/**
 * Whether a stated length is restated with days (formatMinutes' `days`): where the writer counted
 * in days, or wrote no unit. "48 hours" is restated in hours ("36 hours 38 minutes").
 */
export function countsInDays(d: DurationMention): boolean {
  return d.largestUnit === undefined || d.largestUnit >= MINUTES_PER_DAY;
}

/**
 * "10 minutes", "1 hour", "2 hours 30 minutes", "1 day 6 hours". Fractions (from seconds) round to
 * the nearest minute; a length under a minute is given in seconds ("45 seconds") so that it does
 * not read as "0 minutes". Negative lengths get a leading "-". With `days: false` hours are the
 * largest unit ("36 hours 38 minutes"), to restate a length the way a writer counting in hours did.
 */
export function formatMinutes(m: number, options: { days?: boolean } = {}): string {
  if (!Number.isFinite(m)) return String(m);
  const sign = m < 0 ? '-' : '';
  const abs = Math.abs(m);
  if (abs > 0 && abs < 0.5) return `${sign}${plural(Math.round(abs * 60), 'second')}`;
  const whole = split(Math.round(abs));
  const days = options.days === false ? 0 : whole.days;
  const hours = whole.hours + (whole.days - days) * 24;
  const minutes = whole.minutes;
  const parts: string[] = [];
  if (days > 0) parts.push(plural(days, 'day'));
  if (hours > 0) parts.push(plural(hours, 'hour'));
  if (minutes > 0 || parts.length === 0) parts.push(plural(minutes, 'minute'));
  return sign + parts.join(' ');
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "14:05" / "14:05:09" in 24h style, "2:05 PM" in 12h style. "24:00" stays "24:00" in 24h style. */
export function formatClock(time: ClockTime, style: '24h' | '12h'): string {
  const seconds = time.second !== undefined ? `:${pad(time.second)}` : '';
  if (style === '24h') return `${pad(time.hour)}:${pad(time.minute)}${seconds}`;
  const hour24 = time.hour % 24;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${hour12}:${pad(time.minute)}${seconds} ${hour24 < 12 ? 'AM' : 'PM'}`;
}

/** Offsets from the start of an incident: "T+45m", "T+2h30m", "T+1d2h", "T-5m". */
export function formatElapsed(m: number): string {
  if (!Number.isFinite(m)) return `T+${m}`;
  const total = Math.round(Math.abs(m));
  const sign = m < 0 && total > 0 ? '-' : '+';
  const { days, hours, minutes } = split(total);
  let text = '';
  if (days > 0) text += `${days}d`;
  if (hours > 0) text += `${hours}h`;
  if (minutes > 0 || text === '') text += `${minutes}m`;
  return `T${sign}${text}`;
}

/** Compact lengths for tables and lists: "2h 30m", "45m", "1d 2h" (the two largest units). */
export function formatShortMinutes(m: number): string {
  const total = Math.round(Math.abs(m));
  const { days, hours, minutes } = split(total);
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes || (!days && !hours) ? `${minutes}m` : ''].filter(Boolean);
  return (m < 0 && total > 0 ? '-' : '') + parts.slice(0, 2).join(' ');
}
