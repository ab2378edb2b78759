// Places timeline entries on one time axis, understanding midnight: shared by the timeline rules,
// hovers and the preview. Computed once per model.
import type { PostmortemModel, TimelineEntry } from '../../model/types';
import { dayNumber, withNearestYear, YEARLESS_REFERENCE_YEAR } from '../../time/calendar';
import type { CalendarDate } from '../../time/types';
import { toUtcMinutes } from '../../time';

export interface PlacedEntry {
  entry: TimelineEntry;
  /** Minutes on the axis the incident window uses (absolute when dates are known). */
  at: number;
  /** Only a date was given: the entry stands for a whole day. */
  dayOnly: boolean;
  /** Days added because the clock went back past midnight. */
  rolledDays: number;
  /** Where the entry ends on the axis: later than `at` for a range ("08:20 - 08:24"). */
  end: number;
  /** An unpadded 12-hour time written without AM/PM ("1:17" after "11:57") read as afternoon. */
  readAsPm: boolean;
}

export interface OrderProblem {
  entry: PlacedEntry;
  /** The latest entry before it in the document. */
  previous: PlacedEntry;
  kind: 'out-of-order' | 'ambiguous-midnight';
}

export interface Placement {
  placed: PlacedEntry[];
  problems: OrderProblem[];
  /** True when every entry has a date, so the axis is absolute. */
  absolute: boolean;
  /**
   * Every entry has a date but some have no year, and the document gives none ("March 1", "Sat,
   * March 2"): the axis is relative, its day 0 this date (the first entry's, its year assumed).
   */
  origin?: CalendarDate;
  /** The placed entry of a timeline entry (built on first use: most keystrokes never ask). */
  readonly byEntry: Map<TimelineEntry, PlacedEntry>;
}

const DAY = 24 * 60;
/** A step back on the clock this large looks like midnight passing, not a mistake. */
const ROLLOVER_GAP = 6 * 60;

const cache = new WeakMap<PostmortemModel, Placement>();

export function placeTimeline(model: PostmortemModel): Placement {
  let p = cache.get(model);
  if (!p) cache.set(model, (p = compute(model)));
  return p;
}

function compute(model: PostmortemModel): Placement {
  const entries = model.timeline?.entries ?? [];
  const absolute = entries.length > 0 && entries.every((e) => e.date?.year !== undefined);
  // Dates without a year still order the entries among themselves (a multi-day timeline of
  // "March 1", "March 2"): each takes the year nearest the entry before it, starting from the first
  // year an entry writes, else an assumed one. The axis stays relative: no rule sees that year.
  const yearless = !absolute && entries.length > 0 && entries.every((e) => e.date !== undefined);
  const firstYear = yearless ? (entries.find((e) => e.date!.year !== undefined)?.date!.year ?? YEARLESS_REFERENCE_YEAR) : 0;
  let origin: CalendarDate | undefined;
  /** The previous entry's date, as placed and as the model gives it. */
  let previousDate: CalendarDate | undefined;
  let previousWritten: CalendarDate | undefined;
  // At most one per entry, filled by index and cut to length: see FRESH_MEMORY in model/doc-lines.ts.
  const placed = model.recycled.take<PlacedEntry>('placed', entries.length);
  let count = 0;
  const problems: OrderProblem[] = [];
  const windowCrossesMidnight = model.incident.crossesMidnight;
  let rolled = 0;
  let latest: PlacedEntry | undefined;
  // A status page lists its updates newest first: read such a timeline from its end.
  const backwards = isNewestFirst(entries);
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[backwards ? entries.length - 1 - k : k]!;
    const first = 'from' in entry.mention ? entry.mention.from : entry.mention;
    let dated = absolute ? entry.date : undefined;
    if (yearless) {
      const date = entry.date!;
      dated = date.year !== undefined ? date : withNearestYear(date, previousDate ?? { ...date, year: firstYear });
      origin ??= dated;
    }
    // Midnights counted on the clock stop where a date is written anew (on the entry, or a date
    // line or heading above it): "2024-03-02 02:30" after "01:00" rolled past midnight is not a day later.
    if (dated && previousDate && !sameDate(entry.date!, previousWritten!)) rolled = 0;
    if (dated) {
      previousDate = dated;
      previousWritten = entry.date;
    }
    // On the relative axis, whole days from the first entry's date.
    const shift = origin ? dayNumber(origin) * DAY : 0;
    let at: number;
    let dayOnly = false;
    if (first.time) at = toUtcMinutes(dated, first.time, entry.zone) - shift;
    else if (dated) {
      at = dayNumber(dated) * DAY - shift;
      dayOnly = true;
    } else continue;
    const length = rangeLength(entry);
    // Undated entries (or dates only inherited) may have passed midnight since the one before.
    const current = placedOf(entry, placed[count], at + rolled * DAY, dayOnly, rolled, at + rolled * DAY + length, false);
    if (latest && current.at < latest.at && !(entry.dateExplicit && dated)) {
      const gap = latest.at - current.at;
      // "11:57 … 1:17": a 12-hour clock without AM/PM, not a new day, when +12 h lands just after.
      if (gap >= ROLLOVER_GAP && looksLikeTwelveHourAfternoon(model, entry) && current.at + 12 * 60 >= latest.at && current.at + 12 * 60 - latest.at < ROLLOVER_GAP) {
        const pm = current.at + 12 * 60;
        set(current, pm, dayOnly, rolled, pm + length, true);
      } else if (gap >= ROLLOVER_GAP && !current.dayOnly && !latest.dayOnly) {
        rolled++;
        set(current, at + rolled * DAY, dayOnly, rolled, at + rolled * DAY + length, false);
        // Nothing said midnight passed: neither the stated window nor a date on the entry.
        if (!windowCrossesMidnight && !entry.dateExplicit) problems.push({ entry: current, previous: latest, kind: 'ambiguous-midnight' });
      }
    }
    if (latest && current.at < latest.at && !(current.dayOnly || latest.dayOnly ? sameDay(current, latest) : false)) {
      problems.push({ entry: current, previous: latest, kind: 'out-of-order' });
    }
    placed[count++] = current;
    if (!latest || current.at >= latest.at) latest = current;
  }
  placed.length = count;
  let byEntry: Map<TimelineEntry, PlacedEntry> | undefined;
  return {
    placed,
    problems,
    absolute,
    ...(origin ? { origin } : {}),
    get byEntry() {
      if (!byEntry) {
        byEntry = new Map();
        for (const p of placed) byEntry.set(p.entry, p);
      }
      return byEntry;
    },
  };
}

/**
 * Whether the timeline runs newest first (a status page's updates: "Resolved 15:12", "Monitoring
 * 14:50", "Investigating 14:09"): every step between timed entries goes back, at least two do, and
 * none goes forward. A timeline with one entry out of place is not this, and is reported as usual.
 */
function isNewestFirst(entries: readonly TimelineEntry[]): boolean {
  let back = 0;
  let previous: TimelineEntry | undefined;
  for (const entry of entries) {
    if (entry.clock === undefined) continue;
    if (previous) {
      const step = compareMoments(previous, entry);
      if (step < 0) return false;
      if (step > 0) back++;
    }
    previous = entry;
  }
  return back >= 2;
}

/** Sign of a - b by date (when both have one; without a year, the nearest: Dec 31 is before Jan 1) then clock. */
function compareMoments(a: TimelineEntry, b: TimelineEntry): number {
  if (a.date && b.date) {
    const days = daysFrom(b.date, a.date);
    if (days !== 0) return days;
  }
  return a.clock! - b.clock!;
}

function monthDay(d: CalendarDate): CalendarDate {
  return { month: d.month, day: d.day };
}

/** Days from `from` to `to`; a date without a year is taken in the year nearest the other. */
function daysFrom(from: CalendarDate, to: CalendarDate): number {
  const a = from.year !== undefined ? from : to.year !== undefined ? withNearestYear(from, to) : { ...from, year: YEARLESS_REFERENCE_YEAR };
  return dayNumber(withNearestYear(to, a)) - dayNumber(a);
}

/**
 * Perf (issue 7): each timeline entry keeps its PlacedEntry from one version to the next (entries
 * themselves are kept, model/timeline.ts), updated in place: a new object per entry per keystroke
 * was most of this pass's time on long timelines. Valid until the next analysis with the same cache.
 */
function placedOf(entry: TimelineEntry, atSameIndex: PlacedEntry | undefined, at: number, dayOnly: boolean, rolledDays: number, end: number, readAsPm: boolean): PlacedEntry {
  // Usually still at its index in the recycled array (no edit above it added or removed an entry):
  // one object read, where the line's memo is three, each a cache miss on a 46,000-entry timeline.
  if (atSameIndex !== undefined && atSameIndex.entry === entry) return set(atSameIndex, at, dayOnly, rolledDays, end, readAsPm);
  // Else kept in the entry's line memo (a WeakMap lookup per entry was a hash probe each).
  const kept = entry.line.memo.placed as PlacedEntry | undefined;
  if (kept && kept.entry === entry) return set(kept, at, dayOnly, rolledDays, end, readAsPm);
  const made: PlacedEntry = { entry, at, dayOnly, rolledDays, end, readAsPm };
  entry.line.memo.placed = made;
  return made;
}

function set(p: PlacedEntry, at: number, dayOnly: boolean, rolledDays: number, end: number, readAsPm: boolean): PlacedEntry {
  p.at = at;
  p.dayOnly = dayOnly;
  p.rolledDays = rolledDays;
  p.end = end;
  p.readAsPm = readAsPm;
  return p;
}

/** Minutes a range entry spans ("09:24–10:05" → 41), 0 for a single time. */
function rangeLength(entry: TimelineEntry): number {
  if (!('from' in entry.mention)) return 0;
  const a = entry.mention.from.time;
  const b = entry.mention.to.time;
  if (!a || !b) return 0;
  const d = b.hour * 60 + b.minute - (a.hour * 60 + a.minute);
  return d >= 0 ? d : d + DAY;
}

/** An hour of 1-11 without AM/PM and without a leading zero ("1:17", "10:44", not "07:00"): a 12-hour clock. */
function looksLikeTwelveHourAfternoon(model: PostmortemModel, entry: TimelineEntry): boolean {
  const first = 'from' in entry.mention ? entry.mention.from : entry.mention;
  const t = first.time;
  if (!t || t.meridiem || t.hour < 1 || t.hour > 11) return false;
  const written = model.text.slice(entry.timeRange.start, entry.timeRange.end);
  const digits = /\d{1,2}(?=[:.])/.exec(written);
  return digits !== null && !digits[0].startsWith('0');
}

function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.day === b.day && a.month === b.month && a.year === b.year;
}

function sameDay(a: PlacedEntry, b: PlacedEntry): boolean {
  return Math.floor(a.at / DAY) === Math.floor(b.at / DAY);
}

/** `date` in the year that puts it within a day or two of `minutes` (absolute minutes since 1970). */
function withYearNear(date: CalendarDate, minutes: number): CalendarDate {
  const day = Math.floor(minutes / DAY);
  const year = new Date(day * 86_400_000).getUTCFullYear();
  for (const y of [year, year - 1, year + 1]) {
    if (Math.abs(dayNumber({ ...date, year: y }) - day) <= 2) return { ...date, year: y };
  }
  return { ...date, year };
}

/** The stated incident window on the same axis as the placed entries, when they can be compared. */
export function windowOnAxis(model: PostmortemModel, placement: Placement): { start: number; end: number } | undefined {
  const { start, end } = model.incident;
  if (!start || !end) return undefined;
  if (placement.absolute) return start.dateKnown ? { start: start.minutes, end: end.minutes } : undefined;
  const written = start.mention.date;
  // Day 0 of a relative axis of dated entries is the first entry's date: the window starts as many
  // days after it as its own date says. Else day 0 is taken to be the window's first day.
  const shift = placement.origin && written ? daysFrom(monthDay(placement.origin), monthDay(written)) * DAY : 0;
  if (!start.dateKnown) return { start: start.minutes + shift, end: end.minutes + shift };
  if (!written) return undefined;
  // A date written without a year took the document's: find which, from the moment itself.
  const date = written.year !== undefined ? written : withYearNear(written, start.minutes);
  const s = start.minutes - dayNumber(date) * DAY + shift;
  return { start: s, end: s + (end.minutes - start.minutes) };
}
