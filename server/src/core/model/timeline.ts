// Timeline entries: any line in the Timeline section that starts with a time (list items, lines of a
// paragraph, headings such as "### 13:35", table rows), with the date and zone in force for each.
import { findTimeMentions, findZoneDeclaration, looksLikeTimestampButUnreadable, parseLeadingTimestamp } from '../time';
import type { CalendarDate, TimeMention, TimeRangeMention, Zone } from '../time/types';
import type { MarkerKind, Template } from '../templates/types';
import type { RecycledArrays } from '../parse/recycle';
import { inDateOrder } from '../time/calendar';
import { detachString } from '../text/detach';
import { firstLineAtOrAfter, onLine, onLineOwned, type DocLine } from './doc-lines';
import type { Section, Timeline, TimelineEntry } from './types';

interface Context {
  text: string;
  lines: readonly DocLine[];
  sections: readonly Section[];
  template: Template;
  /** Ambiguous numeric dates are day-first (model/date-order.ts). */
  dayFirst: boolean;
  recycled: RecycledArrays;
  /** Date and zone of the incident, for entries that state neither. */
  date?: CalendarDate;
  zone?: Zone;
}

type Leading = TimeMention | TimeRangeMention;

function firstOf(m: Leading): TimeMention {
  return 'from' in m ? m.from : m;
}

/** Memo keys of the first cells' timestamps (constant strings: a key made per line cost a hash per line). */
const LEAD_KEYS = ['lead0', 'lead1', 'lead2', 'lead3'] as const;

/** The timestamp at the start of [start, end) of the line: slot 0 is the content, 1-3 the first cells. */
function leadingOf(text: string, line: DocLine, start: number, end: number, slot: number): Leading | null {
  const key = LEAD_KEYS[slot]!;
  const offset = start - line.start;
  const hit = line.memo[key] as { offset: number; lead: Leading | null } | undefined;
  if (hit !== undefined && hit.offset === offset) return hit.lead;
  // Parsed from a private copy: the mention's strings (the zone as written) stay out of the document.
  const lead = parseLeadingTimestamp(detachString(text.slice(start, end))) ?? null;
  line.memo[key] = { offset, lead };
  return lead;
}

/**
 * The part of a line a timestamp is read from: the content (slot 0), or for table rows the first
 * cell with a time (slots 1-3); -1 when none. Its timestamp is then in the line's memo (leadOf).
 */
function timedSlot(text: string, line: DocLine): number {
  if (line.kind === 'table-row') {
    if (line.header || !line.cells) return -1;
    for (let i = 0; i < 3 && i < line.cells.length; i++) {
      const cell = line.cells[i]!;
      if (leadingOf(text, line, cell.start, cell.end, i + 1)) return i + 1;
    }
    return -1;
  }
  return leadingOf(text, line, line.contentStart, line.contentEnd, 0) ? 0 : -1;
}

function leadOf(line: DocLine, slot: number): Leading {
  return (line.memo[LEAD_KEYS[slot]!] as { lead: Leading }).lead;
}

function partStart(line: DocLine, slot: number): number {
  return slot === 0 ? line.contentStart : line.cells![slot - 1]!.start;
}

function partEnd(line: DocLine, slot: number): number {
  return slot === 0 ? line.contentEnd : line.cells![slot - 1]!.end;
}

/** The entry's words after its timestamp (computed on a memo miss: onLine). */
function entryTextOf(line: DocLine, text: string): string {
  const slot = timedSlot(text, line);
  const after = text.slice(partStart(line, slot) + leadOf(line, slot).end, line.kind === 'table-row' ? line.end : line.contentEnd);
  return detachString(after.replace(/^[\s*_:\]).,–—-]+/, '').trim());
}

function unreadableContent(line: DocLine, text: string): string {
  return text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 80));
}

function isUnreadable(line: DocLine, text: string): boolean {
  return looksLikeTimestampButUnreadable(unreadableContent(line, text));
}

/** Whether nothing but punctuation follows the date: "### 2018-01-15", "**May 10, 2021**". */
function isDateOnlyLine(text: string, start: number, end: number, m: Leading): boolean {
  const first = firstOf(m);
  if (first.time || !first.date) return false;
  const rest = text.slice(start + m.end, end);
  return /^[\s*_:.,)\]-]*$/.test(rest.length > 40 ? rest.slice(0, 40) + 'x' : rest);
}

/** "All times are PST" on a line at the top of the timeline's body. */
function bodyZoneDeclaration(text: string, line: DocLine): Zone | undefined {
  const z = findZoneDeclaration(text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 300)));
  return z && /\b(all|times?)\b/i.test(text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 120))) ? z : undefined;
}

/**
 * The zone the timeline declares for its times ("## Timeline (all times UTC)", "All times in PST"
 * below the heading), read before the timeline itself: the summary's times written without a zone
 * are in it too.
 */
export function declaredTimelineZone(text: string, lines: readonly DocLine[], sections: readonly Section[]): Zone | undefined {
  const section = sections.find((s) => s.ids.includes('timeline'));
  if (!section) return undefined;
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
  const writtenDate = findTimeMentions(headerText).find((m) => m.date && !m.time)?.date;
  const headerDate = writtenDate && inDateOrder(writtenDate, ctx.dayFirst);
  if (headerDate) timeline.date = headerDate;

  let date: CalendarDate | undefined = headerDate ?? ctx.date;
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
  for (let i = firstLine; i < lines.length && lines[i]!.start < section.bodyRange.end; i++) {
    const line = lines[i]!;
    if (line.paragraphEnd !== undefined) paragraph = line.start;
    if (firstBodyLines < 2 && line.kind !== 'table-row') {
      firstBodyLines++;
      if (!timeline.declaredZone) {
        const z = bodyZoneDeclaration(text, line);
        if (z) timeline.declaredZone = { zone: z, range: { start: line.start, end: line.end } };
      }
    }
    const slot = timedSlot(text, line);
    if (slot < 0) {
      if (line.kind !== 'table-row' && onLine(line, 'unreadable', isUnreadable, text)) {
        timeline.unreadable.push({ range: { start: line.contentStart, end: line.contentEnd }, text: unreadableContent(line, text) });
      }
      continue;
    }
    const lead = leadOf(line, slot);
    const at = partStart(line, slot);
    if (isDateOnlyLine(text, at, partEnd(line, slot), lead)) {
      date = withYear(inDateOrder(firstOf(lead).date!, ctx.dayFirst), date);
      continue;
    }
    const first = firstOf(lead);
    // The entry keeps its timestamp as written (`mention`); its date is read in the document's order.
    const entryDate = first.date ? withYear(inDateOrder(first.date, ctx.dayFirst), date) : date;
    if (first.date) date = entryDate;
    if (first.zone) lastZone = first.zone;
    // A zone written on an entry carries to the next ones ("14:00 PST", "14:05"), unless the
    // timeline declares its zone ("All times UTC"): then that entry is an exception.
    const zone = first.zone ?? timeline.declaredZone?.zone ?? lastZone ?? ctx.zone;
    const t = first.time;
    // Keyed by where the timestamp was read (a table row may take it from another cell).
    const entryText = onLine(line, 'entryText', entryTextOf, text, lead);
    // Marker keywords are searched once per line text and template, not on every keystroke.
    const markers = onLineOwned(line, 'markers', entryText, markersOf, ctx.template, ctx.template);
    const groupAt = groups.ordinal(line, paragraph);
    const kept = line.memo.entry as KeptEntry | undefined;
    if (kept && kept.entry.line === line && kept.lead === lead && kept.entry.text === entryText && kept.entry.markers === markers && sameDate(kept.entry.date, entryDate) && sameZone(kept.entry.zone, zone)) {
      // The entry of the previous version, moved to where its line is now.
      const entry = kept.entry;
      entry.range.start = line.start;
      entry.lineRange.start = line.start;
      entry.lineRange.end = line.end;
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
      lineRange: { start: line.start, end: line.end },
      timeRange: { start: at + lead.start, end: at + lead.end },
      mention: lead,
      dateExplicit: first.date !== undefined,
      zoneExplicit: first.zone !== undefined,
      group: groupOf(line, groupAt),
      text: entryText,
      markers,
      line,
    };
    if (entryDate) entry.date = entryDate;
    if (zone) entry.zone = zone;
    if (t) entry.clock = t.endOfDay ? 24 * 60 : t.hour * 60 + t.minute + (t.second ?? 0) / 60;
    line.memo.entry = { entry, lead, groupAt } satisfies KeptEntry;
    entries[count++] = entry;
  }
  entries.length = count;
  timeline.entries = entries;
  setExtents(timeline.entries, section.range.end);
  return timeline;
}

function withYear(d: CalendarDate, context: CalendarDate | undefined): CalendarDate {
  return d.year !== undefined || context?.year === undefined ? d : { ...d, year: context.year };
}

/**
 * Perf (issue 7): an entry is kept in its line's memo and reused by the next version when what it
 * was read from is the same (the line's timestamp and text, the date and zone in force); only its
 * offsets are moved. Making 46,000 entries afresh was most of a keystroke's time at 5 MB. Like the
 * model's lines, an entry is valid until the next analysis with the same BlockCache. A block whose
 * text occurs twice shares its memo but not its DocLines, hence the check on the line.
 */
interface KeptEntry {
  entry: TimelineEntry;
  lead: Leading;
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

function groupOf(line: DocLine, at: number): string {
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
    if (line.kind === 'list-item') end = line.item!.range.end;
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

/** Whether the entry's text marks its milestones explicitly (`[resolved]`), not by keywords. */
export function hasExplicitMarkers(entryText: string): boolean {
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
  if (explicit.size > 0) return [...explicit];
  const lower = ` ${entryText.slice(0, 500).toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, ' ')} `;
  const found: MarkerKind[] = [];
  for (const [kind, words] of Object.entries(template.markers ?? {}) as [MarkerKind, string[]][]) {
    if (words.some((w) => saysWord(lower, ` ${w.toLowerCase()} `))) found.push(kind);
  }
  return found;
}

/** The marker word said, not denied: "no alert (the SLA check runs at 08:30)" detects nothing. */
function saysWord(lower: string, needle: string): boolean {
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
    if (!/ (?:no|not|never|without)$/.test(lower.slice(Math.max(0, at - 8), at))) return true;
  }
  return false;
}
