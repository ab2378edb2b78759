// The start time and time zone New Postmortem accepts: exactly what the engine can read back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkZone, formatDateTime, parseDateTime, wallClock } from '../../client/src/scaffold';

describe('parseDateTime', () => {
  it('reads YYYY-MM-DD HH:MM, with a T or a comma too', () => {
    assert.deepEqual(parseDateTime('2024-05-20 14:00'), { year: 2024, month: 5, day: 20, hour: 14, minute: 0 });
    assert.deepEqual(parseDateTime(' 2024-5-2T9:05 '), { year: 2024, month: 5, day: 2, hour: 9, minute: 5 });
    assert.deepEqual(parseDateTime('2024-02-29, 23:59'), { year: 2024, month: 2, day: 29, hour: 23, minute: 59 });
  });

  it('says what is wrong with anything else', () => {
    assert.match(parseDateTime('20/05/2024 14:00') as string, /YYYY-MM-DD HH:MM/);
    assert.match(parseDateTime('2024-05-20') as string, /YYYY-MM-DD HH:MM/);
    assert.match(parseDateTime('2023-02-29 10:00') as string, /2023-02 has no day 29/);
    assert.match(parseDateTime('2024-13-01 10:00') as string, /no month 13/);
    assert.match(parseDateTime('2024-05-20 24:00') as string, /not a time of day/);
    assert.match(parseDateTime('2024-05-20 12:60') as string, /not a time of day/);
    assert.match(parseDateTime('1900-01-01 00:00') as string, /plausible year/);
  });

  it('formats back to the same text', () => {
    assert.equal(formatDateTime(parseDateTime('2024-5-2 9:05') as never), '2024-05-02 09:05');
  });
});

describe('wallClock', () => {
  it('is the clock in the zone, across midnight and year ends', () => {
    const at = new Date('2024-12-31T23:30:00Z');
    assert.equal(formatDateTime(wallClock(at, 0)), '2024-12-31 23:30');
    assert.equal(formatDateTime(wallClock(at, 60)), '2025-01-01 00:30');
    assert.equal(formatDateTime(wallClock(at, -480)), '2024-12-31 15:30');
    assert.equal(formatDateTime(wallClock(at, 330)), '2025-01-01 05:00');
  });
});

describe('checkZone', () => {
  it('accepts what the engine reads, with its offset', () => {
    assert.deepEqual(checkZone('UTC'), { text: 'UTC', offsetMinutes: 0 });
    assert.deepEqual(checkZone(' cet '), { text: 'cet', offsetMinutes: 60 });
    assert.deepEqual(checkZone('+05:30'), { text: '+05:30', offsetMinutes: 330 });
    assert.deepEqual(checkZone('UTC-5'), { text: 'UTC-5', offsetMinutes: -300 });
    assert.equal((checkZone('Pacific Time') as { offsetMinutes: number }).offsetMinutes, -480);
  });

  it('turns an IANA name into advice with the offset it has on the day', () => {
    assert.equal(checkZone('Europe/Berlin', new Date('2024-07-01T12:00:00Z')), 'Write Europe/Berlin as an abbreviation or an offset: today it is UTC+02:00.');
    assert.equal(checkZone('Europe/London', new Date('2024-01-01T12:00:00Z')), 'Write Europe/London as an abbreviation or an offset: today it is UTC.');
  });

  it('refuses empty, overlong and unknown zones with a sentence', () => {
    assert.match(checkZone('  ') as string, /Enter a time zone/);
    assert.match(checkZone('x'.repeat(65)) as string, /too long/);
    assert.match(checkZone('Mars/Olympus') as string, /not a time zone/);
    assert.match(checkZone('UTC+1 and more') as string, /not a time zone/);
  });
});
