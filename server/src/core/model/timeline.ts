// Timeline entries: any line in the Timeline section that starts with a time (list items, lines of a
// paragraph, headings such as "### 13:35", table rows), with the date and zone in force for each.
import { findTimeMentions, findZoneDeclaration, looksLikeTimestampButUnreadable, parseLeadingTimestamp } from '../time';
import type { CalendarDate, TimeMention, TimeRangeMention, Zone } from '../time/types';
import type { MarkerKind, Template } from '../templates/types';
import type { TextRange } from '../types';
import { detachString } from '../text/detach';
import { onLine, onLineOwned, type DocLine } from './doc-lines';
import type { Section, Timeline, TimelineEntry } from './types';

interface Context {
  text: string;
  lines: readonly DocLine[];
  sections: readonly Section[];
  template: Template;
  /** Date and zone of the incident, for entries that state neither. */
  date?: CalendarDate;
  zone?: Zone;
}

type Leading = TimeMention | TimeRangeMention;

function firstOf(m: Leading): TimeMention {
  return 'from' in m ? m.from : m;
}

function leadingOf(text: string, line: DocLine, range: TextRange): Leading | null {
  const key = `lead:${range.start - line.start}`;
  let lead = line.memo.get(key) as Leading | null | undefined;
  if (lead === undefined) {
    // Parsed from a private copy: the mention's strings (the zone as written) stay out of the document.
    lead = parseLeadingTimestamp(detachString(text.slice(range.start, range.end))) ?? null;
    line.memo.set(key, lead);
  }
  return lead ?? null;
}

/** The part of a line a timestamp is read from: the content, or for table rows the first cell with a time. */
function timedPart(text: string, line: DocLine): { range: TextRange; lead: Leading } | undefined {
  if (line.kind === 'table-row') {
    if (line.header || !line.cells) return undefined;
    for (const cell of line.cells.slice(0, 3)) {
      const lead = leadingOf(text, line, cell);
      if (lead) return { range: cell, lead };
    }
    return undefined;
  }
  const range = { start: line.contentStart, end: line.contentEnd };
  const lead = leadingOf(text, line, range);
  return lead ? { range, lead } : undefined;
}

/** Whether nothing but punctuation follows the date: "### 2018-01-15", "**May 10, 2021**". */
function isDateOnlyLine(text: string, range: TextRange, m: Leading): boolean {
  const first = firstOf(m);
  if (first.time || !first.date) return false;
  const rest = text.slice(range.start + m.end, range.end);
  return /^[\s*_:.,)\]-]*$/.test(rest.length > 40 ? rest.slice(0, 40) + 'x' : rest);
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
  const headerDate = findTimeMentions(headerText).find((m) => m.date && !m.time)?.date;
  if (headerDate) timeline.date = headerDate;

  let date: CalendarDate | undefined = headerDate ?? ctx.date;
  let lastZone: Zone | undefined;
  let paragraph = -1;
  let firstBodyLines = 0;
  const lines = ctx.lines;
  const inSection = lines.filter((l) => l.start >= section.bodyRange.start && l.start < section.bodyRange.end);
  for (let i = 0; i < inSection.length; i++) {
    const line = inSection[i]!;
    if (line.paragraphEnd !== undefined) paragraph = line.start;
    if (firstBodyLines < 2 && line.kind !== 'table-row') {
      firstBodyLines++;
      if (!timeline.declaredZone) {
        const z = findZoneDeclaration(text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 300)));
        if (z && /\b(all|times?)\b/i.test(text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 120)))) {
          timeline.declaredZone = { zone: z, range: { start: line.start, end: line.end } };
        }
      }
    }
    const part = timedPart(text, line);
    if (!part) {
      const content = text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 80));
      if (line.kind !== 'table-row' && onLine(line, 'unreadable', content, () => looksLikeTimestampButUnreadable(content))) {
        timeline.unreadable.push({ range: { start: line.contentStart, end: line.contentEnd }, text: content });
      }
      continue;
    }
    const { lead, range } = part;
    if (isDateOnlyLine(text, range, lead)) {
      date = withYear(firstOf(lead).date!, date);
      continue;
    }
    const first = firstOf(lead);
    const entryDate = first.date ? withYear(first.date, date) : date;
    if (first.date) date = entryDate;
    if (first.zone) lastZone = first.zone;
    const zone = first.zone ?? lastZone ?? timeline.declaredZone?.zone ?? ctx.zone;
    const t = first.time;
    const after = text.slice(range.start + lead.end, line.kind === 'table-row' ? line.end : line.contentEnd);
    const entryText = onLine(line, 'entry-text', after, () => detachString(after.replace(/^[\s*_:\]).,–—-]+/, '').trim()));
    // One object shape for every entry, optional fields assigned after: spreading them in made
    // each entry a slow dictionary object (3 µs apiece, 15 ms a keystroke on a 500 KB timeline).
    const entry: TimelineEntry = {
      range: { start: line.start, end: line.end },
      lineRange: { start: line.start, end: line.end },
      timeRange: { start: range.start + lead.start, end: range.start + lead.end },
      mention: lead,
      dateExplicit: first.date !== undefined,
      zoneExplicit: first.zone !== undefined,
      group: groupOf(line, paragraph),
      text: entryText,
      // Marker keywords are searched once per line text and template, not on every keystroke.
      markers: onLineOwned(line, 'markers', entryText, () => markersOf(entryText, ctx.template), ctx.template),
      line,
    };
    if (entryDate) entry.date = entryDate;
    if (zone) entry.zone = zone;
    if (t) entry.clock = t.endOfDay ? 24 * 60 : t.hour * 60 + t.minute + (t.second ?? 0) / 60;
    timeline.entries.push(entry);
  }
  setExtents(timeline.entries, section.range.end);
  return timeline;
}

function withYear(d: CalendarDate, context: CalendarDate | undefined): CalendarDate {
  return d.year !== undefined || context?.year === undefined ? d : { ...d, year: context.year };
}

function groupOf(line: DocLine, paragraph: number): string {
  switch (line.kind) {
    case 'list-item':
      return `list:${line.item!.listStart}:${line.depth}`;
    case 'heading':
      return `heading:${line.depth}`;
    case 'table-row':
      return `table:${line.containerEnd}`;
    default:
      return `text:${paragraph}`;
  }
}

/**
 * Each entry runs to where the next entry of its own group starts, within its container: a list
 * item is its whole item; a line of a paragraph runs to the next timed line; a heading runs to the
 * next heading entry (its sub-section).
 */
function setExtents(entries: TimelineEntry[], sectionEnd: number): void {
  // The next entry of the same group, found in one backward pass.
  const nextInGroup: (TimelineEntry | undefined)[] = new Array(entries.length);
  const seen = new Map<string, TimelineEntry>();
  for (let i = entries.length - 1; i >= 0; i--) {
    nextInGroup[i] = seen.get(entries[i]!.group);
    seen.set(entries[i]!.group, entries[i]!);
  }
  entries.forEach((e, i) => {
    const line = e.line;
    let end: number;
    if (line.kind === 'list-item') end = line.item!.range.end;
    else if (line.kind === 'table-row') end = line.end;
    else {
      const next = nextInGroup[i];
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
    if (words.some((w) => lower.includes(` ${w.toLowerCase()} `))) found.push(kind);
  }
  return found;
}
