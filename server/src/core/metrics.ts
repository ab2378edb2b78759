// Incident metrics: time to detect, acknowledge, mitigate and resolve.
// What the document states wins over what is read from its timeline: the stated window gives T+0
// and the resolution, a Detected, Acknowledged or Mitigated field ("| Mitigated | 10:40 UTC |")
// its milestone. The timeline's markers (explicit `[detected]` or the template's keywords,
// model/timeline.ts) give the rest, the way the writer's words are meant to be read: an explicit
// marker wins over a keyword, the first detection, acknowledgement and mitigation count, and the
// last resolution (earlier ones, "traffic restored for most users", only mitigated).
import { hasExplicitMarkers } from './model/timeline';
import type { Field, PostmortemModel, TimelineEntry } from './model/types';
import { placeTimeline, windowOnAxis, type PlacedEntry } from './rules/shared/timeline-placement';
import type { MarkerKind } from './templates/types';
import { parseLeadingTimestamp, toUtcMinutes } from './time';
import { inDateOrder } from './time/calendar';
import type { CalendarDate, TimeMention, Zone } from './time/types';

export interface Milestone {
  kind: MarkerKind;
  /** Minutes since the incident started. */
  minutes: number;
  /** The timeline entry that marks it (for a stated time, an entry of that kind at the same time). */
  entry?: TimelineEntry;
  /** The summary field that states it ("Mitigated: 10:40 UTC"); neither this nor an entry: the stated end. */
  field?: Field;
}

export interface IncidentMetrics {
  /** Where "T+0" is: the stated start, else the entry marked as the start, else the first entry. */
  startSource: 'stated' | 'marker' | 'first-entry' | 'none';
  /** Minutes on the timeline axis of T+0. */
  origin?: number;
  timeToDetect?: number;
  timeToAcknowledge?: number;
  timeToMitigate?: number;
  timeToResolve?: number;
  milestones: Milestone[];
}

/** A milestone on the timeline's axis, with what says so. */
interface Point {
  at: number;
  entry?: TimelineEntry;
  field?: Field;
}

/** The moment stated times are measured from: the stated start, else the origin entry. */
interface Reference {
  at: number;
  mention: TimeMention;
  date?: CalendarDate;
  zone?: Zone;
}

const DAY = 24 * 60;

const cache = new WeakMap<PostmortemModel, IncidentMetrics>();

export function incidentMetrics(model: PostmortemModel): IncidentMetrics {
  let m = cache.get(model);
  if (!m) cache.set(model, (m = compute(model)));
  return m;
}

function compute(model: PostmortemModel): IncidentMetrics {
  const placement = placeTimeline(model);
  const timed = placement.placed.filter((p) => !p.dayOnly);
  const window = windowOnAxis(model, placement);
  const marked = (kind: MarkerKind) => timed.filter((p) => p.entry.markers.includes(kind));
  let origin: number | undefined;
  let originEntry: PlacedEntry | undefined;
  let startSource: IncidentMetrics['startSource'] = 'none';
  if (window) {
    origin = window.start;
    startSource = 'stated';
  } else if ((originEntry = firstMarked(marked('start')))) {
    origin = originEntry.at;
    startSource = 'marker';
  } else if (timed.length > 0) {
    // A loop, not Math.min(...): spreading ~150k arguments overflows the stack.
    originEntry = earliest(timed);
    origin = originEntry!.at;
    startSource = 'first-entry';
  }
  const result: IncidentMetrics = { startSource, milestones: [], ...(origin !== undefined ? { origin } : {}) };
  if (origin === undefined) return result;

  const ref = referenceOf(model, window, originEntry);
  const stated = (key: string, kind: MarkerKind): Point | undefined => statedPoint(model, key, ref, marked(kind));
  const resolved = marked('resolved');
  const resolution = window ? { at: window.end, ...entryAt(resolved, window.end) } : (stated('end', 'resolved') ?? lastResolution(resolved));
  const points: [MarkerKind, keyof IncidentMetrics, Point | undefined][] = [
    ['detected', 'timeToDetect', stated('detection', 'detected') ?? firstMarked(marked('detected'))],
    ['acknowledged', 'timeToAcknowledge', stated('acknowledged', 'acknowledged') ?? firstMarked(marked('acknowledged'))],
    ['mitigated', 'timeToMitigate', stated('mitigated', 'mitigated') ?? mitigationOf(marked('mitigated'), resolved, resolution?.at)],
    ['resolved', 'timeToResolve', resolution],
  ];
  for (const [kind, key, p] of points) {
    if (!p || p.at < origin) continue;
    const minutes = Math.round(p.at - origin);
    (result as unknown as Record<string, number>)[key] = minutes;
    result.milestones.push({ kind, minutes, ...(p.entry ? { entry: p.entry } : {}), ...(p.field ? { field: p.field } : {}) });
  }
  return result;
}

/** The earliest entry (the first written on a tie): timelines may be written newest first. */
function earliest(entries: readonly PlacedEntry[]): PlacedEntry | undefined {
  let best: PlacedEntry | undefined;
  for (const p of entries) if (!best || p.at < best.at) best = p;
  return best;
}

/** The latest entry (the last written on a tie). */
function latest(entries: readonly PlacedEntry[]): PlacedEntry | undefined {
  let best: PlacedEntry | undefined;
  for (const p of entries) if (!best || p.at >= best.at) best = p;
  return best;
}

/** An explicit marker (`[detected]`) wins over a keyword on an earlier entry: the writer said which entry it is. */
function explicitOr(entries: readonly PlacedEntry[], pick: (e: readonly PlacedEntry[]) => PlacedEntry | undefined): PlacedEntry | undefined {
  const explicit = entries.filter((p) => hasExplicitMarkers(p.entry.text));
  return pick(explicit.length > 0 ? explicit : entries);
}

function firstMarked(entries: readonly PlacedEntry[]): PlacedEntry | undefined {
  return explicitOr(entries, earliest);
}

/**
 * With no stated end, the last entry that says it is resolved: the incident is over when it stops
 * being broken ("16:52 CNAME restored" then "17:05 status page reachable again" ends at 17:05).
 */
function lastResolution(resolved: readonly PlacedEntry[]): PlacedEntry | undefined {
  return explicitOr(resolved, latest);
}

/**
 * The first entry marked as mitigated, or one that claims a resolution before the incident was
 * resolved ("traffic restored for most users" before the stated end): the impact was at least
 * mitigated then. A "mitigation" after the resolution is follow-up work, not the mitigation.
 */
function mitigationOf(mitigated: readonly PlacedEntry[], resolved: readonly PlacedEntry[], resolvedAt: number | undefined): PlacedEntry | undefined {
  const explicit = mitigated.filter((p) => hasExplicitMarkers(p.entry.text));
  if (explicit.length > 0) return earliest(explicit);
  if (resolvedAt === undefined) return earliest(mitigated);
  return earliest([...mitigated.filter((p) => p.at <= resolvedAt), ...resolved.filter((p) => p.at < resolvedAt)]);
}

/** The entry of a milestone's kind placed at a stated time, so hovers and the preview can point at it. */
function entryAt(entries: readonly PlacedEntry[], at: number): { entry?: TimelineEntry } {
  const p = latest(entries.filter((e) => Math.abs(e.at - at) < 0.5));
  return p ? { entry: p.entry } : {};
}

function referenceOf(model: PostmortemModel, window: { start: number } | undefined, originEntry: PlacedEntry | undefined): Reference | undefined {
  const start = model.incident.start;
  if (window && start?.mention.time) {
    // A start written without a zone is in the zone the timeline declares, as the model reads it.
    const zone = start.mention.zone ?? model.timeline?.declaredZone?.zone;
    return { at: window.start, mention: start.mention, ...(start.mention.date ? { date: start.mention.date } : {}), ...(zone ? { zone } : {}) };
  }
  if (!originEntry) return undefined;
  const e = originEntry.entry;
  return { at: originEntry.at, mention: 'from' in e.mention ? e.mention.from : e.mention, ...(e.date ? { date: e.date } : {}), ...(e.zone ? { zone: e.zone } : {}) };
}

/**
 * A milestone a field states as a time ("Mitigated: 10:40 UTC", a "| Detected | ... |" row):
 * the first field of that key whose value starts with a time. "Detected by: a customer" states none.
 */
function statedPoint(model: PostmortemModel, key: string, ref: Reference | undefined, ofKind: readonly PlacedEntry[]): Point | undefined {
  if (!ref?.mention.time) return undefined;
  for (const field of model.fields) {
    if (field.key !== key) continue;
    const lead = parseLeadingTimestamp(field.value);
    const mention = lead && ('from' in lead ? lead.from : lead);
    if (!mention?.time) continue;
    const at = ref.at + sinceReference(mention, ref, model.dayFirst);
    return { at, field, ...entryAt(ofKind, at) };
  }
  return undefined;
}

/**
 * Minutes from the reference to a stated time. What the time leaves out (date, zone) is the
 * reference's, and the reference's the time's: "Start: 2026-08-19 10:00 UTC" with "Mitigated: 10:40".
 */
function sinceReference(m: TimeMention, ref: Reference, dayFirst: boolean): number {
  const own = m.date && inDateOrder(m.date, dayFirst);
  const date = own ?? ref.date;
  const refDate = ref.date ?? own;
  const dated = date?.year !== undefined && refDate?.year !== undefined;
  let minutes = toUtcMinutes(dated ? date : undefined, m.time!, m.zone ?? ref.zone) - toUtcMinutes(dated ? refDate : undefined, ref.mention.time!, ref.zone ?? m.zone);
  // A time without a date earlier on the clock than the start is on the next day.
  if (!m.date && minutes < 0) minutes += DAY;
  return minutes;
}

/** Minutes since T+0 of any placed entry, for hovers and inlay hints. */
export function elapsedOf(model: PostmortemModel, entry: TimelineEntry): number | undefined {
  const metrics = incidentMetrics(model);
  if (metrics.origin === undefined) return undefined;
  const placed = placeTimeline(model).byEntry.get(entry);
  return placed && !placed.dayOnly ? Math.round(placed.at - metrics.origin) : undefined;
}
