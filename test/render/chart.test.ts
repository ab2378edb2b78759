// Timeline chart geometry for known times: the layout's numbers (pure), then the drawn SVG read
// back with an HTML parser: entries placed left to right by time, a midnight crossing drawn where
// the clock passes 00:00 (undated and dated), the window and milestones where the times say, an
// out-of-order entry highlighted as a step back.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Element } from 'hast';
import { CHART_WIDTH, layoutChart, type ChartData } from '../../server/src/render/chart-geometry';
import { byClass, classes, elements, lineIncluding, num, one, renderFile, RENDER_FIXTURES, RULE_FIXTURES, textOf } from './helpers';

const point = (at: number, line: number) => ({ at, line, time: '', text: '', status: 'ok' as const, dayOnly: false });

describe('chart layout', () => {
  // 23:00 → 01:30 on a clock axis without dates (the engine rolls 00:30 to 1470).
  const data: ChartData = {
    points: [point(1380, 10), point(1425, 11), point(1470, 12), point(1530, 13)],
    window: { start: 1380, end: 1530 },
    milestones: [{ kind: 'detected', at: 1425, minutes: 45, line: 11 }],
    offset: 0,
    zone: 'UTC',
    absolute: false,
  };
  const layout = layoutChart(data)!;

  it('maps time linearly to x inside the plot, in document order down the rows', () => {
    const xs = layout.points.map((p) => p.x);
    assert.ok(xs.every((x, i) => i === 0 || x > xs[i - 1]!));
    assert.ok(xs[0]! > layout.plot.left && xs[3]! < layout.plot.right);
    // 45 minutes and 45 minutes: equal steps.
    assert.ok(Math.abs(xs[1]! - xs[0]! - (xs[2]! - xs[1]!)) < 1e-9);
    // 23:00 → 01:30 is 150 minutes; 60 of them (01:30 - 00:30) are 40% of the distance.
    assert.ok(Math.abs((xs[3]! - xs[2]!) / (xs[3]! - xs[0]!) - 0.4) < 1e-9);
    assert.ok(layout.points.every((p, i) => i === 0 || p.y > layout.points[i - 1]!.y));
  });

  it('draws one midnight, between 23:45 and 00:30, labelled as the next day', () => {
    assert.equal(layout.midnights.length, 1);
    const m = layout.midnights[0]!;
    assert.equal(m.label, '+1 day');
    const [, at2345, at0030] = layout.points.map((p) => p.x);
    // 00:00 is 15 minutes after 23:45 and 30 before 00:30.
    assert.ok(Math.abs((m.x - at2345!) / (at0030! - at2345!) - 1 / 3) < 1e-9);
  });

  it('shades the window from the first to the last entry and puts the milestone on its entry', () => {
    assert.equal(layout.window!.x0, layout.points[0]!.x);
    assert.equal(layout.window!.x1, layout.points[3]!.x);
    assert.equal(layout.milestones[0]!.x, layout.points[1]!.x);
    assert.equal(layout.milestones[0]!.label, 'Detected T+45m');
  });

  it('labels ticks in the axis zone and keeps every label inside the chart', () => {
    const shifted = layoutChart({ ...data, offset: 60, zone: 'CET' })!;
    // The same instants, an hour later on the clock: 00:00 CET is 23:00 UTC, the first entry.
    assert.ok(Math.abs(shifted.midnights[0]!.x - shifted.points[0]!.x) < 1e-9);
    for (const t of [...layout.ticks, ...shifted.ticks]) assert.ok(t.x >= 0 && t.x <= CHART_WIDTH);
    assert.ok(layout.ticks.some((t) => t.label === '00:00'));
  });

  it('has nothing to draw without entries', () => {
    assert.equal(layoutChart({ ...data, points: [] }), undefined);
  });
});

/** Entries of the drawn chart: their circle's x, their line, their classes. */
function entries(svg: Element): { x: number; line: number; classes: string[] }[] {
  return byClass(svg, 'pm-entry').map((g) => ({
    x: num(elements(g).find((e) => e.tagName === 'circle' || e.tagName === 'rect')!, elements(g).some((e) => e.tagName === 'circle') ? 'cx' : 'x'),
    line: num(g, 'dataLine'),
    classes: classes(g),
  }));
}

describe('chart SVG', () => {
  it('crosses midnight without dates: points in time order, a dashed midnight line between 23:45 and 00:30', () => {
    const r = renderFile(join(RULE_FIXTURES, 'timeline-order', 'ok-midnight-stated.md'));
    const svg = one(r.tree, 'pm-chart-svg');
    const points = entries(svg);
    assert.deepEqual(points.map((p) => p.line), ['23:00', '23:45', '00:30', '01:30'].map((t) => lineIncluding(r.text, `**${t} UTC:**`)));
    assert.ok(points.every((p, i) => i === 0 || p.x > points[i - 1]!.x));
    const midnight = one(svg, 'pm-midnight');
    const line = elements(midnight).find((e) => e.tagName === 'line')!;
    assert.ok(num(line, 'x1') > points[1]!.x && num(line, 'x1') < points[2]!.x);
    assert.equal(textOf(one(midnight, 'pm-midnight-label')), '+1 day');
    assert.match(String(r.html), /class="pm-midnight-line"/);
  });

  it('crosses midnight with dates: the new date labels the line; the window spans the stated start to end', () => {
    const r = renderFile(join(RENDER_FIXTURES, 'report.md'));
    const svg = one(r.tree, 'pm-chart-svg');
    const midnight = one(svg, 'pm-midnight');
    assert.equal(textOf(one(midnight, 'pm-midnight-label')), '2024-03-10');
    const points = entries(svg);
    const x = num(elements(midnight).find((e) => e.tagName === 'line')!, 'x1');
    // 23:58 is the last entry of the 9th, 00:35 the first of the 10th.
    assert.ok(points[2]!.x < x && x < points[3]!.x);
    const win = one(svg, 'pm-window');
    assert.equal(num(win, 'x'), points[0]!.x);
    assert.ok(Math.abs(num(win, 'x') + num(win, 'width') - points[5]!.x) < 0.11);
  });

  it('highlights an entry written out of order, drawn left of the entry above it', () => {
    const r = renderFile(join(RENDER_FIXTURES, 'report.md'));
    const points = entries(one(r.tree, 'pm-chart-svg'));
    const late = points.findIndex((p) => p.classes.includes('pm-out-of-order'));
    assert.equal(points[late]!.line, lineIncluding(r.text, '00:20 UTC'));
    assert.ok(points[late]!.x < points[late - 1]!.x);
    assert.equal(points.filter((p) => p.classes.includes('pm-out-of-order')).length, 1);
    assert.match(textOf(one(r.tree, 'pm-legend')), /out of order/);
  });

  it('marks detection, acknowledgement, mitigation and resolution on their entries, each revealing its line', () => {
    const r = renderFile(join(RENDER_FIXTURES, 'report.md'));
    const svg = one(r.tree, 'pm-chart-svg');
    const points = entries(svg);
    const milestones = byClass(svg, 'pm-milestone');
    assert.deepEqual(
      milestones.map((m) => classes(m).find((c) => c.startsWith('pm-milestone-'))),
      ['pm-milestone-detected', 'pm-milestone-acknowledged', 'pm-milestone-mitigated', 'pm-milestone-resolved'],
    );
    for (const m of milestones) {
      const x = num(elements(m).find((e) => e.tagName === 'line')!, 'x1');
      const entry = points.find((p) => p.line === num(m, 'dataLine'))!;
      assert.equal(x, entry.x);
    }
    assert.deepEqual(milestones.map((m) => textOf(one(m, 'pm-milestone-label'))), ['Detected T+12m', 'Acknowledged T+18m', 'Mitigated T+55m', 'Resolved T+1h30m']);
  });

  it('makes every entry focusable and labelled, with no style attribute (the webview CSP refuses them)', () => {
    const r = renderFile(join(RENDER_FIXTURES, 'report.md'));
    const svg = one(r.tree, 'pm-chart-svg');
    for (const g of byClass(svg, 'pm-entry')) {
      assert.equal(g.properties['tabIndex'], 0);
      assert.ok(String(g.properties['ariaLabel']).length > 0);
    }
    assert.ok(elements(svg).every((e) => e.properties['style'] === undefined));
  });
});
