// Calendar dates in every accepted form, and the numbers that must not become dates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeMentions, type CalendarDate } from '../../../server/src/core/time/index.js';
import { withNearestYear } from '../../../server/src/core/time/calendar.js';

/** [written, expected date, text the mention should cover (defaults to the whole input)] */
const ACCEPTED: Array<[string, CalendarDate, string?]> = [
  ['May 20, 2024', { year: 2024, month: 5, day: 20 }],
  ['May 20 2024', { year: 2024, month: 5, day: 20 }],
  ['Thursday, May 9, 2024', { year: 2024, month: 5, day: 9 }],
  ['June 7th, 2024', { year: 2024, month: 6, day: 7 }],
  ['February 1st, 2023', { year: 2023, month: 2, day: 1 }],
  ['March 2nd, 2019', { year: 2019, month: 3, day: 2 }],
  ['August 3rd', { month: 8, day: 3 }],
  ['20th December 2023', { year: 2023, month: 12, day: 20 }],
  ['20th December, 2023', { year: 2023, month: 12, day: 20 }],
  ['23 July 2026', { year: 2026, month: 7, day: 23 }],
  ['31st of October', { month: 10, day: 31 }],
  ['14th may 2023', { year: 2023, month: 5, day: 14 }],
  ['2024-06-20', { year: 2024, month: 6, day: 20 }],
  ['2019-1-17', { year: 2019, month: 1, day: 17 }],
  ['2025/01/27', { year: 2025, month: 1, day: 27 }],
  ['06/May/2022', { year: 2022, month: 5, day: 6 }],
  ['01/16/2024', { year: 2024, month: 1, day: 16 }],
  ['16/01/2024', { year: 2024, month: 1, day: 16 }],
  ['02-13-2025', { year: 2025, month: 2, day: 13 }],
  ['5-26-21', { year: 2021, month: 5, day: 26 }],
  ['04-12-2022', { year: 2022, month: 4, day: 12, ambiguous: true }],
  ['01-10-2024', { year: 2024, month: 1, day: 10, ambiguous: true }],
  ['05/05/2024', { year: 2024, month: 5, day: 5 }],
  ['31.12.2023', { year: 2023, month: 12, day: 31 }],
  ['Jan 27th 2025', { year: 2025, month: 1, day: 27 }],
  ['Aug 04, 2023', { year: 2023, month: 8, day: 4 }],
  ['Aug. 4', { month: 8, day: 4 }],
  ['Aug-27-2021', { year: 2021, month: 8, day: 27 }],
  ['Sep 27 2017', { year: 2017, month: 9, day: 27 }],
  ['Sept 27', { month: 9, day: 27 }],
  ['Saturday Oct 30th 2021', { year: 2021, month: 10, day: 30 }],
  ['Monday May 10th, 2021', { year: 2021, month: 5, day: 10 }],
  ['Monday, 2022-05-23', { year: 2022, month: 5, day: 23 }],
  ['Friday March 2nd, 2019', { year: 2019, month: 3, day: 2 }],
  ['February 29', { month: 2, day: 29 }],
  ['February 29, 2024', { year: 2024, month: 2, day: 29 }],
  ['on August 16 , 2024.', { year: 2024, month: 8, day: 16 }, 'August 16 , 2024'],
  ['(20th December 2023)', { year: 2023, month: 12, day: 20 }, '20th December 2023'],
  ['**11 December 2025**', { year: 2025, month: 12, day: 11 }, '11 December 2025'],
  // Day and month without a year, as multi-day timelines write them (the year comes from the document).
  ['March 1', { month: 3, day: 1 }],
  ['Mar 1st', { month: 3, day: 1 }],
  ['1 March', { month: 3, day: 1 }],
  ['Saturday, March 2', { month: 3, day: 2 }],
  ['Sat, March 2', { month: 3, day: 2 }],
  ['Fri, Mar 1', { month: 3, day: 1 }],
  ['| Tue, 8 April |', { month: 4, day: 8 }, 'Tue, 8 April'],
];

describe('calendar dates', () => {
  for (const [text, expected, covered] of ACCEPTED) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const found = findTimeMentions(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      const m = found[0]!;
      assert.deepEqual(m.date, expected);
      assert.equal(m.time, undefined);
      assert.equal(text.slice(m.start, m.end), covered ?? text);
    });
  }

  const NOT_DATES = [
    '2024',
    'in 2024 we',
    'February 30, 2024',
    'February 29, 2023',
    'April 31',
    '13/13/2024',
    '1-2-3-4-2024',
    '24/7',
    '3/4',
    'you may 20 times',
    'march 5 miles',
    'May 2024',
    'block 24154245',
    'v1.2.2024',
    '1.2.23',
    'Aug-27',
    // Words, versions, quarters and fractions next to numbers are not yearless dates.
    'we may 3 times retry',
    'on the 3rd',
    'Q1 2024',
    'Q3',
    'version 3.1',
    'v2.3.1 of the March release',
    '1/2 of the fleet',
    'march 2 miles',
    'sat 3 hours',
  ];
  for (const text of NOT_DATES) {
    it(`does not read ${JSON.stringify(text)} as a date`, () => {
      assert.deepEqual(findTimeMentions(text).filter((m) => m.date), []);
    });
  }

  it('reads the second day of a month-first span with the month written before it', () => {
    for (const text of ['March 10–11, 2026', 'Mar 10-11 2026', 'March 10 – 11, 2026']) {
      const found = findTimeMentions(text);
      // The first day as written (its year comes when the range is joined), the second with the month before it.
      assert.deepEqual(found.map((m) => m.date), [{ month: 3, day: 10 }, { year: 2026, month: 3, day: 11 }], text);
      assert.equal(found[1]!.inherited?.date, true);
      assert.equal(text.slice(found[1]!.start, found[1]!.end).replace(/,? /, ' '), '11 2026');
    }
  });

  it('does not read a number after "March 10 -" as a day without a year', () => {
    assert.deepEqual(findTimeMentions('March 10 - 11 servers').map((m) => m.date), [{ month: 3, day: 10 }]);
  });

  it('does not take a year from the next line', () => {
    const [m] = findTimeMentions('May 20\n2024 was a year');
    assert.deepEqual(m?.date, { month: 5, day: 20 });
  });
});

describe('a yearless date given the year nearest a reference', () => {
  it('stays in the reference year within it', () => {
    assert.deepEqual(withNearestYear({ month: 3, day: 2 }, { year: 2024, month: 3, day: 1 }), { year: 2024, month: 3, day: 2 });
    assert.deepEqual(withNearestYear({ month: 9, day: 15 }, { year: 2024, month: 6, day: 10 }), { year: 2024, month: 9, day: 15 });
  });

  it('crosses the new year either way', () => {
    assert.deepEqual(withNearestYear({ month: 1, day: 1 }, { year: 2023, month: 12, day: 31 }), { year: 2024, month: 1, day: 1 });
    assert.deepEqual(withNearestYear({ month: 12, day: 30 }, { year: 2024, month: 1, day: 2 }), { year: 2023, month: 12, day: 30 });
  });

  it('keeps a written year, and Feb 29 in a leap year', () => {
    const written = { year: 2020, month: 5, day: 1 };
    assert.equal(withNearestYear(written, { year: 2024, month: 5, day: 1 }), written);
    assert.deepEqual(withNearestYear({ month: 2, day: 29 }, { year: 2025, month: 2, day: 20 }), { year: 2024, month: 2, day: 29 });
  });
});
