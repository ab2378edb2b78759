// The dates a document gives for its incident, with where each is written: the summary's window,
// a Date field, the timeline's dated entries. Shared by date-mismatch, action-item-overdue and
// the metrics command. Titles and file names are claims checked against these, never evidence.
import type { PostmortemModel } from '../../model/types';
import { findTimeMentions, findTimeRanges } from '../../time';
import { fileNameDate, spanFirstDay, spanStart } from '../../model/date-order';
export { fileNameDate };
import { memoByText } from '../../text/memo';
import { dayNumber, inDateOrder, withYearFrom } from '../../time/calendar';
import type { CalendarDate, TimeMention } from '../../time/types';
import type { TextRange } from '../../types';

export interface DatedEvidence {
  date: CalendarDate;
  range: TextRange;
  source: 'window' | 'date-field' | 'timeline';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const cache = new WeakMap<PostmortemModel, DatedEvidence[]>();
/** Remembered across keystrokes: a timeline can have hundreds of sub-section titles. */
const datesInTitle = memoByText((title) => findTimeMentions(title).filter((t) => t.date));

/** Every explicitly written date of the incident, in document order of their kind. */
export function incidentEvidence(model: PostmortemModel): DatedEvidence[] {
  let e = cache.get(model);
  if (!e) cache.set(model, (e = compute(model)));
  return e;
}

function compute(model: PostmortemModel): DatedEvidence[] {
  const out: DatedEvidence[] = [];
  const { start, end } = model.incident;
  for (const m of [start, end]) {
    const other = m === start ? end?.mention.date : start?.mention.date;
    // Only a date written in the window itself; one inherited from the title or the other end would
    // prove nothing. A day of its own with the year taken from the other end ("Oct 28 to Oct 29,
    // 2026") was written.
    const date0 = m?.mention.date;
    const ownDay = date0 !== undefined && (!m!.mention.inherited?.date || (other !== undefined && (other.month !== date0.month || other.day !== date0.day)));
    const written = ownDay ? date0 : undefined;
    if (!m || !written) continue;
    // "From 22:40 on Oct 28 to 01:05 on Oct 29, 2026": the year written once is both ends'.
    const date = written.year === undefined && other?.year !== undefined ? withYearFrom(written, other, m === start ? 'before' : 'after') : written;
    out.push({ date, range: m.range, source: 'window' });
  }
  for (const f of model.fields) {
    if (f.key !== 'date' || f.source === 'front-matter') continue;
    const d = findTimeMentions(f.value.slice(0, 200)).find((t) => t.date);
    if (d?.date) out.push({ date: spanStart(f.value, d.start, inDateOrder(d.date, model.dayFirst)), range: { start: f.valueRange.start + d.start, end: f.valueRange.start + d.end }, source: 'date-field' });
  }
  const entries = model.timeline?.entries ?? [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.dateExplicit && entry.date) out.push({ date: entry.date, range: entry.timeRange, source: 'timeline' });
  }
  // Dates heading the timeline or its days ("Timeline (May 20, 2024)", "### 2018-01-11").
  model.sections.forEach((section, i) => {
    if (!inTimeline(model, i)) return;
    for (const d of datesInTitle(section.title)) {
      out.push({ date: inDateOrder(d.date!, model.dayFirst), range: within(model, section.headerRange, section.title.slice(d.start, d.end)), source: 'timeline' });
    }
  });
  return out;
}

/** Where `written` (markup-free words) stands in `range`, else the whole range. */
function within(model: PostmortemModel, range: TextRange, written: string): TextRange {
  const at = model.text.slice(range.start, range.end).indexOf(written);
  return at >= 0 ? { start: range.start + at, end: range.start + at + written.length } : range;
}

function inTimeline(model: PostmortemModel, index: number): boolean {
  for (let i: number | undefined = index; i !== undefined; i = model.sections[i]!.parent) {
    if (model.sections[i]!.ids.includes('timeline')) return true;
  }
  return false;
}

/**
 * The incident's date, for a year to give "by June 3" and for grouping incidents: the summary's
 * window or a Date field, else the title's date, else the file name's, else the earliest dated
 * timeline entry (timelines often open with lead-up days, so they come last).
 */
export function incidentDate(model: PostmortemModel): CalendarDate | undefined {
  const evidence = incidentEvidence(model).filter((e) => e.date.year !== undefined);
  const stated = evidence.find((e) => e.source !== 'timeline');
  if (stated) return stated.date;
  const claimed = titleDate(model)?.date ?? fileNameDate(model.path);
  if (claimed) return claimed;
  return evidence.reduce<CalendarDate | undefined>((a, e) => (a === undefined || dayNumber(e.date) < dayNumber(a) ? e.date : a), undefined);
}

/** The first full date in the title ("2018-01-11, Hub 403"), with its document range when known. */
export function titleDate(model: PostmortemModel, yearless = false): { date: CalendarDate; first?: CalendarDate; range?: TextRange } | undefined {
  if (!model.title) return undefined;
  const text = model.title.text;
  // `yearless` also takes "on January 28" (the caller gives it a year).
  const mentions = findTimeMentions(text);
  const m = mentions.find((t) => t.date?.year !== undefined) ?? (yearless ? mentions.find((t) => t.date !== undefined) : undefined);
  if (!m?.date) return undefined;
  const date = inDateOrder(m.date, model.dayFirst);
  // A title dating a span gives its last day, with the first beside it.
  const span = spanEndingAt(text, m, date, model.dayFirst);
  const first = span && dayNumber(span.first) < dayNumber(date) ? span : undefined;
  // The title's text is markup-free; find the same words in the heading line for the range.
  if (model.title.range.end <= model.title.range.start) return { date, ...(first ? { first: first.first } : {}) };
  const range = within(model, model.title.range, text.slice(first?.start ?? m.start, m.end));
  return { date, ...(first ? { first: first.first } : {}), range };
}

/**
 * The span whose last day is the title's date `m`, with where it starts in the title: a range of
 * dates ("March 10–11, 2026", "Nov 30 – Dec 2, 2025": the time module reads the first end and gives
 * it the year), else a first day written before a day-first date ("3–6 March 2025").
 */
function spanEndingAt(text: string, m: TimeMention, date: CalendarDate, dayFirst: boolean): { first: CalendarDate; start: number } | undefined {
  const range = findTimeRanges(text).find((r) => r.to.start === m.start && !r.from.time && !r.to.time);
  if (range?.from.date) return { first: inDateOrder(range.from.date, dayFirst), start: range.from.start };
  const span = spanFirstDay(text, m.start);
  return span ? { first: { ...date, day: span.day }, start: span.start } : undefined;
}

/** Whole days from a to b; a missing year is taken from the other date. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const year = a.year ?? b.year;
  const other = b.year ?? a.year;
  return dayNumber({ ...b, ...(other !== undefined ? { year: other } : {}) }) - dayNumber({ ...a, ...(year !== undefined ? { year } : {}) });
}

/** "2024-07-01" when the year is known, else "Jul 1". */
export function formatDate(d: CalendarDate): string {
  if (d.year === undefined) return `${MONTHS[d.month - 1]} ${d.day}`;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A CalendarDate for a Date's UTC day. */
export function calendarDateOf(now: Date): CalendarDate {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}
