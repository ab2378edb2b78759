// The incident metrics in hovers, laid out from the worker's MetricsFacts: on a milestone entry,
// which milestone it is and the metric it ends; on the Timeline heading, all four as a table.
import type { MarkerKind } from '../../core/templates/types';
import { formatMinutes } from '../../core/time/format';
import type { MetricsFacts } from '../analysis-protocol';
import type { TextRange } from '../../core/types';

const METRICS: readonly { kind: Exclude<MarkerKind, 'start'>; name: string; milestone: string }[] = [
  { kind: 'detected', name: 'Time to detect', milestone: 'Detected' },
  { kind: 'acknowledged', name: 'Time to acknowledge', milestone: 'Acknowledged' },
  { kind: 'mitigated', name: 'Time to mitigate', milestone: 'Mitigated' },
  { kind: 'resolved', name: 'Time to resolve', milestone: 'Resolved' },
];

const MARKERS = '`[detected]`, `[acknowledged]`, `[mitigated]`, `[resolved]`';

function same(a: TextRange | undefined, b: TextRange): boolean {
  return a !== undefined && a.start === b.start && a.end === b.end;
}

/** Paragraphs for the hover of the entry whose timestamp is `timeRange` (none when it marks nothing). */
export function milestoneLines(metrics: MetricsFacts | undefined, timeRange: TextRange): string[] {
  if (!metrics) return [];
  const lines: string[] = [];
  if (same(metrics.originRange, timeRange)) lines.push('**Incident start**: the metrics count from this entry.');
  for (const m of METRICS) {
    const milestone = metrics.milestones.find((x) => x.kind === m.kind);
    if (milestone && same(milestone.timeRange, timeRange)) {
      lines.push(`**${m.milestone}** · ${m.name}: **${formatMinutes(milestone.minutes)}** (from ${metrics.from})`);
    }
  }
  return lines;
}

/** The hover of the Timeline heading: the four metrics, or how to get them. */
export function metricsTable(metrics: MetricsFacts | undefined): string {
  if (!metrics) return `**Incident metrics**: no timeline entry has a time to count from yet. Mark entries with ${MARKERS} to measure the incident.`;
  const rows = METRICS.map((m) => {
    const milestone = metrics.milestones.find((x) => x.kind === m.kind);
    return milestone ? `| ${m.name} | ${formatMinutes(milestone.minutes)} | ${milestone.at} |` : `| ${m.name} | — | no entry marked \`[${m.kind}]\` |`;
  });
  const lines = [`**Incident metrics**, counted from ${metrics.from}`, ['| Metric | Time | Milestone |', '| --- | ---: | --- |', ...rows].join('\n')];
  if (metrics.milestones.length === 0) lines.push(`Mark timeline entries with ${MARKERS} (or the template's keywords, such as "alert fired" or "restored") to measure them.`);
  return lines.join('\n\n');
}
