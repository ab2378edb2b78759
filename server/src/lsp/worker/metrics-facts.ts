// Runs in the analysis worker: the engine's incident metrics (core/metrics.ts) with the words a
// hover needs — what they count from and when each milestone was — so the request thread only
// lays them out. A handful of strings per document, whatever the timeline's length.
import { incidentMetrics } from '../../core/metrics';
import type { Moment, PostmortemModel, TimelineEntry } from '../../core/model/types';
import { placeTimeline } from '../../core/rules/shared/timeline-placement';
import * as time from '../../core/time';
import type { TimeMention } from '../../core/time/types';
import type { MetricsFacts, MilestoneFacts } from '../analysis-protocol';

function clockOf(mention: TimeMention, zone = mention.zone): string {
  const clock = mention.time ? time.formatClock(mention.time, '24h') : '';
  return `${clock}${zone ? ` ${zone.abbreviation ?? zone.text}` : ''}`.trim();
}

function entryClock(entry: TimelineEntry): string {
  const first = 'from' in entry.mention ? entry.mention.from : entry.mention;
  return clockOf(first, entry.zone);
}

function momentClock(m: Moment): string {
  return clockOf(m.mention);
}

export function metricsFacts(model: PostmortemModel): MetricsFacts | undefined {
  const metrics = incidentMetrics(model);
  if (metrics.origin === undefined) return undefined;
  let from: string;
  let origin: TimelineEntry | undefined;
  if (metrics.startSource === 'stated') from = model.incident.start ? `the stated start, ${momentClock(model.incident.start)}` : 'the stated start';
  else {
    // The same entry core/metrics.ts counts from: the one marked as the start, else the earliest.
    const timed = placeTimeline(model).placed.filter((p) => !p.dayOnly);
    const placed = metrics.startSource === 'marker' ? timed.find((p) => p.entry.markers.includes('start')) : timed.find((p) => p.at === metrics.origin);
    origin = placed?.entry;
    const clock = origin ? entryClock(origin) : '';
    from = `${metrics.startSource === 'marker' ? 'the entry marked as the start' : 'the first entry'}${clock ? `, ${clock}` : ''}`;
  }
  const milestones: MilestoneFacts[] = metrics.milestones.map((m) => {
    if (m.entry) return { kind: m.kind, minutes: m.minutes, timeRange: m.entry.timeRange, at: entryClock(m.entry) };
    // A summary field that states the time ("Mitigated: 10:40 UTC").
    if (m.field) return { kind: m.kind, minutes: m.minutes, at: `the stated ${m.field.label} field (${m.field.value.trim().slice(0, 40)})` };
    // Else it is the resolution at the stated end of the window.
    const end = model.incident.end;
    return { kind: m.kind, minutes: m.minutes, at: end ? `the stated end (${momentClock(end)})` : 'the stated end' };
  });
  return { from, ...(origin ? { originRange: origin.timeRange } : {}), milestones };
}
