// A new timeline entry stamped "now" in the document's zone, written the way the document's other
// entries are written (list marker, bold, 12- or 24-hour clock, zone after the time or not).
import type { DocumentFacts } from '../analysis-protocol';
import { entryAt, type EntryFacts } from '../timeline-columns';
import { formatDayMinutes, formatOffset } from '../time-text';

export interface NewEntry {
  /** The line to insert, without a line break; the cursor goes at its end. */
  line: string;
  /** The timestamp alone, e.g. "14:05 UTC". */
  stamp: string;
}

/** Markup between a timestamp and the entry's text: ":** ", " - ", " | ". */
const AFTER_STAMP = /^[\s*_:)\]|.,–—-]*/;

function zoneName(facts: DocumentFacts): string {
  const z = facts.entryZone;
  return /^[+-]\d/.test(z.text) && z.offsetMinutes !== undefined ? formatOffset(z.offsetMinutes) : z.text;
}

/** The local minutes of the day now, in the document's zone. */
function nowInZone(facts: DocumentFacts, now: Date): number {
  return Math.floor(now.getTime() / 60_000) + (facts.entryZone.offsetMinutes ?? 0);
}

/** The entry a new one is modelled on: the one before the cursor, else the last. */
export function modelEntry(facts: DocumentFacts, before?: number): EntryFacts | undefined {
  const timeline = facts.timeline;
  if (!timeline) return undefined;
  let found: EntryFacts | undefined;
  let last: EntryFacts | undefined;
  for (let i = 0; i < timeline.count; i++) {
    const e = entryAt(timeline, i);
    if (!e.clock) continue;
    last = e;
    if (before !== undefined && e.lineRange.start <= before) found = e;
  }
  return found ?? last;
}

export function newEntry(text: string, facts: DocumentFacts, now: Date, like?: EntryFacts): NewEntry {
  const minutes = nowInZone(facts, now);
  if (!like) {
    const stamp = `${formatDayMinutes(minutes)} ${zoneName(facts)}`;
    return { line: `- **${stamp}:** `, stamp };
  }
  const clock = like.clock?.meridiem ? formatDayMinutes(minutes, '12h') : formatDayMinutes(minutes);
  const stamp = like.zoneExplicit ? `${clock} ${zoneName(facts)}` : clock;
  let prefix = text.slice(like.lineRange.start, like.timeRange.start);
  // "3. " becomes "4. " so a numbered list reads on.
  prefix = prefix.replace(/^(\s*)(\d{1,9})([.)]\s)/, (_, space: string, n: string, rest: string) => `${space}${Number(n) + 1}${rest}`);
  let after = AFTER_STAMP.exec(text.slice(like.timeRange.end, Math.min(like.lineRange.end, like.timeRange.end + 12)))?.[0] ?? '';
  if (!after.endsWith(' ')) after += ' ';
  return { line: `${prefix}${stamp}${after}`, stamp };
}
