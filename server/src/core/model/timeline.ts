// Timeline entries: any line in the Timeline section that starts with a time (list items, lines of a
// paragraph, headings such as "### 13:35", table rows), with the date and zone in force for each.
import { findTimeMentions, findZoneDeclaration, looksLikeTimestampButUnreadable, parseLeadingTimestamp, zoneOnDate } from '../time';
import type { CalendarDate, TimeMention, TimeRangeMention, Zone } from '../time/types';
import type { MarkerKind, Template } from '../templates/types';
import type { RecycledArrays } from '../parse/recycle';
import { dayNumber, inDateOrder, withNearestYear } from '../time/calendar';
import { detachString } from '../text/detach';
import { firstLineAtOrAfter, onLine, type DocLine } from './doc-lines';
import type { TextRange } from '../types';
import type { Section, Timeline, TimelineEntry } from './types';

interface Context {
  text: string;
  lines: readonly DocLine[];
  sections: readonly Section[];
  template: Template;
  /** Ambiguous numeric dates are day-first (model/date-order.ts). */
  dayFirst: boolean;
  recycled: RecycledArrays;
  /** "All times are Pacific Time" written above the timeline, near the top of the document. */
  documentZone?: { zone: Zone; range: TextRange };
  /** Date and zone of the incident, for entries that state neither. */
  date?: CalendarDate;
  zone?: Zone;
  /** The document's own date (title, Date field), whose year a yearless entry date takes for its zone. */
  documentDate?: CalendarDate;
}

type Leading = TimeMention | TimeRangeMention;

/**
 * A generic zone ("All times Eastern Time") takes the daylight offset on a summer date: the
 * entry's, with the document's year when the entry gives none, else the document's own.
 */
function zoneOnItsDate(zone: Zone | undefined, entryDate: CalendarDate | undefined, documentDate: CalendarDate | undefined): Zone | undefined {
  if (!zone?.ambiguousDst) return zone;
  const year = entryDate?.year ?? documentDate?.year;
  return zoneOnDate(zone, entryDate ? (year === undefined ? undefined : { ...entryDate, year }) : documentDate);
}

function firstOf(m: Leading): TimeMention {
  return 'from' in m ? m.from : m;
}

/** Memo keys of the line's readings (constant strings: a key made per line cost a hash per line). */
const LEAD_KEYS = ['lead0', 'lead1', 'lead2', 'lead3'] as const;

/**
 * What one part of a line (its content, or a table cell) gives an entry, read once per line text
 * and kept in the line's memo: slot 0 holds the content's (for a table row, the row's: RowMemo),
 * slots 1-3 the first three cells'. Offsets are relative to the part unless said otherwise.
 */
interface Reading {
  /** Where the part starts, relative to the line. */
  offset: number;
  /** The timestamp the part starts with; null when none. */
  lead: Leading | null;
  /** The time restated in brackets in another zone: "14:30 BST (13:30 UTC)" (restatementOf); null when none. */
  restated: Leading | null;
  /** Where the entry's words begin: after the timestamp, its restatement, and a table row's date cell (which may follow the part). */
  textFrom: number;
  /** Nothing but a date: "### 2018-01-15", "**May 10, 2021**", a table row of a date alone. */
  dateOnly: boolean;
  /** For a table row, the cells (0-based) its time and its date were read from (-1: none or not a table). */
  cell: number;
  dateCell: number;
}

/** One object shape for every reading: literals with their fields in another order (or spread) made several. */
function reading(offset: number, lead: Leading | null, restated: Leading | null, textFrom: number, dateOnly: boolean, cell: number, dateCell: number): Reading {
  return { offset, lead, restated, textFrom, dateOnly, cell, dateCell };
}

const NO_READING: Reading = Object.freeze(reading(0, null, null, 0, false, -1, -1));

/**
 * Slot 0 of a table row: the row's reading, or for a header row the zones its first column titles
 * declare ("Time (UTC)"). Which of the two is fixed by the line's text, like everything in a memo.
 */
type RowMemo = Reading | { zones: readonly (Zone | undefined)[] };

/** The reading of [start, end) of the line, the part in `slot` (slot 0 the content, 1-3 the first cells). */
function partReading(text: string, line: DocLine, start: number, end: number, slot: number): Reading {
  const key = LEAD_KEYS[slot]!;
  const offset = start - line.start;
  // Slot 0, every line's on every keystroke, by name: a load by a variable key is slower.
  const hit = (slot === 0 ? line.memo.lead0 : line.memo[key]) as Reading | undefined;
  if (hit !== undefined && hit.offset === offset) return hit;
  // Parsed from a private copy: the mention's strings (the zone as written) stay out of the document.
  const read = readPart(detachString(text.slice(start, end)), offset, slot - 1);
  line.memo[key] = read;
  return read;
}

function readPart(part: string, offset: number, cell: number): Reading {
  const lead = parseLeadingTimestamp(part) ?? null;
  if (!lead) return reading(offset, null, null, 0, false, cell, -1);
  const restated = restatementOf(part, lead);
  const dateOnly = isDateOnly(part, lead);
  return reading(offset, lead, restated, (restated ?? lead).end, dateOnly, cell, dateOnly ? cell : -1);
}

/** The reading of a line with a timestamp (memo hits allocate nothing); null when it has none. */
function readingOf(text: string, line: DocLine): Reading | null {
  const r = line.kind === 'table-row' ? rowReading(text, line) : partReading(text, line, line.contentStart, line.contentEnd, 0);
  return r.lead ? r : null;
}

function rowReading(text: string, line: DocLine): Reading {
  if (line.header || !line.cells) return NO_READING;
  const hit = line.memo.lead0 as Reading | undefined;
  if (hit !== undefined) return hit;
  const read = readRow(text, line, line.cells);
  line.memo.lead0 = read satisfies RowMemo;
  return read;
}

/** A line declaring the timeline's day, with no clock time of its own: "All times UTC on 2026-02-11." */
function bodyDateDeclaration(text: string, line: DocLine, dayFirst: boolean): CalendarDate | undefined {
  const head = text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 160));
  if (CLOCK_TIME.test(head) || !/\b(?:all\s+)?times?\b/i.test(head)) return undefined;
  const d = findTimeMentions(head).find((m) => m.date?.year !== undefined && !m.time)?.date;
  return d && inDateOrder(d, dayFirst);
}

function before(a: CalendarDate | undefined, b: CalendarDate | undefined): boolean {
  return a?.year !== undefined && b?.year !== undefined && dayNumber(a) < dayNumber(b);
}

/** The first cell of a table's total row. */
const TOTAL_ROW = /^[\s*_|]*(?:total(?: (?:duration|time|downtime|impact))?|duration|overall|elapsed|sum)[\s*_:|]*$/i;

/**
 * A row's timestamp is in the first of its first three cells that starts with one. A separate
 * Date column ("| 2026-08-18 | 03:10 | … |", or "| 03:10 | Aug 18 | … |") gives the row's date:
 * the entry is the time cell's, dated by the date cell. (Read alone, the date cell made every row
 * a date line, and the table had no entries.)
 */
function readRow(text: string, line: DocLine, cells: readonly TextRange[]): Reading {
  // "| **Duration** | 1 h 38 min | 14:02 → 15:40 |": a total under the entries, not one of them.
  const head = cells[0];
  if (head && TOTAL_ROW.test(text.slice(head.start, Math.min(head.end, head.start + 40)))) return NO_READING;
  const n = Math.min(3, cells.length);
  const cell = (i: number) => partReading(text, line, cells[i]!.start, cells[i]!.end, i + 1);
  let i = 0;
  while (i < n && !cell(i).lead) i++;
  if (i === n) return NO_READING;
  const first = cell(i);
  if (first.dateOnly) {
    for (let j = i + 1; j < n; j++) {
      const timed = cell(j);
      if (!timed.lead || !firstOf(timed.lead).time) continue;
      // A time cell with its own date needs no other.
      return firstOf(timed.lead).date ? timed : dated(timed, first, timed.textFrom);
    }
    return first;
  }
  const next = i + 1 < n && !firstOf(first.lead!).date ? cell(i + 1) : undefined;
  // The time first, then the date: the entry's words start after the date cell.
  if (next?.dateOnly && firstOf(first.lead!).time) return dated(first, next, next.offset - first.offset + next.textFrom);
  return first;
}

/** The time cell's reading with the date cell's date (as written: the timeline puts it in order). */
function dated(timed: Reading, date: Reading, textFrom: number): Reading {
  const d = firstOf(date.lead!).date!;
  return reading(timed.offset, withDate(timed.lead!, d), timed.restated && withDate(timed.restated, d), textFrom, false, timed.cell, date.cell);
}

function withDate(m: Leading, date: CalendarDate): Leading {
  return 'from' in m ? { ...m, from: { ...m.from, date } } : { ...m, date };
}

/** The zones a header row's first column titles declare: "| Date | Time (UTC) | Event |". */
function headerZones(text: string, line: DocLine): readonly (Zone | undefined)[] {
  const hit = line.memo.lead0 as { zones: readonly (Zone | undefined)[] } | undefined;
  if (hit !== undefined) return hit.zones;
  // Titles are short: a long cell is not a column title worth reading.
  const zones = (line.cells ?? []).slice(0, 3).map((c) => findZoneDeclaration(detachString(text.slice(c.start, Math.min(c.end, c.start + 80)))));
  line.memo.lead0 = { zones } satisfies RowMemo;
  return zones;
}

/** The zone the table's header gives a row: its time column's title, else its date column's. */
function columnZone(zones: readonly (Zone | undefined)[], r: Reading): Zone | undefined {
  return (r.cell >= 0 ? zones[r.cell] : undefined) ?? (r.dateCell >= 0 ? zones[r.dateCell] : undefined);
}

/** Between a timestamp and the bracket of its restatement: space, emphasis ("**14:30 BST** (13:30 UTC)"). */
const RESTATEMENT_OPEN = /^[\s*_]*[([][\s*_]*$/;
const RESTATEMENT_CLOSE = /^[\s*_]*[)\]]/;

/**
 * "14:30 BST (13:30 UTC)": the time restated in brackets in another zone, as one mention over
 * both with the bracketed time, date and zone. The entry takes it when the bracketed zone is the
 * timeline's (chosenLead): the author already wrote the time in the timeline's zone, and it is
 * the one to place the entry by. Null when the timestamp is not followed by one.
 */
function restatementOf(part: string, lead: Leading): Leading | null {
  if ('from' in lead || !lead.time || !lead.zone) return null;
  const rest = part.slice(lead.end, lead.end + 60);
  if (!/^[\s*_]*[([]/.test(rest)) return null;
  const inner = parseLeadingTimestamp(rest);
  if (!inner || 'from' in inner || !inner.time || !inner.zone || !RESTATEMENT_OPEN.test(rest.slice(0, inner.start))) return null;
  // The zone reader may have taken the closing bracket itself.
  const close = RESTATEMENT_CLOSE.exec(rest.slice(inner.end));
  const end = close ? inner.end + close[0].length : /[)\]]$/.test(rest.slice(0, inner.end)) ? inner.end : -1;
  if (end < 0) return null;
  const m: TimeMention = { start: lead.start, end: lead.end + end, time: inner.time, zone: inner.zone };
  const date = inner.date ?? lead.date;
  if (date) m.date = date;
  if (lead.approximate) m.approximate = true;
  return m;
}

/** The timestamp an entry is placed by: its restatement when that is in the zone in force and the written time is not. */
function chosenLead(r: Reading, inForce: Zone | undefined): Leading {
  const restated = r.restated;
  const offset = inForce?.offsetMinutes;
  if (!restated || offset === undefined) return r.lead!;
  return firstOf(restated).zone?.offsetMinutes === offset && firstOf(r.lead!).zone?.offsetMinutes !== offset ? restated : r.lead!;
}

/** The entry's words after its timestamp (computed on a memo miss: onLine). */
function entryTextOf(line: DocLine, text: string): string {
  const r = readingOf(text, line)!;
  const after = text.slice(line.start + r.offset + r.textFrom, line.kind === 'table-row' ? line.end : line.contentEnd);
  return detachString(after.replace(/^[\s*_:\]).,–—-]+/, '').trim());
}

function unreadableContent(line: DocLine, text: string): string {
  return text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 80));
}

function isUnreadable(line: DocLine, text: string): boolean {
  return looksLikeTimestampButUnreadable(unreadableContent(line, text));
}

/** Whether nothing but punctuation follows the date in the part. */
function isDateOnly(part: string, m: Leading): boolean {
  const first = firstOf(m);
  if (first.time || !first.date) return false;
  const rest = part.slice(m.end, m.end + 41);
  return /^[\s*_:.,)\]-]*$/.test(rest.length > 40 ? rest.slice(0, 40) + 'x' : rest);
}

/** "All times are PST" on a line at the top of the timeline's body. */
function bodyZoneDeclaration(text: string, line: DocLine): Zone | undefined {
  const head = text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 120));
  // An entry is not a declaration: "10:05 CET (09:05 UTC) — All queued payouts held" has clock
  // times of its own ("UTC+01:00" is an offset, not a time).
  if (CLOCK_TIME.test(head)) return undefined;
  const z = findZoneDeclaration(text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 300)));
  return z && /\b(all|times?)\b/i.test(head) ? z : undefined;
}

const CLOCK_TIME = /(?<![+\-−\d:])\d{1,2}[:.]\d\d(?!\d)/;

/**
 * The zone the timeline declares for its times ("## Timeline (all times UTC)", "All times in PST"
 * below the heading), read before the timeline itself: the summary's times written without a zone
 * are in it too.
 */
export function declaredTimelineZone(text: string, lines: readonly DocLine[], sections: readonly Section[]): Zone | undefined {
  const section = sections.find((s) => s.ids.includes('timeline'));
  if (!section) return documentZoneDeclaration(text, lines, sections)?.zone;
  const header = findZoneDeclaration(text.slice(section.headerRange.start, section.headerRange.end));
  if (header) return header;
  let seen = 0;
  for (let i = firstLineAtOrAfter(lines, section.bodyRange.start); i < lines.length && lines[i]!.start < section.bodyRange.end && seen < 2; i++) {
    const line = lines[i]!;
    if (line.kind === 'table-row') continue;
    seen++;
    const z = bodyZoneDeclaration(text, line);
    if (z) return z;
  }
  return documentZoneDeclaration(text, lines, sections)?.zone;
}

/** How far down the document a line declaring its zone is looked for. */
const DOCUMENT_ZONE_LINES = 40;

/**
 * "All times are Pacific Time." near the top of the document, above the timeline: it declares the
 * zone of every time written without one, the timeline's included.
 */
export function documentZoneDeclaration(text: string, lines: readonly DocLine[], sections: readonly Section[]): { zone: Zone; range: TextRange } | undefined {
  const timeline = sections.find((s) => s.ids.includes('timeline'));
  const before = timeline ? timeline.range.start : text.length;
  for (let i = 0; i < lines.length && i < DOCUMENT_ZONE_LINES && lines[i]!.start < before; i++) {
    const line = lines[i]!;
    if (line.kind === 'table-row' || line.kind === 'heading') continue;
    // A line that only declares ("All times are Pacific Time."): no clock times of its own, and
    // about times, not "for all customers" beside a window in UTC.
    const content = text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 200));
    if (/\d[:.]\d\d/.test(content) || !/\b(?:all\s+)?times?\s+(?:are|is|in|shown|given|listed|below|:)/i.test(content)) continue;
    const z = bodyZoneDeclaration(text, line);
    if (z) return { zone: z, range: { start: line.start, end: line.end } };
  }
  return undefined;
}

export function readTimeline(ctx: Context): Timeline | undefined {
  const sectionIndex = ctx.sections.findIndex((s) => s.ids.includes('timeline'));
  if (sectionIndex < 0) return undefined;
  const section = ctx.sections[sectionIndex]!;
  const { text } = ctx;
  const timeline: Timeline = { section: sectionIndex, entries: [], unreadable: [] };

  // "Timeline (all times UTC)", "Timeline of events (20th December 2023)", or the line below it.
  const headerText = text.slice(section.headerRange.start, section.headerRange.end);
  const headerZone = findZoneDeclaration(headerText);
  if (headerZone) timeline.declaredZone = { zone: headerZone, range: section.headerRange };
  // Declared above the timeline ("All times are Pacific Time." under the title), unless the
  // timeline's own first lines declare another.
  let declaredAbove = false;
  if (!timeline.declaredZone && ctx.documentZone) {
    timeline.declaredZone = { zone: ctx.documentZone.zone, range: ctx.documentZone.range };
    declaredAbove = true;
  }
  const writtenDate = findTimeMentions(headerText).find((m) => m.date && !m.time)?.date;
  const headerDate = writtenDate && inDateOrder(writtenDate, ctx.dayFirst);
  if (headerDate) timeline.date = headerDate;

  // The window's date as written ("on Saturday, March 2") may have no year: the document's gives it one.
  let date: CalendarDate | undefined = withYear(headerDate ?? ctx.date, undefined, ctx.documentDate);
  let lastZone: Zone | undefined;
  let paragraph = -1;
  let firstBodyLines = 0;
  const groups = new GroupOrdinals();
  const lines = ctx.lines;
  const firstLine = firstLineAtOrAfter(lines, section.bodyRange.start);
  // At most one entry per line of the section, filled by index and cut to length at the end: see
  // FRESH_MEMORY in doc-lines.ts.
  const entries = ctx.recycled.take<TimelineEntry>('timeline', firstLineAtOrAfter(lines, section.bodyRange.end) - firstLine);
  let count = 0;
  /** The zones the column titles of the table being read declare ("Time (UTC)"). */
  let columnZones: readonly (Zone | undefined)[] | undefined;
  /** Where the paragraph of the last list item ends: its wrapped lines are its text, not entries. */
  let itemParagraphEnd = -1;
  for (let i = firstLine; i < lines.length && lines[i]!.start < section.bodyRange.end; i++) {
    const line = lines[i]!;
    // "- 14:10 Alert fires for builds upgraded from\n  4.10 to 4.12": a list item's paragraph goes on
    // over its wrapped lines, which render as one line with it; "4.10 to 4.12" is no timestamp.
    if (line.kind === 'list-item') itemParagraphEnd = line.paragraphEnd ?? -1;
    else if (line.kind === 'text' && line.start < itemParagraphEnd) continue;
    if (line.paragraphEnd !== undefined) paragraph = line.start;
    if (firstBodyLines < 2 && line.kind !== 'table-row') {
      firstBodyLines++;
      if (!timeline.declaredZone || declaredAbove) {
        const z = bodyZoneDeclaration(text, line);
        if (z) {
          timeline.declaredZone = { zone: z, range: { start: line.start, end: line.end } };
          declaredAbove = false;
        }
      }
      // "All times UTC on 2026-02-11.": the day of the entries that give none.
      const declaredDay = timeline.date ? undefined : bodyDateDeclaration(text, line, ctx.dayFirst);
      if (declaredDay) date = timeline.date = declaredDay;
    }
    // A table's rows follow its header row: the titles hold until a line that is not a row.
    if (line.kind !== 'table-row') columnZones = undefined;
    else if (line.header) columnZones = headerZones(text, line);
    const reading = readingOf(text, line);
    if (!reading) {
      if (line.kind !== 'table-row' && onLine(line, 'unreadable', isUnreadable, text)) {
        timeline.unreadable.push({ range: { start: line.contentStart, end: line.contentEnd }, text: unreadableContent(line, text) });
      }
      continue;
    }
    if (reading.dateOnly) {
      date = withYear(inDateOrder(firstOf(reading.lead!).date!, ctx.dayFirst), date, ctx.documentDate);
      continue;
    }
    // A zone written on an entry carries to the next ones ("14:00 PST", "14:05"), unless the
    // timeline declares its zone ("All times UTC"): then that entry is an exception. A table's
    // column title ("Time (UTC)") is nearer to its rows than either.
    const inForce = (columnZones && columnZone(columnZones, reading)) ?? timeline.declaredZone?.zone ?? lastZone ?? ctx.zone;
    const lead = chosenLead(reading, inForce);
    const at = line.start + reading.offset;
    const first = firstOf(lead);
    // The entry keeps its timestamp as written (`mention`); its date is read in the document's order.
    const entryDate = first.date ? withYear(inDateOrder(first.date, ctx.dayFirst), date, ctx.documentDate) : date;
    // A lead-up entry dated before the day the timeline declares ("2026-01-21 14:10 IAM change")
    // does not date the entries after it: they are on the declared day.
    if (first.date && !before(entryDate, timeline.date)) date = entryDate;
    if (first.zone) lastZone = first.zone;
    const zone = zoneOnItsDate(first.zone ?? inForce, entryDate, ctx.documentDate);
    const t = first.time;
    const kept = line.memo.entry as KeptEntry | undefined;
    // Fixed by the line's text, which cannot change while its memo (and so `kept`) lives: the same
    // whichever timestamp of the reading the entry takes.
    const entryText = kept ? kept.entry.text : entryTextOf(line, text);
    // Marker keywords are searched once per line text and template, not on every keystroke.
    const markers = kept && kept.template === ctx.template ? kept.entry.markers : markersOf(entryText, ctx.template);
    const groupAt = groups.ordinal(line, paragraph);
    if (kept && kept.entry.line === line && kept.entry.mention === lead && kept.template === ctx.template && sameDate(kept.entry.date, entryDate) && sameZone(kept.entry.zone, zone)) {
      // The entry of the previous version, moved to where its line is now.
      const entry = kept.entry;
      entry.range.start = line.start;
      entry.timeRange.start = at + lead.start;
      entry.timeRange.end = at + lead.end;
      if (kept.groupAt !== groupAt) {
        entry.group = groupOf(line, groupAt);
        kept.groupAt = groupAt;
      }
      entries[count++] = entry;
      continue;
    }
    // One object shape for every entry, optional fields assigned after: spreading them in made
    // each entry a slow dictionary object (3 µs apiece, 15 ms a keystroke on a 500 KB timeline).
    const entry: TimelineEntry = {
      range: { start: line.start, end: line.end },
      // The line itself (a range, moved with the line), not a copy of its offsets.
      lineRange: line,
      timeRange: { start: at + lead.start, end: at + lead.end },
      mention: lead,
      dateExplicit: first.date !== undefined,
      zoneExplicit: first.zone !== undefined,
      group: groupOf(line, groupAt),
      text: entryText,
      markers,
      line,
      // In the literal even when undefined: assigned after, they took a property array per entry.
      date: entryDate,
      zone,
      clock: t && (t.endOfDay ? 24 * 60 : t.hour * 60 + t.minute + (t.second ?? 0) / 60),
    };
    line.memo.entry = { entry, template: ctx.template, groupAt } satisfies KeptEntry;
    entries[count++] = entry;
  }
  entries.length = count;
  timeline.entries = entries;
  setExtents(timeline.entries, section.range.end);
  return timeline;
}

/**
 * A date written without a year ("March 2", "### Sat, March 2") takes the year that puts it nearest
 * the date in force (so a timeline crossing Dec 31 goes on into the next year), else nearest the
 * document's own date. With neither, it stays yearless: the entries are still ordered among
 * themselves by it (rules/shared/timeline-placement.ts), and no year is made up here for rules
 * that compare dates.
 */
function withYear<D extends CalendarDate | undefined>(d: D, context: CalendarDate | undefined, documentDate: CalendarDate | undefined): D {
  if (d === undefined || d.year !== undefined) return d;
  const reference = context?.year !== undefined ? context : documentDate;
  return (reference?.year === undefined ? d : withNearestYear(d, reference)) as D;
}

/**
 * Perf (issue 7): an entry is kept in its line's memo and reused by the next version when what it
 * was read from is the same (the line's timestamp and text, the template, the date and zone in
 * force); only its offsets are moved. Making 46,000 entries afresh was most of a keystroke's time
 * at 5 MB. Like the model's lines, an entry is valid until the next analysis with the same
 * BlockCache. A block whose text occurs twice shares its memo but not its DocLines, hence the
 * check on the line. The entry's text and markers are the line's memo of them too (one object per
 * entry instead of three: ~4 MB at 5 MB).
 */
interface KeptEntry {
  entry: TimelineEntry;
  /** The template the entry's markers were read with. */
  template: Template;
  /** The number its group is named by (GroupOrdinals). */
  groupAt: number;
}

function sameDate(a: CalendarDate | undefined, b: CalendarDate | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.year === b.year && a.month === b.month && a.day === b.day && a.ambiguous === b.ambiguous);
}

function sameZone(a: Zone | undefined, b: Zone | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.text === b.text && a.offsetMinutes === b.offsetMinutes && a.abbreviation === b.abbreviation && a.ambiguousDst === b.ambiguousDst);
}

/**
 * Groups are told apart by what they are (a list by its start, a table by its end, a paragraph by
 * its start) but named by their order in the timeline: a name made of offsets changed for every
 * entry below a keystroke, and every kept entry needed a new string.
 */
class GroupOrdinals {
  private readonly lists = new Map<number, number>();
  private readonly tables = new Map<number, number>();
  private readonly paragraphs = new Map<number, number>();

  ordinal(line: DocLine, paragraph: number): number {
    switch (line.kind) {
      case 'list-item':
        return GroupOrdinals.of(this.lists, line.item!.listStart);
      case 'heading':
        return 0;
      case 'table-row':
        return GroupOrdinals.of(this.tables, line.containerEnd);
      default:
        return GroupOrdinals.of(this.paragraphs, paragraph);
    }
  }

  private static of(seen: Map<number, number>, at: number): number {
    let n = seen.get(at);
    if (n === undefined) seen.set(at, (n = seen.size));
    return n;
  }
}

/**
 * The last group name made, for the entries after it: an entry's group is nearly always the one
 * before it, and a string per entry was ~1.5 MB of a 5 MB timeline's memory (issue 7).
 */
let lastGroup = { kind: '', at: -1, depth: -1, name: '' };

function groupOf(line: DocLine, at: number): string {
  const last = lastGroup;
  if (last.kind === line.kind && last.at === at && last.depth === line.depth) return last.name;
  const name = groupName(line, at);
  lastGroup = { kind: line.kind, at, depth: line.depth, name };
  return name;
}

function groupName(line: DocLine, at: number): string {
  switch (line.kind) {
    case 'list-item':
      return `list:${at}:${line.depth}`;
    case 'heading':
      return `heading:${line.depth}`;
    case 'table-row':
      return `table:${at}`;
    default:
      return `text:${at}`;
  }
}

/**
 * Each entry runs to where the next entry of its own group starts, within its container: a list
 * item is its whole item; a line of a paragraph runs to the next timed line; a heading runs to the
 * next heading entry (its sub-section).
 */
function setExtents(entries: TimelineEntry[], sectionEnd: number): void {
  // The next entry of the same group, found in one backward pass (list items and table rows end
  // where their item or row does: they need none).
  const nextInGroup = new Map<TimelineEntry, TimelineEntry>();
  const seen = new Map<string, TimelineEntry>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.line.kind === 'list-item' || e.line.kind === 'table-row') continue;
    const next = seen.get(e.group);
    if (next) nextInGroup.set(e, next);
    seen.set(e.group, e);
  }
  entries.forEach((e) => {
    const line = e.line;
    let end: number;
    if (line.kind === 'list-item') end = line.item!.end;
    else if (line.kind === 'table-row') end = line.end;
    else {
      const next = nextInGroup.get(e);
      const limit = line.kind === 'heading' ? sectionEnd : Math.min(line.containerEnd, sectionEnd);
      end = next && next.line.start < limit ? next.line.start : limit;
    }
    // The entry's own range object, made in readTimeline: widened in place.
    e.range.end = Math.max(line.end, end);
  });
}

const EXPLICIT_MARKER = /\[(start|started|detected|detection|acknowledged|ack|mitigated|mitigation|resolved|resolution)\]/gi;
const EXPLICIT_KIND: Record<string, MarkerKind> = {
  start: 'start', started: 'start', detected: 'detected', detection: 'detected', acknowledged: 'acknowledged', ack: 'acknowledged',
  mitigated: 'mitigated', mitigation: 'mitigated', resolved: 'resolved', resolution: 'resolved',
};

/** The Google SRE book's markers, in capitals: "**OUTAGE BEGINS**", "**OUTAGE ENDS**". */
const CAPITAL_MARKER = /\b(?:OUTAGE|INCIDENT|IMPACT) (BEGINS|BEGAN|STARTS|ENDS|ENDED)\b/g;

/** Whether the entry's text marks its milestones explicitly (`[resolved]`), not by keywords. */
export function hasExplicitMarkers(entryText: string): boolean {
  if (entryText.includes(' BEGIN') || entryText.includes(' END') || entryText.includes(' START')) {
    CAPITAL_MARKER.lastIndex = 0;
    const found = CAPITAL_MARKER.test(entryText.slice(0, 2000));
    CAPITAL_MARKER.lastIndex = 0;
    if (found) return true;
  }
  // Most entries have no bracket at all: the metrics ask this of every marked entry on every keystroke.
  if (!entryText.includes('[')) return false;
  EXPLICIT_MARKER.lastIndex = 0;
  const found = EXPLICIT_MARKER.test(entryText.slice(0, 2000));
  EXPLICIT_MARKER.lastIndex = 0;
  return found;
}

/** Milestones an entry marks: explicit `[detected]` markers first, else the template's keywords. */
export function markersOf(entryText: string, template: Template): MarkerKind[] {
  const explicit = new Set<MarkerKind>();
  for (const m of entryText.slice(0, 2000).matchAll(EXPLICIT_MARKER)) explicit.add(EXPLICIT_KIND[m[1]!.toLowerCase()]!);
  for (const m of entryText.slice(0, 2000).matchAll(CAPITAL_MARKER)) explicit.add(m[1]!.startsWith('END') ? 'resolved' : 'start');
  if (explicit.size > 0) return [...explicit];
  const lower = markerText(entryText.slice(0, 500));
  let found: MarkerKind[] | undefined;
  for (const [kind, needles] of keywordsOf(template)) {
    if (needles.some((needle) => saysWord(lower, needle, kind))) (found ??= []).push(kind);
  }
  // Memory (issue 7): most entries have no marker, and an array grown by push keeps room for 17
  // elements (~180 bytes): one shared empty array instead, and the others cut to their length.
  return found === undefined ? NO_MARKERS : found.slice();
}

/** The markers of an entry that has none; frozen, since every such entry shares it. */
const NO_MARKERS: MarkerKind[] = Object.freeze([]) as unknown as MarkerKind[];

/**
 * Words in lower case, one space apart, with " . " where a sentence ends and " , " where a clause
 * breaks (";", ",", brackets, a dash): the denials below look no further than these. Apostrophes
 * become spaces, in the keywords too, so "ack'd" and "ack’d" read alike.
 */
function markerText(text: string): string {
  const words = text.toLowerCase().replace(/([.!?]+(?=\s|$))|([;,()[\]\u2013\u2014]|\s-\s)|[^\p{L}\p{N}-]+/gu, (_, end?: string, brk?: string) => (end ? ' . ' : brk ? ' , ' : ' '));
  return ` ${words.replace(/ {2,}/g, ' ').trim()} `;
}

const KEYWORDS = new WeakMap<Template, [MarkerKind, string[]][]>();

/** The template's keywords as searched (" rolled back "), normalized once per template, not per entry. */
function keywordsOf(template: Template): [MarkerKind, string[]][] {
  let kept = KEYWORDS.get(template);
  if (!kept) {
    kept = (Object.entries(template.markers ?? {}) as [MarkerKind, string[]][]).map(([kind, words]) => [kind, words.map(markerText).filter((w) => w.trim() !== '')]);
    KEYWORDS.set(template, kept);
  }
  return kept;
}

/** The marker word said, not denied: "no alert (the SLA check runs at 08:30)" detects nothing. */
function saysWord(lower: string, needle: string, kind: MarkerKind): boolean {
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
    if (/ (?:no|not|never|without)$/.test(lower.slice(Math.max(0, at - 8), at))) continue;
    if (kind === 'acknowledged' && isPaged(lower, at, at + needle.length - 1)) continue;
    if ((kind === 'mitigated' || kind === 'resolved') && didNotHappen(lower, at, at + needle.length - 1)) continue;
    return true;
  }
  return false;
}

/** A verb of paging before the word ("alert pages the on-call", "alerts the on-call"), or a passive after it ("on-call engineer was paged"). */
const PAGED_BEFORE = / (?:pages|paged|paging|alerted|alerting|notifies|notified|notifying|wakes|woke|calls|called|(?:page|alert|alerts|notify|wake|call) (?:the|an|a|our|their))(?: the| an| a| our| their)?(?: [\p{L}-]{2,20})?$/u;
const PAGED_AFTER = /^(?: [\p{L}-]+)?(?: is| was| gets| got| been| being)? (?:paged|alerted|notified|woken) /u;

/**
 * Whether the acknowledgement word (the template's "on-call") names who was paged: paging the
 * on-call is the detection; the acknowledgement is the on-call answering.
 */
function isPaged(lower: string, at: number, end: number): boolean {
  return PAGED_BEFORE.test(lower.slice(Math.max(0, at - 24), at)) || PAGED_AFTER.test(lower.slice(end, end + 40));
}

/** Tried, not done, anywhere in the word's clause: "attempted to restart", "workaround attempted". */
const ATTEMPT = / (?:attempt|attempts|attempted|attempting|try|tries|tried|trying) /;
/** Not (yet) so, before the word in its clause: "failed to come back online", "until error is resolved". */
const NOT_YET = / (?:failed to|fails to|unable to|until|cannot|can t|could not|couldn t|not yet) /;
/** Done to no effect, in the word's clause or later in its sentence: "rolled back; no change in lag". */
const NO_EFFECT = / (?:no (?:change|effect|improvement|difference|luck)|(?:did|does|do|has|had) not (?:help|work|fix|resolve|change|improve)|(?:didn|doesn|don|hasn|hadn) t (?:help|work|fix|resolve|change|improve)|without (?:effect|success|improvement)|to no avail|unsuccessful|ineffective) /;

/**
 * Whether the mitigation or resolution at [at, end] (the needle's spaces) was only tried, failed,
 * or changed nothing. The search stays in the word's sentence, and before the word in its clause:
 * "restart did not help; rolled back, errors stop" mitigates. The text is at most 500 characters.
 */
function didNotHappen(lower: string, at: number, end: number): boolean {
  // From the space that opens the clause: the break's last space, or the text's first.
  const breakAt = Math.max(lower.lastIndexOf(' , ', at), lower.lastIndexOf(' . ', at));
  const clauseStart = breakAt < 0 ? 0 : breakAt + 2;
  const clauseEnd = nearest(lower.indexOf(' , ', end), lower.indexOf(' . ', end), lower.length - 1) + 1;
  const sentenceEnd = nearest(lower.indexOf(' . ', end), lower.length - 1) + 1;
  return ATTEMPT.test(lower.slice(clauseStart, clauseEnd)) || NOT_YET.test(lower.slice(clauseStart, at + 1)) || NO_EFFECT.test(lower.slice(clauseStart, sentenceEnd));
}

/** The smallest index found (-1 is not found). */
function nearest(...found: number[]): number {
  let best = Infinity;
  for (const i of found) if (i >= 0 && i < best) best = i;
  return best;
}
