// Runs in the analysis worker: reduces an engine Analysis to the facts the request thread needs.
// Linear in the number of sections and timeline entries, with no strings made per entry: a long
// timeline goes over as numbers (timeline-columns.ts), so it costs little on every keystroke.
import type { Analysis } from '../../core/analyze';
import type { Moment, PostmortemModel, TimelineEntry } from '../../core/model/types';
import * as time from '../../core/time';
import type { TimeMention, Zone } from '../../core/time/types';
import type { DocumentFacts, SectionFacts, TimelineFacts, ZoneFacts } from '../analysis-protocol';
import { TimelineColumnsBuilder, type EntryFacts } from '../timeline-columns';
import { durationFacts } from './duration-facts';
import { metricsFacts } from './metrics-facts';

const DAY = 24 * 60;

export function zoneFacts(zone: Zone): ZoneFacts {
  return { text: zone.abbreviation ?? zone.text, ...(zone.offsetMinutes !== undefined ? { offsetMinutes: zone.offsetMinutes } : {}) };
}

export function buildFacts(uri: string, version: number, analysis: Analysis, defaultZone: string | undefined): Omit<DocumentFacts, 'stats' | 'configProblem'> {
  const { model } = analysis;
  const summary = model.sections.findIndex((s) => s.ids.includes('summary'));
  const timeline = timelineFacts(model);
  const duration = durationFacts(model, analysis.findings);
  const metrics = analysis.isPostmortem ? metricsFacts(model) : undefined;
  return {
    uri,
    version,
    isPostmortem: analysis.isPostmortem,
    findings: analysis.findings,
    template: {
      id: model.template.id,
      name: model.template.name,
      sections: model.template.sections.map((s) => ({ id: s.id, title: s.title, ...(s.skeleton !== undefined ? { skeleton: s.skeleton } : {}) })),
    },
    sections: model.sections.map(sectionFacts),
    ...(timeline ? { timeline } : {}),
    ...(duration ? { duration } : {}),
    ...(metrics ? { metrics } : {}),
    summaryFields: summary < 0 ? [] : [...new Set(model.fields.filter((f) => f.section === summary).map((f) => f.key))],
    entryZone: entryZone(model, defaultZone),
  };
}

function sectionFacts(s: PostmortemModel['sections'][number]): SectionFacts {
  return {
    ids: s.ids,
    title: s.title,
    kind: s.kind,
    level: s.level,
    headerRange: s.headerRange,
    range: s.range,
    bodyRange: s.bodyRange,
    ...(s.parent !== undefined ? { parent: s.parent } : {}),
  };
}

/** The zone a new entry is stamped in: the timeline's declaration, the incident's, settings, UTC. */
function entryZone(model: PostmortemModel, defaultZone: string | undefined): ZoneFacts {
  const declared = model.timeline?.declaredZone?.zone;
  if (declared?.offsetMinutes !== undefined) return zoneFacts(declared);
  // Next, the zone the entries themselves write (the last one that names a usable zone).
  const entries = model.timeline?.entries ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const zone = entries[i]!.zone;
    if (entries[i]!.zoneExplicit && zone?.offsetMinutes !== undefined) return zoneFacts(zone);
  }
  const incident = model.incident.start?.mention.zone;
  if (incident?.offsetMinutes !== undefined) return zoneFacts(incident);
  const configured = defaultZone ? time.lookupZone(defaultZone) : undefined;
  if (configured?.offsetMinutes !== undefined) return zoneFacts(configured);
  return { text: 'UTC', offsetMinutes: 0 };
}

function firstOf(m: TimelineEntry['mention']): TimeMention {
  return 'from' in m ? m.from : m;
}

/** Where elapsed times count from: the incident start, else the first entry with a time. */
interface Base {
  minutes: number;
  dateKnown: boolean;
  label: string;
}

function describeMoment(m: TimeMention): string {
  const clock = m.time ? time.formatClock(m.time, '24h') : '';
  const zone = m.zone ? ` ${m.zone.abbreviation ?? m.zone.text}` : '';
  return `${clock}${zone}`.trim();
}

function baseOf(model: PostmortemModel, entries: readonly TimelineEntry[], minutesOf: (e: TimelineEntry) => number | undefined): Base | undefined {
  const start: Moment | undefined = model.incident.start;
  if (start?.mention.time) return { minutes: start.minutes, dateKnown: start.dateKnown, label: `the incident start (${describeMoment(start.mention)})` };
  for (const e of entries) {
    const minutes = minutesOf(e);
    if (minutes === undefined) continue;
    const mention = firstOf(e.mention);
    return { minutes, dateKnown: e.date?.year !== undefined, label: `the first entry (${describeMoment({ ...mention, ...(e.zone ? { zone: e.zone } : {}) })})` };
  }
  return undefined;
}

function timelineFacts(model: PostmortemModel): TimelineFacts | undefined {
  const timeline = model.timeline;
  if (!timeline) return undefined;
  const minutesOf = (e: TimelineEntry): number | undefined => {
    const t = firstOf(e.mention).time;
    if (!t) return undefined;
    return time.toUtcMinutes(e.date?.year !== undefined ? e.date : undefined, t, e.zone);
  };
  const base = baseOf(model, timeline.entries, minutesOf);
  const columns = new TimelineColumnsBuilder(timeline.entries.length);
  // Read into the columns at once, so one object serves every entry.
  const row: EntryFacts = { timeRange: EMPTY, lineRange: EMPTY, range: EMPTY, clock: undefined, date: undefined, zone: undefined, zoneExplicit: false, elapsed: undefined };
  const zonesSeen = new ZoneFactsOf();
  // Entries without a known date are placed on the day after the previous one when the clock
  // goes back by more than half a day (23:50 then 00:10), as a reader would.
  let days = 0;
  let previous: number | undefined;
  for (const e of timeline.entries) {
    const mention = firstOf(e.mention);
    const minutes = minutesOf(e);
    let elapsed: number | undefined;
    if (minutes !== undefined && base) {
      const dateKnown = e.date?.year !== undefined;
      if (dateKnown && base.dateKnown) elapsed = minutes - base.minutes;
      else {
        const ofDay = mod(minutes, DAY);
        if (previous !== undefined && ofDay < previous - DAY / 2) days++;
        previous = ofDay;
        elapsed = ofDay + days * DAY - mod(base.minutes, DAY);
        if (elapsed < -DAY / 2) elapsed += DAY;
      }
    }
    // One object shape for every entry (absent fields undefined): spread-in fields made each a
    // slow dictionary object, ~3 ms a keystroke for the 4,500 entries of a 500 KB timeline.
    row.timeRange = e.timeRange;
    row.lineRange = e.lineRange;
    row.range = e.range;
    row.clock = mention.time;
    row.date = e.date;
    row.zone = e.zone ? zonesSeen.of(e.zone) : undefined;
    row.zoneExplicit = e.zoneExplicit;
    row.elapsed = elapsed !== undefined ? Math.round(elapsed) : undefined;
    columns.add(row);
  }
  return { section: timeline.section, ...columns.finish(), ...(base ? { base: base.label } : {}) };
}

const EMPTY = { start: 0, end: 0 };

/** ZoneFacts per zone as written: entries repeat a handful of zones thousands of times. */
class ZoneFactsOf {
  private readonly known = new Map<string, ZoneFacts[]>();

  of(zone: Zone): ZoneFacts {
    // zoneFacts' text and offset, read without making its object.
    const text = zone.abbreviation ?? zone.text;
    const same = this.known.get(text);
    if (same) {
      for (const f of same) if (f.offsetMinutes === zone.offsetMinutes) return f;
    }
    const facts = zoneFacts(zone);
    if (same) same.push(facts);
    else this.known.set(text, [facts]);
    return facts;
  }
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
