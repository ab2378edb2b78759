// Hovers: on a timeline timestamp, the time normalised (zone, UTC equivalent), how long after
// the incident start it was and the milestone it marks; on the duration statement, the
// arithmetic; on the Timeline heading, the incident metrics.
import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { toRange } from '../convert';
import { entryAt, entryIndexAt, entryStrings, type EntryFacts } from '../timeline-columns';
import { metricsTable, milestoneLines } from './metrics-hover';
import { formatClockTime, formatDate, formatDayMinutes, formatElapsed } from '../time-text';

export function entryMarkdown(entry: EntryFacts, written: string, base: string | undefined): string {
  const lines: string[] = [];
  const zone = entry.zone;
  const clock = entry.clock ? formatClockTime(entry.clock) : undefined;
  const date = entry.date ? formatDate(entry.date) : undefined;
  lines.push(`**${[clock, zone?.text].filter(Boolean).join(' ') || written}**${date ? ` · ${date}` : ''}`);
  if (clock && zone?.offsetMinutes !== undefined && zone.offsetMinutes !== 0 && entry.clock) {
    const local = entry.clock.hour * 60 + entry.clock.minute;
    const utc = local - zone.offsetMinutes;
    const shift = utc < 0 ? ' (the day before)' : utc >= 1440 ? ' (the next day)' : '';
    lines.push(`${formatDayMinutes(utc)} UTC${shift}`);
  } else if (clock && !zone) {
    lines.push('No time zone is written for this entry or declared for the timeline.');
  } else if (zone && zone.offsetMinutes === undefined) {
    lines.push(`The offset of ${zone.text} from UTC is not known.`);
  }
  if (entry.elapsed !== undefined && base) lines.push(`**${formatElapsed(entry.elapsed)}** since ${base}`);
  return lines.join('\n\n');
}

export async function hover(analyses: Analyses, params: HoverParams, token: CancellationToken): Promise<Hover | null> {
  const got = await analyses.factsFor(params.textDocument.uri, token);
  // Ranges must match the text the user sees: answer only from the current version.
  if (!got || !got.current || !got.facts.isPostmortem) return null;
  const { facts, doc } = got;
  const offset = doc.offsetAt(params.position);
  const timeline = facts.timeline;
  const index = timeline ? entryIndexAt(timeline, offset) : -1;
  if (timeline && index >= 0) {
    const entry = entryAt(timeline, index);
    const value = [entryMarkdown(entry, entryStrings(doc.getText(), entry).written, timeline.base), ...milestoneLines(facts.metrics, entry.timeRange)].join('\n\n');
    return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(doc, entry.timeRange) };
  }
  const duration = facts.duration;
  const range = duration?.ranges.find((r) => r.start <= offset && offset <= r.end);
  if (duration && range) return { contents: { kind: MarkupKind.Markdown, value: duration.markdown }, range: toRange(doc, range) };
  const section = facts.sections[timeline?.section ?? facts.sections.findIndex((s) => s.ids.includes('timeline'))];
  if (section && section.headerRange.start <= offset && offset <= section.headerRange.end) {
    return { contents: { kind: MarkupKind.Markdown, value: metricsTable(facts.metrics) }, range: toRange(doc, section.headerRange) };
  }
  return null;
}
