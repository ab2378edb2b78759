// formatMinutes, formatClock and formatElapsed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatClock, formatElapsed, formatMinutes, type ClockTime } from '../../../server/src/core/time/index.js';

describe('formatMinutes', () => {
  const CASES: Array<[number, string]> = [
    [0, '0 minutes'],
    [1, '1 minute'],
    [10, '10 minutes'],
    [60, '1 hour'],
    [61, '1 hour 1 minute'],
    [120, '2 hours'],
    [150, '2 hours 30 minutes'],
    [1440, '1 day'],
    [1800, '1 day 6 hours'],
    [2 * 1440 + 65, '2 days 1 hour 5 minutes'],
    [0.75, '1 minute'],
    [0.2, '12 seconds'],
    [48.8, '49 minutes'],
    [59.6, '1 hour'],
    [-90, '-1 hour 30 minutes'],
  ];
  for (const [minutes, expected] of CASES) it(`${minutes} -> ${expected}`, () => assert.equal(formatMinutes(minutes), expected));

  it('keeps hours the largest unit with days: false ("48 hours" restated in hours)', () => {
    assert.equal(formatMinutes(36 * 60 + 38, { days: false }), '36 hours 38 minutes');
    assert.equal(formatMinutes(2 * 1440, { days: false }), '48 hours');
    assert.equal(formatMinutes(45, { days: false }), '45 minutes');
    assert.equal(formatMinutes(-1500, { days: false }), '-25 hours');
  });
});

describe('formatClock', () => {
  const CASES: Array<[ClockTime, '24h' | '12h', string]> = [
    [{ hour: 14, minute: 5 }, '24h', '14:05'],
    [{ hour: 9, minute: 5, second: 4 }, '24h', '09:05:04'],
    [{ hour: 24, minute: 0, endOfDay: true }, '24h', '24:00'],
    [{ hour: 14, minute: 5 }, '12h', '2:05 PM'],
    [{ hour: 0, minute: 5 }, '12h', '12:05 AM'],
    [{ hour: 12, minute: 0 }, '12h', '12:00 PM'],
    [{ hour: 11, minute: 59 }, '12h', '11:59 AM'],
    [{ hour: 24, minute: 0, endOfDay: true }, '12h', '12:00 AM'],
  ];
  for (const [time, style, expected] of CASES) it(`${JSON.stringify(time)} ${style} -> ${expected}`, () => assert.equal(formatClock(time, style), expected));
});

describe('formatElapsed', () => {
  const CASES: Array<[number, string]> = [
    [0, 'T+0m'],
    [45, 'T+45m'],
    [120, 'T+2h'],
    [150, 'T+2h30m'],
    [1440, 'T+1d'],
    [1560, 'T+1d2h'],
    [1561, 'T+1d2h1m'],
    [-5, 'T-5m'],
    [-0.2, 'T+0m'],
    [44.6, 'T+45m'],
  ];
  for (const [minutes, expected] of CASES) it(`${minutes} -> ${expected}`, () => assert.equal(formatElapsed(minutes), expected));
});
