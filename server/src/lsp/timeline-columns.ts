// Timeline entries as rows of integers in one Int32Array, built in the worker and transferred
// to the request thread without copying. Objects per entry cost more to clone than the analysis
// itself on a long timeline (measured: ~55-170 ms for 4,900 entries at 500 KB, against well under
// a millisecond for a transfer); strings (the timestamp as written, the entry text) are read from
// the document only when a request needs them.
import type { CalendarDate, ClockTime } from '../core/time/types';
import type { TextRange } from '../core/types';
import type { ZoneFacts } from './analysis-protocol';

export interface EntryFacts {
  timeRange: TextRange;
  lineRange: TextRange;
  range: TextRange;
  clock?: ClockTime;
  date?: CalendarDate;
  zone?: ZoneFacts;
  zoneExplicit: boolean;
  /** Minutes since the base moment (incident start, else first entry); undefined when unknown. */
  elapsed?: number;
}

export interface TimelineColumns {
  /**
   * `count` rows of STRIDE integers (see the column offsets below). 32 bits hold every offset,
   * clock and date, and halve what each keystroke allocates and transfers (5.5 -> 2.8 MB for the
   * 46,000 entries of a 5 MB timeline).
   */
  columns: Int32Array;
  count: number;
  /** Distinct zones; rows refer to them by index. */
  zones: ZoneFacts[];
}

const TIME_START = 0, TIME_END = 1, LINE_START = 2, LINE_END = 3, RANGE_START = 4, RANGE_END = 5;
const HOUR = 6, MINUTE = 7, SECOND = 8, FLAGS = 9, YEAR = 10, MONTH = 11, DAY = 12, ZONE = 13, ELAPSED = 14;
const STRIDE = 15;
/** Elapsed time unknown (or beyond what 32 bits hold: some 4,000 years in minutes). */
const NO_ELAPSED = -0x80000000;
const MERIDIEM_PM = 1, MERIDIEM_AM = 2, END_OF_DAY = 4, ZONE_EXPLICIT = 8, AMBIGUOUS_DATE = 16;

/** Fills the columns in the worker, one entry at a time. */
export class TimelineColumnsBuilder {
  private readonly data: Int32Array;
  private readonly zones: ZoneFacts[] = [];
  private readonly zoneIndex = new Map<string, number>();
  private n = 0;

  constructor(private readonly capacity: number) {
    this.data = new Int32Array(capacity * STRIDE);
  }

  add(e: EntryFacts): void {
    if (this.n >= this.capacity) throw new RangeError('more timeline entries than announced');
    const d = this.data;
    const o = this.n++ * STRIDE;
    d[o + TIME_START] = e.timeRange.start;
    d[o + TIME_END] = e.timeRange.end;
    d[o + LINE_START] = e.lineRange.start;
    d[o + LINE_END] = e.lineRange.end;
    d[o + RANGE_START] = e.range.start;
    d[o + RANGE_END] = e.range.end;
    d[o + HOUR] = e.clock ? e.clock.hour : -1;
    d[o + MINUTE] = e.clock ? e.clock.minute : 0;
    d[o + SECOND] = e.clock?.second ?? -1;
    d[o + FLAGS] =
      (e.clock?.meridiem === 'pm' ? MERIDIEM_PM : e.clock?.meridiem === 'am' ? MERIDIEM_AM : 0) |
      (e.clock?.endOfDay ? END_OF_DAY : 0) |
      (e.zoneExplicit ? ZONE_EXPLICIT : 0) |
      (e.date?.ambiguous ? AMBIGUOUS_DATE : 0);
    d[o + YEAR] = e.date?.year ?? -1;
    d[o + MONTH] = e.date ? e.date.month : 0;
    d[o + DAY] = e.date ? e.date.day : 0;
    d[o + ZONE] = e.zone ? this.zoneId(e.zone) : -1;
    d[o + ELAPSED] = e.elapsed !== undefined && Number.isInteger(e.elapsed) && Math.abs(e.elapsed) <= 0x7fffffff ? e.elapsed : NO_ELAPSED;
  }

  finish(): TimelineColumns {
    return { columns: this.data, count: this.n, zones: this.zones };
  }

  private zoneId(zone: ZoneFacts): number {
    const key = `${zone.text}\0${zone.offsetMinutes ?? ''}`;
    let id = this.zoneIndex.get(key);
    if (id === undefined) {
      id = this.zones.push(zone) - 1;
      this.zoneIndex.set(key, id);
    }
    return id;
  }
}

/** One entry as an object, made only for the entries a request looks at. */
export function entryAt(t: TimelineColumns, i: number): EntryFacts {
  const d = t.columns;
  const o = i * STRIDE;
  const flags = d[o + FLAGS]!;
  const hour = d[o + HOUR]!;
  const second = d[o + SECOND]!;
  const elapsed = d[o + ELAPSED]!;
  const zone = d[o + ZONE]!;
  const month = d[o + MONTH]!;
  const meridiem = flags & MERIDIEM_PM ? 'pm' : flags & MERIDIEM_AM ? 'am' : undefined;
  return {
    timeRange: { start: d[o + TIME_START]!, end: d[o + TIME_END]! },
    lineRange: { start: d[o + LINE_START]!, end: d[o + LINE_END]! },
    range: { start: d[o + RANGE_START]!, end: d[o + RANGE_END]! },
    ...(hour >= 0
      ? { clock: { hour, minute: d[o + MINUTE]!, ...(second >= 0 ? { second } : {}), ...(meridiem ? { meridiem } : {}), ...(flags & END_OF_DAY ? { endOfDay: true } : {}) } }
      : {}),
    ...(month > 0
      ? { date: { month, day: d[o + DAY]!, ...(d[o + YEAR]! >= 0 ? { year: d[o + YEAR]! } : {}), ...(flags & AMBIGUOUS_DATE ? { ambiguous: true } : {}) } }
      : {}),
    ...(zone >= 0 ? { zone: t.zones[zone]! } : {}),
    zoneExplicit: (flags & ZONE_EXPLICIT) !== 0,
    ...(elapsed === NO_ELAPSED ? {} : { elapsed }),
  };
}

/** The index of the entry whose timestamp holds the offset (rows are in document order), or -1. */
export function entryIndexAt(t: TimelineColumns, offset: number): number {
  const d = t.columns;
  let lo = 0;
  let hi = t.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < d[mid * STRIDE + TIME_START]!) hi = mid - 1;
    else if (offset > d[mid * STRIDE + TIME_END]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Where the timestamp of entry i ends, without making the whole entry. */
export function timeEndOf(t: TimelineColumns, i: number): number {
  return t.columns[i * STRIDE + TIME_END]!;
}

/** The timestamp as written and the entry's text after it, read from the analysed text. */
export function entryStrings(text: string, e: EntryFacts, maxText = 120): { written: string; text: string } {
  const written = text.slice(e.timeRange.start, Math.min(e.timeRange.end, e.timeRange.start + 80));
  const rest = text.slice(e.timeRange.end, Math.min(e.lineRange.end, e.timeRange.end + maxText * 2)).replace(/^[\s*_:\]).,–—|-]+/, '').replace(/[\s|]+$/, '');
  return { written, text: rest.length > maxText ? `${rest.slice(0, maxText - 1)}…` : rest };
}
