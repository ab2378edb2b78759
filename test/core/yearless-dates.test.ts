// Timelines dated without a year ("Sat, March 2") and windows wrapped across a paragraph's lines:
// both must read as the author meant, with ranges on the characters written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, placeTimeline, windowOnAxis } from '../../server/src/core';

const doc = (title: string, summary: string, timeline: string) => `# ${title}\n\n## Summary\n\n${summary}\n\n## Timeline\n\n${timeline}\n`;

describe('a window wrapped across lines', () => {
  const oneLine = 'Users were locked out for about 26 hours (from 19:40 UTC on Wednesday, May 14 to 21:55 UTC on Thursday, May 15).';
  const wrapped = 'Users were locked out for about 26 hours (from 19:40 UTC on\nWednesday, May 14 to 21:55 UTC on Thursday, May 15).';
  const timeline = '- May 14, 19:40 UTC: locked out\n- May 15, 21:55 UTC: fixed';

  it('reads the same window as the unwrapped paragraph', () => {
    const a = analyze(doc('Login outage', oneLine, timeline)).model.incident;
    const b = analyze(doc('Login outage', wrapped, timeline)).model.incident;
    assert.equal(b.end!.minutes - b.start!.minutes, 26 * 60 + 15);
    assert.deepEqual([b.start!.minutes, b.end!.minutes, b.stated?.mention.minutes], [a.start!.minutes, a.end!.minutes, a.stated?.mention.minutes]);
  });

  it('points at the characters written, line break included', () => {
    const text = doc('Login outage', wrapped, timeline);
    const { start, end } = analyze(text).model.incident;
    assert.equal(text.slice(start!.range.start, start!.range.end), '19:40 UTC on\nWednesday, May 14');
    assert.equal(text.slice(end!.range.start, end!.range.end), '21:55 UTC on Thursday, May 15');
  });

  it('keeps a window stated whole on its line when the next line adds nothing to it', () => {
    const text = doc('Login outage', 'From 10:05 to 11:50 UTC, logins failed for\nmost users.', '- 10:05 UTC: logins fail\n- 11:50 UTC: fixed');
    const { start, end, windowSource } = analyze(text).model.incident;
    assert.equal(end!.minutes - start!.minutes, 105);
    assert.equal(text.slice(windowSource!.start, windowSource!.end), 'From 10:05 to 11:50 UTC, logins failed for');
  });
});

describe('a timeline dated without a year', () => {
  const days = '| Date | Time | Event |\n|---|---|---|\n| Fri, March 1 | 22:03 UTC | Alert |\n| Sat, March 2 | 21:14 UTC | Token used |\n| Sat, March 2 | 23:30 UTC | Token revoked |';

  it('orders its days among themselves when the document gives no year', () => {
    const { model } = analyze(doc('Token leak', 'A token leaked.', days));
    const placement = placeTimeline(model);
    assert.equal(placement.absolute, false);
    assert.deepEqual(placement.placed.map((p) => p.at), [22 * 60 + 3, 24 * 60 + 21 * 60 + 14, 24 * 60 + 23 * 60 + 30]);
    assert.deepEqual(placement.problems, []);
  });

  it('takes the year of the document date, across the new year', () => {
    const { model } = analyze(doc('2025-01-02 token leak', 'A token leaked.', '- Dec 31, 22:03 UTC: Alert\n- Jan 1, 21:14 UTC: Token used'));
    assert.deepEqual(model.timeline!.entries.map((e) => e.date), [{ year: 2024, month: 12, day: 31 }, { year: 2025, month: 1, day: 1 }]);
    assert.equal(placeTimeline(model).absolute, true);
    assert.deepEqual(placeTimeline(model).problems, []);
  });

  it('puts a window dated the same way on the same days', () => {
    const summary = 'The token was usable from 21:14 UTC on March 2 to 23:30 UTC on March 2.';
    const { model } = analyze(doc('Token leak', summary, days));
    const placement = placeTimeline(model);
    assert.deepEqual(windowOnAxis(model, placement), { start: placement.placed[1]!.at, end: placement.placed[2]!.at });
  });

  it('stops counting midnights on the clock at a date written anew', () => {
    const timeline = '- 2024-03-01 22:00 UTC: alert\n- 23:30 UTC: page\n- 01:00 UTC: rollback\n- 2024-03-02 02:30 UTC: resolved';
    const placement = placeTimeline(analyze(doc('Outage', 'The API was down.', timeline)).model);
    const at = placement.placed.map((p) => p.at - placement.placed[0]!.at);
    assert.deepEqual(at, [0, 90, 180, 270]);
  });
});
