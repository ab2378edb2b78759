// The incident window as the document states it: a Duration field, Start/End fields, front matter,
// or the summary's first sentence that gives a range ("from 10:05 AM to 10:15 AM WAT").
import { findDurations, findTimeMentions, findTimeRanges, toUtcMinutes, zoneOnDate } from '../time';
import { dayNumber, inDateOrder, YEARLESS_REFERENCE_YEAR } from '../time/calendar';
import type { CalendarDate, TimeMention, TimeRangeMention, Zone } from '../time/types';
import type { TextRange } from '../types';
import type { DocLine } from './doc-lines';
import { introOf } from './sections';
import type { Field, Incident, Moment, Section, StatedDuration } from './types';

interface Context {
  text: string;
  lines: readonly DocLine[];
  sections: readonly Section[];
  fields: readonly Field[];
  /** A date for times stated without one (the document's date field, title...). */
  date?: CalendarDate;
  zone?: Zone;
  /** Ambiguous numeric dates are day-first (model/date-order.ts). */
  dayFirst: boolean;
}

/** Time mentions in `text`, their dates read in the document's order. */
function mentionsIn(text: string, ctx: Context): TimeMention[] {
  const found = findTimeMentions(text);
  return ctx.dayFirst ? found.map((m) => inOrder(m, true)) : found;
}

function inOrder(m: TimeMention, dayFirst: boolean): TimeMention {
  return m.date?.ambiguous ? { ...m, date: inDateOrder(m.date, dayFirst) } : m;
}

export function moment(mention: TimeMention, offset: number, ctx: { date?: CalendarDate; zone?: Zone }): Moment | undefined {
  if (!mention.time && !mention.date) return undefined;
  const date = mention.date?.year !== undefined ? mention.date : mention.date ? { ...mention.date, year: ctx.date?.year } : ctx.date;
  const dateKnown = date?.year !== undefined;
  // "7:05 PM Eastern Time" in July is EDT.
  const zone = zoneOnDate(mention.zone ?? ctx.zone, dateKnown ? date : undefined);
  const time = mention.time ?? { hour: 0, minute: 0 };
  return {
    minutes: toUtcMinutes(dateKnown ? date : undefined, time, zone),
    dateKnown,
    zoneKnown: zone?.offsetMinutes !== undefined,
    range: { start: offset + mention.start, end: offset + mention.end },
    mention,
  };
}

/** `slice`: the text of `range` as read (a wrapped paragraph's with its line breaks as spaces: softJoined). */
function durationsIn(text: string, range: TextRange, slice = text.slice(range.start, range.end)): StatedDuration[] {
  return findDurations(slice).map((d) => ({
    mention: d,
    range: { start: range.start + d.start, end: range.start + d.end },
  }));
}

/** Start and end from a piece of text holding a range ("14:00 - 16:30 UTC"). */
function windowIn(text: string, range: TextRange, ctx: Context, slice = text.slice(range.start, range.end)): { start: Moment; end: Moment } | undefined {
  const r = wholeRange(findTimeRanges(slice));
  if (r) {
    // "On 2026-08-18 writes failed from 03:10 to 05:25 UTC": a date the sentence gives on its own.
    const dayOf = r.from.date || r.to.date ? undefined : mentionsIn(slice, ctx).find((m) => m.date?.year !== undefined && !m.time && (m.end <= r.start || m.start >= r.end))?.date;
    const fromWritten = dayOf ? { ...r.from, date: dayOf } : r.from;
    const from = mergeContext(inOrder(fromWritten, ctx.dayFirst), inOrder(r.to, ctx.dayFirst));
    const to = mergeContext(inOrder(r.to, ctx.dayFirst), from);
    const start = moment(from, range.start, ctx);
    const end = moment(to, range.start, endContext(from, ctx));
    if (start && end) return { start, end: rollForward(start, end) };
  }
  // "starting at 08:30 AM and ending at 10:15 AM UTC"
  const mentions = mentionsIn(slice, ctx).filter((m) => m.time);
  if (mentions.length >= 2) {
    const lower = slice.toLowerCase();
    const a = mentions[0]!;
    // The same time in another zone, in brackets, is not the end: "from 16:02 UTC (09:02 PDT) to 19:10 UTC".
    const b = mentions.slice(1).find((m) => !/[([/]\s*$/.test(slice.slice(Math.max(0, m.start - 3), m.start)));
    const before = (m: TimeMention) => lower.slice(Math.max(0, m.start - 40), m.start);
    if (b && /\b(start|began|begin|from|since)/.test(before(a)) && /\b(end|until|till|to|resolved|restored|recovered)/.test(before(b))) {
      const from = mergeContext(a, b);
      const start = moment(from, range.start, ctx);
      const end = moment(mergeContext(b, from), range.start, endContext(from, ctx));
      if (start && end) return { start, end: rollForward(start, end) };
    }
  }
  return undefined;
}

/**
 * The one range a piece of text gives for its window. Phases that follow on from each other
 * ("full outage 13:05–13:48 UTC, partial recovery 13:48–16:17 UTC") make one window from the first
 * start to the last end; ranges with gaps between them (or out of order) say no single window.
 */
function wholeRange(ranges: readonly TimeRangeMention[]): TimeRangeMention | undefined {
  const first = ranges[0];
  if (!first || ranges.length === 1) return first;
  // "Between 14:02 and 14:55 CEST (12:02–12:55 UTC)": one window, then the same in another zone.
  if (ranges.length === 2 && sameWindowInAnotherZone(first, ranges[1]!)) return first;
  for (let i = 1; i < ranges.length; i++) if (!sameClock(ranges[i - 1]!.to, ranges[i]!.from)) return undefined;
  const last = ranges[ranges.length - 1]!;
  return { start: first.start, end: last.end, from: first.from, to: last.to };
}

/** Two ranges naming the same instants in two zones: both zones known, the UTC ends equal. */
function sameWindowInAnotherZone(a: TimeRangeMention, b: TimeRangeMention): boolean {
  const utc = (m: TimeMention, zone: TimeMention['zone']) => (m.time && zone?.offsetMinutes !== undefined ? (m.time.hour * 60 + m.time.minute - zone.offsetMinutes + 2 * 1440) % 1440 : undefined);
  const za = a.to.zone ?? a.from.zone;
  const zb = b.to.zone ?? b.from.zone;
  if (!za || !zb || za.offsetMinutes === zb.offsetMinutes) return false;
  const [af, at, bf, bt] = [utc(a.from, a.from.zone ?? za), utc(a.to, za), utc(b.from, b.from.zone ?? zb), utc(b.to, zb)];
  return af !== undefined && af === bf && at !== undefined && at === bt;
}

function sameClock(a: TimeMention, b: TimeMention): boolean {
  return a.time !== undefined && b.time !== undefined && a.time.hour === b.time.hour && a.time.minute === b.time.minute;
}

/**
 * GitLab's "Minutes downtime or degradation: 94", "Duration (hours): 2.5": a bare number whose unit
 * the label gives.
 */
function numberInLabelledUnit(text: string, field: Field): StatedDuration | undefined {
  const unit = /\bminutes?\b|\bmins?\b/i.test(field.label) ? 1 : /\bhours?\b|\bhrs?\b/i.test(field.label) ? 60 : 0;
  if (unit === 0) return undefined;
  const m = /^[\s*_~]*(\d{1,5}(?:\.\d{1,2})?)(?![\d:.\/-])/.exec(text.slice(field.valueRange.start, field.valueRange.start + 40));
  if (!m) return undefined;
  const start = field.valueRange.start + m[0].length - m[1]!.length;
  const end = start + m[1]!.length;
  return { mention: { start: start - field.valueRange.start, end: end - field.valueRange.start, minutes: Number(m[1]) * unit, largestUnit: unit, smallestUnit: unit }, range: { start, end } };
}

/**
 * What the end of a window takes from its start: the start's date, with the year the start was
 * given ("23:40 UTC on November 17 until 02:55 UTC on November 18" in a 2026 document: both ends
 * are in 2026, or the start would be a moment and the end only a clock time), and its zone.
 */
function endContext(from: TimeMention, ctx: Context): { date?: CalendarDate; zone?: Zone } {
  const written = from.date && from.date.year === undefined && ctx.date?.year !== undefined ? { ...from.date, year: ctx.date.year } : from.date;
  const date = written ?? ctx.date;
  const zone = from.zone ?? ctx.zone;
  return { ...(date ? { date } : {}), ...(zone ? { zone } : {}) };
}

/** A zone or date written once for a range applies to both ends. */
function mergeContext(m: TimeMention, other: TimeMention): TimeMention {
  return { ...m, ...(m.zone ? {} : other.zone ? { zone: other.zone } : {}), ...(m.date ? {} : other.date ? { date: other.date } : {}) };
}

/**
 * Puts the end after the start when no year placed them on one axis: written dates without a year
 * ("23:40 on November 17 until 02:55 on November 18") give the days between them; with no dates,
 * an end earlier on the clock than the start means midnight was crossed.
 */
function rollForward(start: Moment, end: Moment): Moment {
  const days = start.dateKnown || end.dateKnown ? undefined : daysApart(start.mention.date, end.mention.date);
  if (days !== undefined) return days === 0 ? end : { ...end, minutes: end.minutes + days * 24 * 60 };
  if (!end.mention.date && end.minutes < start.minutes) return { ...end, minutes: end.minutes + 24 * 60 };
  // "Dec 31 23:00 to Jan 1 01:00" in a 2025 document: the end's year was lent by the start.
  const lent = end.mention.date;
  if (lent && lent.year === undefined && end.minutes < start.minutes && start.dateKnown && end.dateKnown) {
    const days = daysApart(start.mention.date, lent);
    if (days !== undefined) return { ...end, minutes: start.minutes - (start.minutes % (24 * 60)) + days * 24 * 60 + (end.minutes % (24 * 60)) };
  }
  return end;
}

/** Days from one yearless date to the next ("Dec 31" to "Jan 1" is one day, into the next year). */
function daysApart(from: CalendarDate | undefined, to: CalendarDate | undefined): number | undefined {
  if (!from || !to) return undefined;
  const days = dayNumber({ ...to, year: YEARLESS_REFERENCE_YEAR }) - dayNumber({ ...from, year: YEARLESS_REFERENCE_YEAR });
  return days >= 0 ? days : dayNumber({ ...to, year: YEARLESS_REFERENCE_YEAR + 1 }) - dayNumber({ ...from, year: YEARLESS_REFERENCE_YEAR });
}

export function readIncident(ctx: Context): Incident {
  const { text } = ctx;
  const incident: Incident = { statedTogether: false, crossesMidnight: false };
  const summaryIndex = ctx.sections.findIndex((s) => s.ids.includes('summary'));
  const timelineStart = ctx.sections.find((s) => s.ids.includes('timeline'))?.range.start ?? text.length;
  // Fields before the timeline (the summary's), then any.
  const ordered = [...ctx.fields].sort((a, b) => Number(a.range.start >= timelineStart) - Number(b.range.start >= timelineStart));
  for (const field of ordered.filter((f) => f.key === 'duration')) {
    const window = windowIn(text, field.valueRange, ctx);
    const stated = durationsIn(text, field.valueRange)[0] ?? numberInLabelledUnit(text, field);
    if (window && !incident.start) {
      Object.assign(incident, window, { windowSource: field.valueRange });
    }
    if (stated && !incident.stated) {
      incident.stated = stated;
      incident.durationSource = field.valueRange;
      incident.statedTogether = window !== undefined && incident.windowSource === field.valueRange;
    }
    if (incident.start && incident.stated) break;
  }
  if (!incident.start) {
    const startField = ordered.find((f) => f.key === 'start');
    const endField = ordered.find((f) => f.key === 'end');
    if (startField && endField) {
      const s = mentionsIn(text.slice(startField.valueRange.start, startField.valueRange.end), ctx).find((m) => m.time);
      const e = mentionsIn(text.slice(endField.valueRange.start, endField.valueRange.end), ctx).find((m) => m.time);
      if (s && e) {
        const from = mergeContext(s, e);
        const start = moment(from, startField.valueRange.start, ctx);
        const end = moment(mergeContext(e, from), endField.valueRange.start, endContext(from, ctx));
        if (start && end) {
          incident.start = start;
          incident.end = rollForward(start, end);
          incident.windowSource = { start: startField.range.start, end: endField.range.end };
          if (incident.stated && incident.durationSource && startField.section !== undefined && startField.section === endField.section) {
            incident.statedTogether = ctx.fields.some((f) => f.key === 'duration' && f.valueRange === incident.durationSource && f.section === startField.section);
          }
          // One table row: "| 14:03 UTC | 15:15 UTC | 1h 12m |".
          if (incident.stated && incident.durationSource && startField.range.start === endField.range.start) {
            incident.statedTogether ||= ctx.fields.some((f) => f.key === 'duration' && f.valueRange === incident.durationSource && f.range.start === startField.range.start);
          }
        }
      }
    }
  }
  // The summary's prose, else the impact section's ("From 14:51 to 16:46 UTC, a total of ..."),
  // else the paragraphs under the title of a report without a Summary section.
  const summary = summaryIndex >= 0 ? ctx.sections[summaryIndex] : (summaryField(ctx.fields) ?? introOf(ctx.sections));
  const impactIndex = ctx.sections.findIndex((s) => s.ids.includes('impact'));
  for (const section of [summary, impactIndex >= 0 ? ctx.sections[impactIndex] : undefined]) {
    if (incident.start || !section) continue;
    readSummaryProse(ctx, section, incident);
  }
  // "The outage lasted about 6 hours" with no window: a length of the whole incident, checked
  // against the timeline (duration-timeline-mismatch).
  if (!incident.stated && summary) {
    const lasted = lastedIn(ctx, summary) ?? (incident.start ? undefined : downFor(ctx, summary));
    if (lasted) {
      incident.stated = lasted;
      incident.durationSource = lasted.range;
    }
  }
  // A Duration field (or front-matter key) names the incident's length, whichever part of the
  // document gives its window: the two are checked against each other.
  if (incident.start && incident.stated && !incident.statedTogether) {
    incident.statedTogether = ctx.fields.some((f) => f.key === 'duration' && f.valueRange === incident.durationSource);
  }
  if (incident.start && incident.end) {
    incident.crossesMidnight = incident.end.minutes - incident.start.minutes >= 24 * 60 || crossesMidnightOnClock(incident.start, incident.end);
  }
  return incident;
}

/**
 * "**Summary.** On March 3, from 13:41 to 16:07 UTC (2 hours 36 minutes), ..." with no Summary
 * section: that line is the summary, as a status page's postmortem writes it.
 */
function summaryField(fields: readonly Field[]): Section | undefined {
  const field = fields.find((f) => f.key === 'summary' && f.source === 'line');
  if (!field) return undefined;
  return { ids: ['summary'], title: field.label, kind: 'label', level: 0, headerRange: field.range, range: field.range, bodyRange: field.range };
}

/** Whether the window passes a midnight of the start's own wall clock. */
function crossesMidnightOnClock(start: Moment, end: Moment): boolean {
  const t = start.mention.time;
  if (!t) return false;
  return t.hour * 60 + t.minute + (end.minutes - start.minutes) > 24 * 60;
}

/**
 * The first summary line that states a window; a duration in the same sentence is "stated
 * together". Markdown paragraphs are wrapped, so the sentence may go on to the paragraph's next line:
 * "from 23:40 UTC on 10/03 to\n00:25 UTC on 11/03 (45 minutes)".
 */
function readSummaryProse(ctx: Context, summary: Section, incident: Incident): void {
  const { lines, text } = ctx;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.start < summary.bodyRange.start) continue;
    if (line.start >= summary.bodyRange.end) break;
    if (line.kind === 'heading' || line.kind === 'table-row') continue;
    const next = continuation(lines, n, summary);
    let range = { start: line.contentStart, end: line.contentEnd };
    let window = windowIn(text, range, ctx);
    let slice: string | undefined;
    // The window, or its sentence, goes on to the next line: read the two lines as the unwrapped
    // paragraph would be ("from 21:14 EST on\nSaturday, March 2 to ..."). A window the line states
    // is only completed there (a date or zone after the break: its end reaches further), never
    // replaced; else the line's reading stands.
    if (next && (!window || !SENTENCE_END.test(text.slice(window.end.range.end, line.contentEnd)))) {
      const joinedRange = { start: line.contentStart, end: next.contentEnd };
      const joinedSlice = softJoined(text, line, next);
      const joined = windowIn(text, joinedRange, ctx, joinedSlice);
      if (joined && (!window || (joined.start.range.start === window.start.range.start && joined.end.range.end !== window.end.range.end))) {
        window = joined;
        range = joinedRange;
        slice = joinedSlice;
      }
    }
    if (!window) continue;
    Object.assign(incident, window, { windowSource: range });
    const stated = lengthInSentence(text, range, window, slice) ?? sentenceGoesOn(text, window.end.range.end, range.end, next) ?? lastedIn(ctx, summary);
    if (stated && !incident.stated) {
      incident.stated = stated;
      incident.durationSource = stated.range.end <= range.end ? range : { start: range.start, end: stated.range.end };
      incident.statedTogether = true;
    }
    return;
  }
}

/**
 * The length stated in the window's own sentence, the nearest after the window first ("from 03:10 to
 * 05:25 UTC (2 hrs 15 mins)"): another sentence's length is of something else ("The cluster failed
 * over 4 times in 40 minutes. Writes failed from 03:10 to 05:25 UTC").
 */
function lengthInSentence(text: string, range: TextRange, window: { start: Moment; end: Moment }, slice = text.slice(range.start, range.end)): StatedDuration | undefined {
  const from = Math.min(window.start.range.start, window.end.range.start);
  const to = Math.max(window.start.range.end, window.end.range.end);
  const before = text.slice(range.start, from);
  let sentenceStart = range.start;
  for (const m of before.matchAll(SENTENCE_END_G)) sentenceStart = range.start + m.index + m[0].length;
  const after = SENTENCE_END.exec(text.slice(to, range.end));
  const sentenceEnd = after ? to + after.index + 1 : range.end;
  const found = durationsIn(text, { start: sentenceStart, end: sentenceEnd }, slice.slice(sentenceStart - range.start, sentenceEnd - range.start));
  return found.find((d) => d.range.start >= to) ?? found[found.length - 1];
}

/**
 * A line and the next of its paragraph as one text, the soft line break between them (with the
 * next line's indentation) read as spaces: the time scanner never reads a date, zone or length
 * across a line break, and a wrapped sentence must read as the unwrapped one. As long as
 * text.slice(line.contentStart, next.contentEnd), so every offset read from it is the text's.
 */
function softJoined(text: string, line: DocLine, next: DocLine): string {
  return text.slice(line.contentStart, line.contentEnd) + ' '.repeat(next.contentStart - line.contentEnd) + text.slice(next.contentStart, next.contentEnd);
}

const SENTENCE_END = /[.!?](?=\s|$)/;
const SENTENCE_END_G = /[.!?](?:\s+|$)/g;

/** The next line of the same paragraph, inside the summary. */
function continuation(lines: readonly DocLine[], n: number, summary: Section): DocLine | undefined {
  const next = lines[n + 1];
  return next && next.kind === 'text' && next.paragraphEnd === undefined && lines[n]!.kind === 'text' && next.start < summary.bodyRange.end ? next : undefined;
}

/**
 * A length right after the window, across the line break: "... to 00:25 UTC\n(45 minutes)". Only
 * right after it: later in the sentence a length is usually a part ("logins failed for 20 minutes").
 */
function sentenceGoesOn(text: string, windowEnd: number, lineEnd: number, next: DocLine | undefined): StatedDuration | undefined {
  if (!next || lineEnd > next.start || !JUST_BEFORE_LENGTH.test(text.slice(windowEnd, lineEnd))) return undefined;
  const stated = durationsIn(text, { start: next.contentStart, end: Math.min(next.contentEnd, next.contentStart + 60) })[0];
  return stated && JUST_BEFORE_LENGTH.test(text.slice(next.contentStart, stated.range.start)) ? stated : undefined;
}

/** What may stand between a window and its length: "(", ", for about", " — lasting". */
const JUST_BEFORE_LENGTH = /^[\s,(—–-]*(?:(?:for|lasting|a total of|in total)\s+)?(?:(?:about|approximately|approx\.|around|roughly|nearly|almost|~)\s*)?$/i;

/**
 * "The incident lasted 2 hours 45 minutes", "Customer impact lasted 4 hours" or "Total duration: about
 * 1 hour 20 minutes" elsewhere in the summary that gave the window: its length, said of the incident
 * as a whole ("Impact on EU customers lasted 20 minutes" is of a part). Other lengths there ("logins failed for 20 minutes", "the
 * rollback took 10 minutes") are parts of it, so only these wordings count.
 */
const LASTED = /\b(?:incident|outage|disruption|degradation|downtime|interruption)\b[^.;!?]{0,40}?\b(?:lasted|lasting)\b|\bimpact\s(?:lasted|lasting)\b|\b(?:total|overall)\s(?:duration|downtime|outage length)(?:\s?:|\swas\b)/i;

function lastedIn(ctx: Context, summary: Section): StatedDuration | undefined {
  const { lines } = ctx;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.start < summary.bodyRange.start) continue;
    if (line.start >= summary.bodyRange.end) break;
    if (line.kind === 'heading' || line.kind === 'table-row') continue;
    const m = LASTED.exec(ctx.text.slice(line.contentStart, line.contentEnd));
    if (!m) continue;
    const after = m.index + m[0].length;
    // The length may be on the paragraph's next line: "The incident lasted about\n9 hours."
    const next = lines[n + 1];
    const end = next?.kind === 'text' && next.start < summary.bodyRange.end ? next.contentEnd : line.contentEnd;
    const stated = durationsIn(ctx.text, { start: line.contentStart + after, end })[0];
    // The length right after the verb: "lasted 2 hours", "lasted for about 9 hours".
    if (stated && /^[\s\w~]{0,16}$/.test(ctx.text.slice(line.contentStart + after, stated.range.start))) return stated;
  }
  return undefined;
}

/**
 * Other wordings of the incident's length: "the bot was down for roughly 6h", "was unavailable for 2
 * hours", "an outage of 45 minutes", "3 hours of downtime", "a 6-hour outage". Read only when no
 * window is stated, so they are checked against the timeline alone, which reports only a length much
 * longer than it: beside a window such a length may be of a part ("the API was down for 20 minutes"
 * within a longer degradation), which a "lasted" wording of the incident is not.
 */
const DOWN_FOR = /\b(?:was|were|been|went|remained|stayed)\s(?:(?:completely|fully|entirely|totally)\s)?(?:down|unavailable|degraded|offline)(?:\sfor)?\b|\b(?:an|the)\soutage\sof\b/gi;

/**
 * What may stand between those words and the length: only "for" and a qualifier. Anything else
 * says the length is of something else ("down for maintenance for 2 hours").
 */
const DOWN_FOR_GAP = /^\s?(?:for\s)?(?:a\stotal\sof\s)?(?:(?:about|approximately|approx\.|around|roughly|nearly|almost|over|under|some|(?:just|well)\s(?:over|under)|(?:more|less)\sthan|at\s(?:least|most))\s|~\s?)?$/i;

/**
 * "3 hours of downtime", "a 6-hour outage": the length before the word. "a 2-hour outage window"
 * is a plan, "43 minutes of downtime per month" a budget.
 */
const OF_DOWNTIME = /^\s(of\s)?(?:downtime|outage)\b(?!\s(?:window|budget|per|a\s(?:day|week|month|year)|each|every)\b)/i;

/** After the length, these make it a span of something else: "down for 6 hours after the fix", "for 2 minutes every hour". */
const NOT_THE_WHOLE_AFTER = /^\s(?:after|before|later|earlier|ago|each|every|per|at\sa\stime|a\s(?:day|week|month|year))\b/i;

function downFor(ctx: Context, summary: Section): StatedDuration | undefined {
  const { lines, text } = ctx;
  for (const line of lines) {
    if (line.start < summary.bodyRange.start) continue;
    if (line.start >= summary.bodyRange.end) break;
    if (line.kind === 'heading' || line.kind === 'table-row') continue;
    const range = { start: line.contentStart, end: line.contentEnd };
    const found = durationsIn(text, range);
    const whole = (d: StatedDuration) => !NOT_THE_WHOLE_AFTER.test(text.slice(d.range.end, Math.min(range.end, d.range.end + 16)));
    for (const m of text.slice(range.start, range.end).matchAll(DOWN_FOR)) {
      const after = range.start + m.index + m[0].length;
      const d = found.find((f) => f.range.start >= after);
      if (d && DOWN_FOR_GAP.test(text.slice(after, d.range.start)) && whole(d)) return d;
    }
    for (const d of found) {
      const m = OF_DOWNTIME.exec(text.slice(d.range.end, Math.min(range.end, d.range.end + 40)));
      // "3 hours of downtime"; "a 6-hour outage" but not "the 2-hour outage last year".
      if (m && (m[1] !== undefined || /\ban?\s$/i.test(text.slice(Math.max(range.start, d.range.start - 4), d.range.start)))) return d;
    }
  }
  return undefined;
}
