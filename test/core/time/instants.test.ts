// toUtcMinutes and minutesBetween: one absolute axis, midnight crossings, multi-day spans, zones.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lookupZone, minutesBetween, parseTimeText, toUtcMinutes, type TimeMention } from '../../../server/src/core/time/index.js';

function at(text: string): TimeMention {
  const m = parseTimeText(text);
  assert.ok(m, `parsed ${JSON.stringify(text)}`);
  return m;
}

describe('toUtcMinutes', () => {
  it('uses Date.UTC when the date is known', () => {
    assert.equal(toUtcMinutes({ year: 2024, month: 5, day: 20 }, { hour: 14, minute: 0 }, undefined), Date.UTC(2024, 4, 20, 14) / 60_000);
  });
  it('applies the zone offset', () => {
    const utc = toUtcMinutes({ year: 2024, month: 5, day: 20 }, { hour: 14, minute: 0 }, lookupZone('UTC'));
    const cet = toUtcMinutes({ year: 2024, month: 5, day: 20 }, { hour: 15, minute: 0 }, lookupZone('CET'));
    const pst = toUtcMinutes({ year: 2024, month: 5, day: 20 }, { hour: 6, minute: 0 }, lookupZone('PST'));
    assert.equal(utc, cet);
    assert.equal(utc, pst);
  });
  it('works on day 0 without a date', () => {
    assert.equal(toUtcMinutes(undefined, { hour: 1, minute: 30 }, undefined), 90);
    assert.equal(toUtcMinutes(undefined, { hour: 1, minute: 30 }, lookupZone('GMT+1')), 30);
  });
  it('counts seconds as fractions of a minute', () => {
    assert.equal(toUtcMinutes(undefined, { hour: 0, minute: 0, second: 30 }, undefined), 0.5);
  });
  it('puts 24:00 at the end of the day', () => {
    assert.equal(toUtcMinutes(undefined, { hour: 24, minute: 0, endOfDay: true }, undefined), 1440);
    assert.equal(
      toUtcMinutes({ year: 2025, month: 2, day: 25 }, { hour: 24, minute: 0, endOfDay: true }, undefined),
      toUtcMinutes({ year: 2025, month: 2, day: 26 }, { hour: 0, minute: 0 }, undefined),
    );
  });
});

describe('minutesBetween', () => {
  /** [from, to, minutes, crossedMidnight, assumedNextDay] */
  const CASES: Array<[string, string, number, boolean, boolean]> = [
    ['14:00', '16:30', 150, false, false],
    ['23:00', '01:00', 120, true, true],
    ['10:00 PM', '1:00 AM', 180, true, true],
    ['November 10, 2023, 8:00 PM', 'November 11, 2023, 2:00 AM', 360, true, false],
    ['14:00 UTC', '15:00 CET', 0, false, false],
    ['July 29, 2023 09:00 AM', 'Aug 04, 2023 04:30 AM', 8370, true, false],
    ['18:00', '24:00', 360, false, false],
    ['May 20, 2024 23:00', '01:00', 120, true, true],
    ['21:00', 'May 11 01:00', 240, true, true],
    ['Dec 31, 2023 23:00', 'Jan 1 01:00', 120, true, false],
    ['10:00', '10:00', 0, false, false],
    ['Oct 30th 2021', 'Nov 1st, 2021', 2880, true, false],
    ['January 10, 2024, 7:00 AM', 'January 15, 2024, 1:00 PM GMT', 7560, true, false],
    ['2024-06-20 14:00 UTC', '2024-06-20 16:30 UTC', 150, false, false],
    ['09:15:04', '10:03:52', 48.8, false, false],
    ['10:00 AM PST', '1:00 PM EST', 0, false, false],
  ];
  for (const [from, to, minutes, crossedMidnight, assumedNextDay] of CASES) {
    it(`${from} -> ${to}`, () => {
      const result = minutesBetween(at(from), at(to));
      assert.ok(result);
      assert.ok(Math.abs(result.minutes - minutes) < 1e-9, `${result.minutes} vs ${minutes}`);
      assert.equal(result.crossedMidnight, crossedMidnight, 'crossedMidnight');
      assert.equal(result.assumedNextDay, assumedNextDay, 'assumedNextDay');
    });
  }

  it('inherits the zone both ways', () => {
    assert.equal(minutesBetween(at('14:00'), at('16:00 CET'))?.minutes, 120);
    assert.equal(minutesBetween(at('14:00 CET'), at('16:00'))?.minutes, 120);
  });

  it('uses the context date and zone when neither end has one', () => {
    const ctx = { date: { year: 2024, month: 3, day: 10 }, zone: lookupZone('PST') };
    assert.equal(minutesBetween(at('23:30'), at('00:15'), ctx)?.minutes, 45);
    assert.equal(minutesBetween(at('23:30 UTC'), at('00:15'), ctx)?.minutes, 45);
  });

  it('returns a negative length when explicit dates are the wrong way round', () => {
    assert.equal(minutesBetween(at('May 21, 2024 10:00'), at('May 20, 2024 10:00'))?.minutes, -1440);
  });

  it('gives up when only one end has a time', () => {
    assert.equal(minutesBetween(at('May 5'), at('10:00')), undefined);
    assert.equal(minutesBetween(at('10:00'), at('May 5')), undefined);
  });

  it('gives up on zone-only mentions', () => {
    assert.equal(minutesBetween(at('(UTC)'), at('(PST)')), undefined);
  });
});
