// findTimeRanges: connectors, what one end lends the other, and what is not a range.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeRanges, minutesBetween, type TimeMention } from '../../../server/src/core/time/index.js';

function brief(m: TimeMention): string {
  const parts: string[] = [];
  if (m.date) parts.push(`${m.date.year ?? '?'}-${m.date.month}-${m.date.day}`);
  if (m.time) parts.push(`${m.time.hour}:${String(m.time.minute).padStart(2, '0')}`);
  if (m.zone) parts.push(m.zone.abbreviation ?? m.zone.text);
  return parts.join(' ');
}

/** [text, covered text, from, to, minutes between] */
const CASES: Array<[string, string, string, string, number]> = [
  ['14:00 - 16:30 UTC', '14:00 - 16:30 UTC', '14:00 UTC', '16:30 UTC', 150],
  ['10:00 AM to 12:00 PM (UTC)', '10:00 AM to 12:00 PM (UTC)', '10:00 UTC', '12:00 UTC', 120],
  ['May 20, 2024, 14:00 - 16:30 UTC', 'May 20, 2024, 14:00 - 16:30 UTC', '2024-5-20 14:00 UTC', '2024-5-20 16:30 UTC', 150],
  ['November 10, 2023, 8:00 PM - November 11, 2023, 2:00 AM (UTC)', 'November 10, 2023, 8:00 PM - November 11, 2023, 2:00 AM (UTC)', '2023-11-10 20:00 UTC', '2023-11-11 2:00 UTC', 360],
  ['between 9:00 and 11:00 AM Pacific Time', '9:00 and 11:00 AM Pacific Time', '9:00 PT', '11:00 PT', 120],
  ['between 2:00 and 4:00 PM', '2:00 and 4:00 PM', '14:00', '16:00', 120],
  ['(12:00 pm - 12: 48pm) GMT +1', '12:00 pm - 12: 48pm) GMT +1', '12:00 GMT +1', '12:48 GMT +1', 48],
  ['**02:00–02:08 CET**', '02:00–02:08 CET', '2:00 CET', '2:08 CET', 8],
  ['### 22:04-23:00 UTC: Network split', '22:04-23:00 UTC', '22:04 UTC', '23:00 UTC', 56],
  ['### 18:00-24:00 UTC', '18:00-24:00 UTC', '18:00 UTC', '24:00 UTC', 360],
  ['from 7:31 PM to 9:21 PM PT', '7:31 PM to 9:21 PM PT', '19:31 PT', '21:21 PT', 110],
  ['10:05 AM to 10:15 AM WAT', '10:05 AM to 10:15 AM WAT', '10:05 WAT', '10:15 WAT', 10],
  ['from midnight to 3:00 AM (South African Standard Time)', 'midnight to 3:00 AM (South African Standard Time)', '0:00 SAST', '3:00 SAST', 180],
  ['10:00 (GMT) until 11:30', '10:00 (GMT) until 11:30', '10:00 GMT', '11:30 GMT', 90],
  ['10:00 till 11:00', '10:00 till 11:00', '10:00', '11:00', 60],
  ['10:00 through 11:00', '10:00 through 11:00', '10:00', '11:00', 60],
  ['14:00~16:00', '14:00~16:00', '14:00', '16:00', 120],
  ['14:00 — 16:00', '14:00 — 16:00', '14:00', '16:00', 120],
  ['(02:14 → 02:58 UTC)', '02:14 → 02:58 UTC', '2:14 UTC', '2:58 UTC', 44],
  ['02:14->02:58', '02:14->02:58', '2:14', '2:58', 44],
  ['02:14 -> 02:58 UTC', '02:14 -> 02:58 UTC', '2:14 UTC', '2:58 UTC', 44],
  ['between 9:40 and 2:30 Pacific', '9:40 and 2:30 Pacific', '9:40 PT', '14:30 PT', 290],
  ['11:00 - 1:00', '11:00 - 1:00', '11:00', '13:00', 120],
  ['09:40 - 02:30', '09:40 - 02:30', '9:40', '2:30', 1010],
  ['Between 1:46pm - 5:30pm)', '1:46pm - 5:30pm', '13:46', '17:30', 224],
  ['10:07-10:29 AM', '10:07-10:29 AM', '10:07', '10:29', 22],
  ['10:00 - 11:00 PM', '10:00 - 11:00 PM', '22:00', '23:00', 60],
  ['11:00 - 1:00 PM', '11:00 - 1:00 PM', '11:00', '13:00', 120],
  ['23:00 - 01:00', '23:00 - 01:00', '23:00', '1:00', 120],
  ['Nov 10, 2023, 23:00 - 01:00', 'Nov 10, 2023, 23:00 - 01:00', '2023-11-10 23:00', '2023-11-11 1:00', 120],
  ['10:00 AM to 12:00 PM (UTC) on June 7, 2024', '10:00 AM to 12:00 PM (UTC) on June 7, 2024', '2024-6-7 10:00 UTC', '2024-6-7 12:00 UTC', 120],
  ['July 29, 2023, 09:00 AM - Aug 04, 2023, 04:30 AM (UTC)', 'July 29, 2023, 09:00 AM - Aug 04, 2023, 04:30 AM (UTC)', '2023-7-29 9:00 UTC', '2023-8-4 4:30 UTC', 8370],
  ['Saturday Oct 30th 2021 - Monday Nov 1st, 2021', 'Saturday Oct 30th 2021 - Monday Nov 1st, 2021', '2021-10-30', '2021-11-1', 2880],
  ['01/16/2024 - 02/28/2024', '01/16/2024 - 02/28/2024', '2024-1-16', '2024-2-28', 43 * 1440],
  ['Dec 31, 2023 - Jan 2', 'Dec 31, 2023 - Jan 2', '2023-12-31', '2024-1-2', 2880],
  ['May 28 2025, 11:30 AM BST - May 28 2025, 20:30 PM UTC', 'May 28 2025, 11:30 AM BST - May 28 2025, 20:30 PM UTC', '2025-5-28 11:30 BST', '2025-5-28 20:30 UTC', 600],
  ['14:00 - ~16:00', '14:00 - ~16:00', '14:00', '16:00', 120],
  // A date written after each time with "on" belongs to that end.
  ['From 23:40 UTC on November 17 until 02:55 UTC on November 18 (3 hours 15 minutes)', '23:40 UTC on November 17 until 02:55 UTC on November 18', '?-11-17 23:40 UTC', '?-11-18 2:55 UTC', 195],
  ['between 23:40 on November 17 and 02:55 on November 18', '23:40 on November 17 and 02:55 on November 18', '?-11-17 23:40', '?-11-18 2:55', 195],
  ['from 23:40 UTC on 17 Nov to 02:55 UTC on 18 Nov', '23:40 UTC on 17 Nov to 02:55 UTC on 18 Nov', '?-11-17 23:40 UTC', '?-11-18 2:55 UTC', 195],
  ['from 23:40 on Nov 17th to 02:55 on Nov 18th', '23:40 on Nov 17th to 02:55 on Nov 18th', '?-11-17 23:40', '?-11-18 2:55', 195],
  ['from 23:40 UTC on 2026-11-17 to 02:55 UTC on 2026-11-18', '23:40 UTC on 2026-11-17 to 02:55 UTC on 2026-11-18', '2026-11-17 23:40 UTC', '2026-11-18 2:55 UTC', 195],
  ['from 9:37 AM PST on October 21, 2026 until 1:05 PM', '9:37 AM PST on October 21, 2026 until 1:05 PM', '2026-10-21 9:37 PST', '2026-10-21 13:05 PST', 208],
  // A month-first span of days: one month and one year for both.
  ['March 10–11, 2026', 'March 10–11, 2026', '2026-3-10', '2026-3-11', 1440],
  ['Mar 10-11 2026', 'Mar 10-11 2026', '2026-3-10', '2026-3-11', 1440],
  ['replication lag, March 10 – 11, 2026, EU only', 'March 10 – 11, 2026', '2026-3-10', '2026-3-11', 1440],
  ['Aug. 3rd - 5th, 2024', 'Aug. 3rd - 5th, 2024', '2024-8-3', '2024-8-5', 2880],
];

describe('findTimeRanges', () => {
  for (const [text, coveredText, from, to, minutes] of CASES) {
    it(JSON.stringify(text), () => {
      const ranges = findTimeRanges(text);
      assert.equal(ranges.length, 1, JSON.stringify(ranges));
      const r = ranges[0]!;
      assert.equal(text.slice(r.start, r.end), coveredText);
      assert.equal(brief(r.from), from);
      assert.equal(brief(r.to), to);
      assert.equal(minutesBetween(r.from, r.to)?.minutes, minutes);
    });
  }

  it('flags what an end took from the other', () => {
    const [r] = findTimeRanges('between 9:00 and 11:00 AM Pacific Time');
    assert.deepEqual(r!.from.inherited, { meridiem: true, zone: true });
    assert.equal(r!.to.inherited, undefined);
    const [d] = findTimeRanges('May 20, 2024, 14:00 - 16:30 UTC');
    assert.deepEqual(d!.from.inherited, { zone: true });
    assert.deepEqual(d!.to.inherited, { date: true });
    // "March 10–11, 2026": the first day takes the year, the second the month.
    const [s] = findTimeRanges('March 10–11, 2026');
    assert.deepEqual(s!.from.inherited, { date: true });
    assert.deepEqual(s!.to.inherited, { date: true });
    // Dates written with "on" after each time are their own.
    const [o] = findTimeRanges('From 23:40 UTC on November 17 until 02:55 UTC on November 18');
    assert.equal(o!.from.inherited, undefined);
    assert.equal(o!.to.inherited, undefined);
  });

  it('finds several ranges in one paragraph, without overlap', () => {
    const text = '**02:00–02:08 CET** (01:00–01:08 UTC)';
    assert.deepEqual(findTimeRanges(text).map((r) => text.slice(r.start, r.end)), ['02:00–02:08 CET', '01:00–01:08 UTC']);
  });

  const NOT_RANGES = [
    '14:00 - 🚨 Issue detected',
    '**14:00 UTC** - Issue detected at 14:05',
    '9:00 and 11:00 AM',
    '10:00 AM - May 5',
    'May 5 - 10:00',
    '(UTC) - (PST)',
    '14:00 -\n16:00',
    'Between 4:06pm (first notice) - 5:30pm',
    '2024 - 2025',
    // A day after "March 10 -" is a second date only with a year after it.
    'March 10 - 11 servers',
    'March 10 - 11:00',
    'March 10-11',
    'March 11–10, 2026',
    'February 27–30, 2026',
    'Mar 10-11-2026',
    'March 10 -\n11, 2026',
  ];
  for (const text of NOT_RANGES) {
    it(`no range in ${JSON.stringify(text)}`, () => assert.deepEqual(findTimeRanges(text), []));
  }
});
