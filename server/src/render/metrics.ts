// The metrics row: time to detect, acknowledge, mitigate and resolve, as the engine computes them
// from the timeline's markers (core incidentMetrics). Shown only when at least one is known; the
// missing ones say which marker would give them.
import type { Element } from 'hast';
import { incidentMetrics, time, type IncidentMetrics, type MarkerKind, type PostmortemModel } from '../core';
import { lineOf } from './format';
import { h } from './h';

const METRICS: readonly { key: keyof IncidentMetrics; kind: MarkerKind; name: string; abbr: string }[] = [
  { key: 'timeToDetect', kind: 'detected', name: 'Time to detect', abbr: 'TTD' },
  { key: 'timeToAcknowledge', kind: 'acknowledged', name: 'Time to acknowledge', abbr: 'TTA' },
  { key: 'timeToMitigate', kind: 'mitigated', name: 'Time to mitigate', abbr: 'TTM' },
  { key: 'timeToResolve', kind: 'resolved', name: 'Time to resolve', abbr: 'TTR' },
];

const ORIGIN: Record<IncidentMetrics['startSource'], string> = {
  stated: 'Counted from the stated start of the incident.',
  marker: 'Counted from the timeline entry marked as the start.',
  'first-entry': 'Counted from the first timeline entry (no start is stated).',
  none: '',
};

export function metricsRow(model: PostmortemModel): Element | undefined {
  const metrics = incidentMetrics(model);
  if (!METRICS.some((m) => metrics[m.key] !== undefined)) return undefined;
  const items = METRICS.map((m) => {
    const value = metrics[m.key] as number | undefined;
    const entry = metrics.milestones.find((s) => s.kind === m.kind)?.entry;
    return h(
      'div',
      { className: ['pm-metric', `pm-metric-${m.kind}`, value === undefined ? 'pm-missing' : false], dataLine: entry ? lineOf(model, entry.lineRange.start) : undefined, dataMinutes: value },
      h('dt', {}, h('abbr', { title: m.name }, m.abbr), ' ', h('span', { className: ['pm-metric-name'] }, m.name)),
      h('dd', { title: value === undefined ? `No timeline entry is marked as ${m.kind}` : false }, value === undefined ? '—' : time.formatMinutes(value)),
    );
  });
  return h(
    'section',
    { className: ['pm-section', 'pm-metrics'], ariaLabel: 'Incident metrics' },
    h('dl', { className: ['pm-metric-list'] }, items),
    ORIGIN[metrics.startSource] ? h('p', { className: ['pm-note'] }, ORIGIN[metrics.startSource]) : null,
  );
}
