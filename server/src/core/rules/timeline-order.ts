import type { PostmortemModel } from '../model/types';
import { snapOffset } from '../text/boundaries';
import type { Fix } from '../types';
import { defineRule } from './rule';
import { datedEntryTime } from './shared/clock';
import { lineIndicesWithin } from './shared/headings';
import { placeTimeline, type PlacedEntry } from './shared/timeline-placement';

/** Splits a segment into the entry's own text and the line breaks / blank space after it. */
function splitTrailing(segment: string): [string, string] {
  let end = segment.length;
  while (end > 0 && /\s/.test(segment[end - 1]!)) end--;
  return [segment.slice(0, end), segment.slice(end)];
}

/**
 * Sorting one group of entries (one list, one paragraph, one table, headings of one level): each
 * entry's text moves whole; what lies between entries stays where it is.
 */
export function sortFix(model: PostmortemModel, group: PlacedEntry[]): Fix | undefined {
  if (group.length < 2) return undefined;
  const ranges = group.map((p) => p.entry.range);
  const start = ranges[0]!.start;
  const end = ranges[ranges.length - 1]!.end;
  const bodies: string[] = [];
  const gaps: string[] = [];
  let tail = '';
  ranges.forEach((r, i) => {
    const [body, trailing] = splitTrailing(model.text.slice(r.start, r.end));
    bodies.push(body);
    const next = ranges[i + 1];
    if (next) gaps.push(trailing + model.text.slice(r.end, next.start));
    else tail = trailing;
  });
  const order = group.map((p, i) => ({ p, i })).sort((a, b) => a.p.at - b.p.at || a.i - b.i);
  if (order.every((o, i) => o.i === i)) return undefined;
  let newText = '';
  order.forEach((o, k) => {
    newText += bodies[o.i]!;
    if (k < gaps.length) newText += gaps[k]!;
  });
  newText += tail;
  // Anything but blank space between entries (an untimed note) would end up beside another entry.
  const safe = gaps.every((g) => g.trim() === '') && keepsMeaningWhenMoved(group) && !movesHeadings(model, group, start, end);
  return { title: 'Sort the timeline by time', safe, edits: [changedPart(model.text, start, end, newText)] };
}

/**
 * The edit reduced to what changes: the entries that stay in place at either end are left out.
 * The last entry of a timeline can run on to the end of its section; an edit over all of it
 * overlapped other fixes there ("make it a heading" on a label below), so fix-all applied only
 * one of them and a second run changed the text again.
 */
function changedPart(text: string, start: number, end: number, newText: string): { start: number; end: number; newText: string } {
  let head = 0;
  const max = Math.min(end - start, newText.length);
  while (head < max && text.charCodeAt(start + head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && text.charCodeAt(end - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)) tail++;
  // Never cut inside a surrogate pair or a CRLF (nor leave the original span).
  const from = Math.max(start, snapOffset(text, start + head, 'back'));
  const to = Math.min(end, snapOffset(text, end - tail, 'forward'));
  return { start: from, end: to, newText: newText.slice(from - start, newText.length - (end - to)) };
}

const sectionStarts = new WeakMap<PostmortemModel, Set<number>>();

/**
 * A heading entry ("### 13:35") runs to the next entry of its level, past any other heading or
 * section title in between ("## Impact", "**Root Cause:**" read as nested under it): sorting
 * would carry that section away into the middle of the timeline.
 */
function movesHeadings(model: PostmortemModel, group: readonly PlacedEntry[], start: number, end: number): boolean {
  let starts = sectionStarts.get(model);
  if (!starts) sectionStarts.set(model, (starts = new Set(model.sections.map((s) => s.headerRange.start))));
  const entryLines = new Set(group.map((p) => p.entry.line.start));
  const { from, to } = lineIndicesWithin(model, { start, end });
  for (let i = from; i < to; i++) {
    const l = model.lines[i]!;
    if ((l.kind === 'heading' || starts.has(l.start)) && !entryLines.has(l.start)) return true;
  }
  return false;
}

/**
 * Entries take the date, year and zone of the last entry that wrote one. When only some entries
 * of the group write them, sorting changes what the others inherit: "2015-01-02" then "January 1"
 * sorted puts "January 1" first, where it takes another year and sorts back on the next run. The
 * sort is safe only when every entry states the same kind of date (full, without a year, or none)
 * and either every entry or none states its zone.
 */
function keepsMeaningWhenMoved(group: readonly PlacedEntry[]): boolean {
  const dateKind = (p: PlacedEntry) => {
    const first = 'from' in p.entry.mention ? p.entry.mention.from : p.entry.mention;
    return !first.date ? 'none' : first.date.year === undefined ? 'partial' : 'full';
  };
  const kind = dateKind(group[0]!);
  const zoned = group[0]!.entry.zoneExplicit;
  return group.every((p) => dateKind(p) === kind && p.entry.zoneExplicit === zoned);
}

/** Groups of placed entries that can be sorted together, with the fix for each. */
export function timelineSortFixes(model: PostmortemModel): Map<string, Fix> {
  const placement = placeTimeline(model);
  const byGroup = new Map<string, PlacedEntry[]>();
  for (const p of placement.placed) {
    const list = byGroup.get(p.entry.group) ?? [];
    list.push(p);
    byGroup.set(p.entry.group, list);
  }
  // Entries per group, counted once: filtering all entries for each group was quadratic when
  // every entry is its own group (50k timestamped paragraphs took minutes).
  const sizes = new Map<string, number>();
  for (const e of model.timeline?.entries ?? []) sizes.set(e.group, (sizes.get(e.group) ?? 0) + 1);
  const fixes = new Map<string, Fix>();
  for (const [group, entries] of byGroup) {
    // Entries without a readable time would be left behind by a sort: only whole groups sort.
    if (sizes.get(group) !== entries.length) continue;
    const fix = sortFix(model, entries);
    if (fix) fixes.set(group, fix);
  }
  return fixes;
}

export default defineRule({
  id: 'timeline-order',
  description: 'A timeline entry is earlier than the entry before it (midnight is understood when the window or dates say the incident crossed it).',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const placement = placeTimeline(model);
    const problems = placement.problems.filter((p) => p.kind === 'out-of-order');
    if (problems.length === 0) return;
    const fixes = timelineSortFixes(model);
    const ambiguousGroups = new Set(placement.problems.filter((p) => p.kind === 'ambiguous-midnight').map((p) => p.entry.entry.group));
    for (const problem of problems) {
      const e = problem.entry.entry;
      const fix = fixes.get(e.group);
      const safeFix = fix && !ambiguousGroups.has(e.group) ? fix : fix ? { ...fix, safe: false } : undefined;
      const prev = problem.previous.entry;
      // Across zones, say what the time is in the previous entry's zone: "23:00 MST is 22:00 PST".
      let conversion = '';
      const from = e.zone?.offsetMinutes;
      const to = prev.zone?.offsetMinutes;
      if (from !== undefined && to !== undefined && from !== to && e.zone && prev.zone) {
        const local = (((Math.round(problem.entry.at) + to) % 1440) + 1440) % 1440;
        conversion = ` (that is ${String(Math.floor(local / 60)).padStart(2, '0')}:${String(local % 60).padStart(2, '0')} ${prev.zone.text})`;
      }
      report({
        message: `Timeline out of order: ${datedEntryTime(model, e, prev.date)}${conversion} comes after ${datedEntryTime(model, prev, e.date)}.`,
        range: e.timeRange,
        data: { previousLine: model.index.position(problem.previous.entry.timeRange.start).line },
        ...(safeFix ? { fixes: [safeFix] } : {}),
      });
    }
  },
});
