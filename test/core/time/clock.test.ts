// Clock times in every accepted form, read through the public API.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeMentions, parseTimeText, type ClockTime } from '../../../server/src/core/time/index.js';

/** [written, expected time, text the mention should cover (defaults to the whole input)] */
const ACCEPTED: Array<[string, Partial<ClockTime>, string?]> = [
  ['14:05', { hour: 14, minute: 5 }],
  ['14:05 UTC', { hour: 14, minute: 5 }],
  ['14h30', { hour: 14, minute: 30 }],
  ['09h05 CEST', { hour: 9, minute: 5 }],
  ['2:30 PM', { hour: 14, minute: 30, meridiem: 'pm' }],
  ['2:30pm', { hour: 14, minute: 30, meridiem: 'pm' }],
  ['2:30 p.m.', { hour: 14, minute: 30, meridiem: 'pm' }],
  ['2:30 P.M', { hour: 14, minute: 30, meridiem: 'pm' }],
  ['9:05 a.m.', { hour: 9, minute: 5, meridiem: 'am' }],
  ['13:20PM', { hour: 13, minute: 20, meridiem: 'pm', meridiemIgnored: true }],
  ['17:30 PM', { hour: 17, minute: 30, meridiem: 'pm', meridiemIgnored: true }],
  ['23:00 AM', { hour: 23, minute: 0, meridiem: 'am', meridiemIgnored: true }],
  ['12: 48pm', { hour: 12, minute: 48, meridiem: 'pm' }],
  ['12: 30 pm', { hour: 12, minute: 30, meridiem: 'pm' }],
  ['6 PM', { hour: 18, minute: 0, meridiem: 'pm' }],
  ['6pm', { hour: 18, minute: 0, meridiem: 'pm' }],
  ['6am', { hour: 6, minute: 0, meridiem: 'am' }],
  ['12pm', { hour: 12, minute: 0, meridiem: 'pm' }],
  ['midnight', { hour: 0, minute: 0 }],
  ['Midnight', { hour: 0, minute: 0 }],
  ['noon', { hour: 12, minute: 0 }],
  ['12 noon', { hour: 12, minute: 0 }],
  ['09:15:04', { hour: 9, minute: 15, second: 4 }],
  ['08:43:50', { hour: 8, minute: 43, second: 50 }],
  ['24:00', { hour: 24, minute: 0, endOfDay: true }],
  ['12:00 AM', { hour: 0, minute: 0, meridiem: 'am' }],
  ['12:30 PM', { hour: 12, minute: 30, meridiem: 'pm' }],
  ['12:30 AM', { hour: 0, minute: 30, meridiem: 'am' }],
  ['00:00 PST', { hour: 0, minute: 0 }],
  ['0:59 CET', { hour: 0, minute: 59 }],
  ['7:29 UTC', { hour: 7, minute: 29 }],
  ['02:30 PM', { hour: 14, minute: 30, meridiem: 'pm' }],
  ['14:00h', { hour: 14, minute: 0 }],
];

function onlyTime(text: string, options?: { allowDotSeparator?: boolean }): ClockTime | undefined {
  const found = findTimeMentions(text, options);
  assert.equal(found.length, 1, `one mention in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  return found[0]!.time;
}

describe('clock times', () => {
  for (const [text, expected] of ACCEPTED) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const time = onlyTime(text);
      assert.ok(time, 'has a time');
      for (const [key, value] of Object.entries(expected)) assert.equal(time[key as keyof ClockTime], value, key);
      if (expected.meridiem === undefined) assert.equal(time.meridiem, undefined);
    });
  }

  it('covers exactly the time and its zone', () => {
    const text = 'at 14:05 UTC, then';
    const [m] = findTimeMentions(text);
    assert.equal(text.slice(m!.start, m!.end), '14:05 UTC');
  });

  it('reads "15.25" only when the dot separator is allowed', () => {
    assert.deepEqual(findTimeMentions('15.25 - text'), []);
    assert.deepEqual(onlyTime('15.25 - text', { allowDotSeparator: true }), { hour: 15, minute: 25 });
  });

  it('even with dots allowed, rejects versions and addresses', () => {
    for (const text of ['v1.2.3', '3.11.7', '10.0.0.1', 'Ubuntu 20.04.1', '1.5']) {
      assert.deepEqual(findTimeMentions(text, { allowDotSeparator: true }), [], text);
    }
  });

  it('keeps fractional ISO seconds out of the way', () => {
    const m = parseTimeText('2024-05-20T14:00:00.123Z');
    assert.deepEqual(m?.time, { hour: 14, minute: 0, second: 0 });
    assert.equal(m?.zone?.offsetMinutes, 0);
  });

  /** Two-digit minutes 00-59 and hours 0-24 are required; each of these is not a time. */
  const NOT_TIMES = ['3:1', '1:1', '10:7', '25:00', '24:30', '12:60', '123:45', '0 pm', '13 pm', '24:00 PM', 'Step 2: 30 servers', '1h30', '14h30m', '24h00', '14h5'];
  for (const text of NOT_TIMES) {
    it(`does not read ${JSON.stringify(text)} as a time`, () => {
      assert.deepEqual(findTimeMentions(text).filter((m) => m.time), []);
    });
  }
});
