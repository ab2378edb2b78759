// The incident's start as the author enters it: a wall-clock date and time in the incident's
// zone ("2024-05-20 14:00"). Kept as local fields, never as a Date, so no machine zone leaks in.
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(t: LocalDateTime): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

export function formatClock(t: LocalDateTime): string {
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

export function formatDateTime(t: LocalDateTime): string {
  return `${formatDate(t)} ${formatClock(t)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads "YYYY-MM-DD HH:MM" (or with a "T"). Returns the time, or a sentence saying what is wrong,
 * for an input box's validation message.
 */
export function parseDateTime(text: string): LocalDateTime | string {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+|\s*,\s*)(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return 'Write the start as YYYY-MM-DD HH:MM (24-hour clock), e.g. 2024-05-20 14:00.';
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (year < 1970 || year > 2999) return `${year} is not a plausible year.`;
  if (month < 1 || month > 12) return `There is no month ${month}.`;
  if (day < 1 || day > daysInMonth(year, month)) return `${formatDate({ year, month, day: 1, hour: 0, minute: 0 }).slice(0, 7)} has no day ${day}.`;
  if (hour > 23 || minute > 59) return `${pad(hour)}:${pad(minute)} is not a time of day (00:00 to 23:59).`;
  return { year, month, day, hour, minute };
}

/** The wall clock at `now` in a zone `offsetMinutes` east of UTC. */
export function wallClock(now: Date, offsetMinutes: number): LocalDateTime {
  const d = new Date(now.getTime() + offsetMinutes * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}
