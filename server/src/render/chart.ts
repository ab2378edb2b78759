// The timeline chart as inline SVG: entries on a time axis (one row each, in document order),
// the stated incident window shaded, milestones from the timeline's markers, midnights as dashed
// lines with the new date, entries out of order ringed. Every entry and milestone carries the
// line it came from (data-line) so the preview can reveal it; colours come from the stylesheet
// (classes only, no style attributes, which the webview's CSP would refuse).
import type { Element } from 'hast';
import { incidentMetrics, placeTimeline, windowOnAxis, type PostmortemModel, type TimelineEntry } from '../core';
import { stripMarkup } from '../core/text/plain';
import { axisZone, lineOf } from './format';
import { formatElapsedShort, layoutChart, localClock, MILESTONE_NAMES, type ChartData, type ChartLayout, type ChartPoint } from './chart-geometry';
import { h, px } from './h';

export function chartData(model: PostmortemModel): ChartData | undefined {
  const placement = placeTimeline(model);
  if (placement.placed.length === 0) return undefined;
  const status = new Map<TimelineEntry, ChartPoint['status']>();
  for (const p of placement.problems) {
    // Out of order outranks "ambiguous midnight" when an entry is both.
    if (p.kind === 'out-of-order' || !status.has(p.entry.entry)) status.set(p.entry.entry, p.kind === 'out-of-order' ? 'out-of-order' : 'ambiguous');
  }
  const metrics = incidentMetrics(model);
  const origin = metrics.origin;
  const window = windowOnAxis(model, placement);
  return {
    points: placement.placed.map((p) => ({
      at: p.at,
      line: lineOf(model, p.entry.lineRange.start),
      time: model.text.slice(p.entry.timeRange.start, p.entry.timeRange.end).trim(),
      text: stripMarkup(p.entry.text).replace(/\s+/g, ' ').replace(/^[\s:–—-]+/, '').trim(),
      status: status.get(p.entry) ?? 'ok',
      dayOnly: p.dayOnly,
    })),
    ...(window ? { window } : {}),
    milestones:
      origin === undefined
        ? []
        : metrics.milestones.map((m) => ({
            kind: m.kind,
            at: origin + m.minutes,
            minutes: m.minutes,
            ...(m.entry ? { line: lineOf(model, m.entry.lineRange.start) } : {}),
          })),
    ...axisZone(model),
    absolute: placement.absolute,
  };
}

const STATUS_NOTE: Record<ChartPoint['status'], string> = {
  ok: '',
  'out-of-order': ' (out of order: earlier than the entry above it)',
  ambiguous: ' (assumed to be after midnight)',
};

function svgText(x: number, y: number, className: string, content: string, anchor: 'start' | 'middle' | 'end' = 'start'): Element {
  return h('text', { x: px(x), y: px(y), className: [className], textAnchor: anchor === 'start' ? false : anchor }, content);
}

function vline(x: number, y1: number, y2: number, className: string): Element {
  return h('line', { x1: px(x), x2: px(x), y1: px(y1), y2: px(y2), className: [className] });
}

function entry(p: ChartLayout['points'][number], layout: ChartLayout): Element {
  const r = p.status === 'ok' ? 4.5 : 6;
  const marker = p.dayOnly
    ? h('rect', { x: px(p.x - r), y: px(p.y - r), width: r * 2, height: r * 2, className: ['pm-dot'] })
    : h('circle', { cx: px(p.x), cy: px(p.y), r, className: ['pm-dot'] });
  const tip = `${p.time}: ${p.text}${STATUS_NOTE[p.status]}`;
  return h(
    'g',
    { className: ['pm-entry', `pm-${p.status}`, p.dayOnly ? 'pm-day-only' : false], dataLine: p.line, dataAt: p.at, tabIndex: 0, role: 'link', ariaLabel: tip },
    h('title', {}, tip),
    marker,
    layout.showLabels ? svgText(p.side === 'right' ? p.x + 10 : p.x - 10, p.y + 4, 'pm-entry-label', p.label, p.side === 'right' ? 'start' : 'end') : null,
  );
}

export function chartSvg(data: ChartData): Element | undefined {
  const layout = layoutChart(data);
  if (!layout) return undefined;
  const { plot } = layout;
  const trace = layout.points.map((p) => `${px(p.x)},${px(p.y)}`).join(' ');
  const svg = h(
    'svg',
    { className: ['pm-chart-svg'], viewBox: `0 0 ${layout.width} ${px(layout.height)}`, width: layout.width, height: px(layout.height), role: 'img', ariaLabel: 'Timeline chart' },
    h('g', { className: ['pm-grid'] }, layout.ticks.map((t) => vline(t.x, plot.top, plot.bottom, 'pm-gridline'))),
    layout.window
      ? h(
          'rect',
          { className: ['pm-window'], x: px(layout.window.x0), y: plot.top, width: px(Math.max(1, layout.window.x1 - layout.window.x0)), height: px(plot.bottom - plot.top) },
          h('title', {}, 'Incident window as stated'),
        )
      : null,
    layout.midnights.map((m) => h('g', { className: ['pm-midnight'] }, vline(m.x, plot.top - 4, plot.bottom + 4, 'pm-midnight-line'), svgText(m.x, plot.bottom + 30, 'pm-midnight-label', m.label, m.anchor))),
    layout.milestones.map((m) =>
      h(
        'g',
        { className: ['pm-milestone', `pm-milestone-${m.kind}`], dataLine: m.line, tabIndex: m.line === undefined ? false : 0, role: m.line === undefined ? false : 'link' },
        h('title', {}, `${MILESTONE_NAMES[m.kind]} at ${formatElapsedShort(m.minutes)} (${localClock(m.at, data.offset)}${data.zone ? ` ${data.zone}` : ''})`),
        vline(m.x, 8 + m.row * 16 + 4, plot.bottom, 'pm-milestone-line'),
        svgText(m.anchor === 'start' ? m.x + 3 : m.x - 3, 8 + m.row * 16 + 10, 'pm-milestone-label', m.label, m.anchor),
      ),
    ),
    layout.points.length > 1 ? h('polyline', { className: ['pm-trace'], points: trace }) : null,
    layout.points.map((p) => entry(p, layout)),
    h(
      'g',
      { className: ['pm-axis'] },
      h('line', { x1: plot.left, x2: plot.right, y1: px(plot.bottom), y2: px(plot.bottom), className: ['pm-axis-line'] }),
      layout.ticks.map((t) => h('g', { className: ['pm-tick'] }, vline(t.x, plot.bottom, plot.bottom + 4, 'pm-tick-mark'), svgText(t.x, plot.bottom + 16, 'pm-tick-label', t.label, t.anchor))),
    ),
  );
  return svg;
}

function legend(data: ChartData): Element {
  const items: (Element | string)[] = [data.zone ? `Times in ${data.zone}` : 'No time zone stated'];
  if (data.window) items.push(h('span', { className: ['pm-key', 'pm-key-window'] }, 'incident window'));
  if (data.points.some((p) => p.status === 'out-of-order')) items.push(h('span', { className: ['pm-key', 'pm-key-out-of-order'] }, 'out of order'));
  if (data.points.some((p) => p.status === 'ambiguous')) items.push(h('span', { className: ['pm-key', 'pm-key-ambiguous'] }, 'assumed after midnight'));
  return h('figcaption', { className: ['pm-legend'] }, items.flatMap((item, i) => (i === 0 ? [item] : [' · ', item])));
}

export function timelineChart(model: PostmortemModel): Element | undefined {
  const data = chartData(model);
  const svg = data && chartSvg(data);
  if (!data || !svg) return undefined;
  const heading = model.timeline ? lineOf(model, model.sections[model.timeline.section]!.headerRange.start) : undefined;
  return h(
    'section',
    { className: ['pm-section', 'pm-chart'], ariaLabel: 'Timeline chart' },
    h('h2', { className: ['pm-section-title'], dataLine: heading }, 'Timeline'),
    h('figure', {}, h('div', { className: ['pm-chart-wrap'] }, svg), legend(data)),
  );
}
