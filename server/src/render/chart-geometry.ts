// Where everything in the timeline chart goes, as numbers: kept apart from drawing so tests can
// check positions for known times (a midnight crossing included) without reading SVG.
//
// One row per entry, in document order, on a shared time axis: the gaps between entries read as
// distances, and an entry written out of order shows as a step back to the left.
import type { MarkerKind } from '../core';
import { clockText, dayText, mod } from './format';

export interface ChartPoint {
  /** Minutes on the placement axis (see core placeTimeline). */
  at: number;
  /** 0-based line of the entry. */
  line: number;
  /** The timestamp as written. */
  time: string;
  text: string;
  status: 'ok' | 'out-of-order' | 'ambiguous';
  dayOnly: boolean;
}

export interface ChartMilestone {
  kind: MarkerKind;
  at: number;
  /** Minutes since T+0. */
  minutes: number;
  line?: number;
}

export interface ChartData {
  points: ChartPoint[];
  window?: { start: number; end: number };
  milestones: ChartMilestone[];
  /** Minutes east of UTC of the zone the axis is labelled in. */
  offset: number;
  /** That zone as the document writes it; '' when no zone is known. */
  zone: string;
  /** The axis is absolute (every entry dated): midnights are labelled with dates. */
  absolute: boolean;
}

export interface PlacedPoint extends ChartPoint {
  x: number;
  y: number;
  /** Which side of the point its label goes, and how many characters fit there. */
  side: 'right' | 'left';
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rowHeight: number;
  showLabels: boolean;
  ticks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  midnights: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  window?: { x0: number; x1: number };
  milestones: (ChartMilestone & { x: number; row: number; label: string; anchor: 'start' | 'end' })[];
  points: PlacedPoint[];
}

export const CHART_WIDTH = 720;
const SIDE = 14;
const MILESTONE_ROW = 16;
/** Tick labels, then midnight labels below them. */
const AXIS = 40;
/** Average glyph width at the chart's 12px font, for fitting labels without measuring text. */
const CHAR = 6.6;
/** The same for milestone labels (11px bold). */
const BOLD_CHAR = 7.4;
/** Half the width of a tick label ("23:30", "2024-08-03"), to keep it inside the chart. */
const TICK_HALF = 18;
const DAY = 24 * 60;
const STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];
const MAX_TICKS = 7;

export const MILESTONE_NAMES: Record<MarkerKind, string> = {
  start: 'Start',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
};

function domain(data: ChartData): { min: number; max: number } {
  const values = [
    ...data.points.flatMap((p) => (p.dayOnly ? [p.at, p.at + DAY] : [p.at])),
    ...(data.window ? [data.window.start, data.window.end] : []),
    ...data.milestones.map((m) => m.at),
  ];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max - min < 10) {
    min -= 15;
    max += 15;
  }
  const pad = (max - min) * 0.04;
  return { min: min - pad, max: max + pad };
}

function truncate(s: string, chars: number): string {
  if (s.length <= chars) return s;
  return chars <= 1 ? '…' : `${s.slice(0, chars - 1).trimEnd()}…`;
}

export function formatElapsedShort(minutes: number): string {
  const m = Math.round(Math.abs(minutes));
  const d = Math.floor(m / DAY);
  const hh = Math.floor((m % DAY) / 60);
  const mm = m % 60;
  const text = `${d > 0 ? `${d}d` : ''}${hh > 0 ? `${hh}h` : ''}${mm > 0 || m === 0 ? `${mm}m` : ''}`;
  return `T${minutes < 0 ? '-' : '+'}${text}`;
}

export function layoutChart(data: ChartData): ChartLayout | undefined {
  if (data.points.length === 0) return undefined;
  const { min, max } = domain(data);
  const left = SIDE;
  const right = CHART_WIDTH - SIDE;
  const x = (at: number) => left + ((at - min) / (max - min)) * (right - left);

  // Milestone labels share the band above the plot; a label that would overlap the previous one
  // in its row moves down a row.
  const rowEnds: number[] = [];
  const milestones = [...data.milestones]
    .sort((a, b) => a.at - b.at)
    .map((m) => {
      const label = `${MILESTONE_NAMES[m.kind]} ${formatElapsedShort(m.minutes)}`;
      const mx = x(m.at);
      const width = label.length * BOLD_CHAR + 6;
      // Near the right edge the label sits left of its line.
      const anchor: 'start' | 'end' = mx + width > CHART_WIDTH - 2 ? 'end' : 'start';
      const from = anchor === 'start' ? mx : mx - width;
      let row = rowEnds.findIndex((end) => end < from - 8);
      if (row < 0) row = rowEnds.length;
      rowEnds[row] = from + width;
      return { ...m, x: mx, row, label, anchor };
    });
  const top = 8 + Math.max(1, rowEnds.length) * MILESTONE_ROW + 6;

  const n = data.points.length;
  // Rows shrink so a long timeline stays one screen tall (labels only while they fit).
  const rowHeight = Math.min(24, Math.floor(900 / n) || 900 / n);
  const showLabels = rowHeight >= 14;
  const bottom = top + n * rowHeight;
  const points = data.points.map((p, i): PlacedPoint => {
    const px = x(p.at);
    // Out-of-order labels are bold: wider glyphs.
    const char = p.status === 'out-of-order' ? BOLD_CHAR : CHAR;
    const roomRight = (CHART_WIDTH - px - 12) / char;
    const roomLeft = (px - 12) / char;
    const side = roomRight >= roomLeft || roomRight >= 40 ? 'right' : 'left';
    const full = p.text ? `${p.time} ${p.text}` : p.time;
    return { ...p, x: px, y: top + (i + 0.5) * rowHeight, side, label: truncate(full, Math.floor(side === 'right' ? roomRight : roomLeft)) };
  });

  const local = { min: min + data.offset, max: max + data.offset };
  const step = STEPS.find((s) => (local.max - local.min) / s <= MAX_TICKS) ?? STEPS[STEPS.length - 1]!;
  const ticks: ChartLayout['ticks'] = [];
  for (let t = Math.ceil(local.min / step) * step; t <= local.max; t += step) {
    const day = Math.floor(t / DAY);
    const label = step < DAY ? clockText(t) : data.absolute ? dayText(day) : `day ${day + 1}`;
    const tx = x(t - data.offset);
    const half = step < DAY ? TICK_HALF : TICK_HALF * 2;
    ticks.push({ x: tx, label, anchor: tx - half < 0 ? 'start' : tx + half > CHART_WIDTH ? 'end' : 'middle' });
  }
  // Without dates, a midnight is counted from the day of the first entry: "+1 day".
  const firstDay = Math.floor((Math.min(...data.points.map((p) => p.at)) + data.offset) / DAY);
  const midnights: ChartLayout['midnights'] = [];
  for (let d = Math.ceil(local.min / DAY); d * DAY <= local.max; d++) {
    const later = d - firstDay;
    const label = data.absolute ? dayText(d) : later <= 0 ? 'midnight' : `+${later} day${later === 1 ? '' : 's'}`;
    const mx = x(d * DAY - data.offset);
    const half = label.length * 3.5;
    midnights.push({ x: mx, label, anchor: mx - half < 0 ? 'start' : mx + half > CHART_WIDTH ? 'end' : 'middle' });
  }
  return {
    width: CHART_WIDTH,
    height: bottom + AXIS,
    plot: { left, right, top, bottom },
    rowHeight,
    showLabels,
    ticks,
    midnights,
    ...(data.window ? { window: { x0: x(data.window.start), x1: x(data.window.end) } } : {}),
    milestones,
    points,
  };
}

/** Minutes of day in the axis zone, for tooltips. */
export function localClock(at: number, offset: number): string {
  return clockText(mod(at + offset, DAY));
}
