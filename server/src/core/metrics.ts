// Incident metrics from timeline markers: time to detect, acknowledge, mitigate and resolve.
// Explicit markers (`[detected]`) or the template's keywords mark the milestones (model/timeline.ts).
import { hasExplicitMarkers } from './model/timeline';
import type { PostmortemModel, TimelineEntry } from './model/types';
import { placeTimeline, windowOnAxis } from './rules/shared/timeline-placement';
import type { MarkerKind } from './templates/types';

export interface Milestone {
  kind: MarkerKind;
  /** Minutes since the incident started. */
  minutes: number;
  entry?: TimelineEntry;
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
  // An explicit "[resolved]" anywhere wins over a keyword ("restored") on an earlier entry: the
  // writer said which entry it is.
  const marked = (kind: MarkerKind) => {
    const all = timed.filter((p) => p.entry.markers.includes(kind));
    return all.find((p) => hasExplicitMarkers(p.entry.text)) ?? all[0];
  };
  let origin: number | undefined;
  let startSource: IncidentMetrics['startSource'] = 'none';
  if (window) {
    origin = window.start;
    startSource = 'stated';
  } else if (marked('start')) {
    origin = marked('start')!.at;
    startSource = 'marker';
  } else if (timed.length > 0) {
    // A loop, not Math.min(...): spreading ~150k arguments overflows the stack.
    origin = timed.reduce((min, p) => Math.min(min, p.at), Infinity);
    startSource = 'first-entry';
  }
  const result: IncidentMetrics = { startSource, milestones: [], ...(origin !== undefined ? { origin } : {}) };
  if (origin === undefined) return result;
  const kinds: [MarkerKind, keyof IncidentMetrics][] = [
    ['detected', 'timeToDetect'],
    ['acknowledged', 'timeToAcknowledge'],
    ['mitigated', 'timeToMitigate'],
    ['resolved', 'timeToResolve'],
  ];
  for (const [kind, key] of kinds) {
    const p = marked(kind);
    let minutes = p ? p.at - origin : undefined;
    // The stated end is the resolution when no entry says so.
    if (minutes === undefined && kind === 'resolved' && window) minutes = window.end - origin;
    if (minutes === undefined || minutes < 0) continue;
    (result as unknown as Record<string, number>)[key] = Math.round(minutes);
    result.milestones.push({ kind, minutes: Math.round(minutes), ...(p ? { entry: p.entry } : {}) });
  }
  return result;
}

/** Minutes since T+0 of any placed entry, for hovers and inlay hints. */
export function elapsedOf(model: PostmortemModel, entry: TimelineEntry): number | undefined {
  const metrics = incidentMetrics(model);
  if (metrics.origin === undefined) return undefined;
  const placed = placeTimeline(model).byEntry.get(entry);
  return placed && !placed.dayOnly ? Math.round(placed.at - metrics.origin) : undefined;
}
