// Generic zone names take their region's daylight offset once the date is known.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeMentions, sameClockZone, zoneOnDate, type CalendarDate, type Zone } from '../../../server/src/core/time/index.js';

function zoneOf(text: string): Zone {
  const zone = findTimeMentions(text).find((m) => m.zone)?.zone;
  assert.ok(zone, `no zone read in ${text}`);
  return zone;
}

const offsetOn = (text: string, date: CalendarDate | undefined) => zoneOnDate(zoneOf(text), date).offsetMinutes;

describe('zoneOnDate', () => {
  it('reads US generic names as daylight time between the second Sunday of March and the first of November', () => {
    assert.equal(offsetOn('7:05 PM Eastern Time', { year: 2026, month: 7, day: 25 }), -240);
    assert.equal(offsetOn('7:05 PM ET', { year: 2026, month: 7, day: 25 }), -240);
    assert.equal(offsetOn('9:00 AM Pacific Time', { year: 2026, month: 1, day: 14 }), -480);
    // 2026: March 8 and November 1 are the change-over Sundays.
    assert.equal(offsetOn('9:00 AM PT', { year: 2026, month: 3, day: 7 }), -480);
    assert.equal(offsetOn('9:00 AM PT', { year: 2026, month: 3, day: 8 }), -420);
    assert.equal(offsetOn('9:00 AM PT', { year: 2026, month: 10, day: 31 }), -420);
    assert.equal(offsetOn('9:00 AM PT', { year: 2026, month: 11, day: 1 }), -480);
  });

  it('follows the European rule for European names (last Sundays of March and October)', () => {
    // 2026: March 29 and October 25.
    assert.equal(offsetOn('10:00 Central European Time', { year: 2026, month: 3, day: 28 }), 60);
    assert.equal(offsetOn('10:00 Central European Time', { year: 2026, month: 3, day: 29 }), 120);
    assert.equal(offsetOn('10:00 Central European Time', { year: 2026, month: 10, day: 25 }), 60);
    assert.equal(offsetOn('10:00 British time', { year: 2026, month: 6, day: 1 }), 60);
  });

  it('follows the southern rules for Australia and New Zealand', () => {
    assert.equal(offsetOn('10:00 Australian Eastern Time', { year: 2026, month: 1, day: 10 }), 660);
    assert.equal(offsetOn('10:00 Australian Eastern Time', { year: 2026, month: 7, day: 10 }), 600);
    assert.equal(offsetOn('10:00 New Zealand Time', { year: 2026, month: 12, day: 1 }), 780);
  });

  it('leaves explicit zones, and any zone without a dated year, as written', () => {
    assert.equal(offsetOn('7:05 PM EST', { year: 2026, month: 7, day: 25 }), -300);
    assert.equal(offsetOn('7:05 PM UTC', { year: 2026, month: 7, day: 25 }), 0);
    assert.equal(offsetOn('7:05 PM Eastern Time', { month: 7, day: 25 }), -300);
    assert.equal(offsetOn('7:05 PM Eastern Time', undefined), -300);
  });

  it('gives the same object for the same zone, so unchanged timeline entries are kept', () => {
    const zone = zoneOf('7:05 PM ET');
    assert.equal(zoneOnDate(zone, { year: 2026, month: 7, day: 1 }), zoneOnDate(zone, { year: 2026, month: 8, day: 1 }));
  });
});

describe('sameClockZone', () => {
  const same = (a: string, b: string) => sameClockZone(zoneOf(`10:00 ${a}`), zoneOf(`10:00 ${b}`));

  it('takes the standard and daylight names of one region as one local clock', () => {
    for (const [a, b] of [['EST', 'EDT'], ['CST', 'CDT'], ['MST', 'MDT'], ['PST', 'PDT'], ['AKST', 'AKDT'], ['HST', 'HDT'], ['GMT', 'BST'], ['CET', 'CEST'], ['EET', 'EEST'], ['AEST', 'AEDT'], ['NZST', 'NZDT']]) {
      assert.ok(same(a!, b!), `${a} / ${b}`);
      assert.ok(same(b!, a!), `${b} / ${a}`);
    }
    assert.ok(same('Eastern Standard Time', 'EDT'));
    assert.ok(same('PT', 'PDT'));
  });

  it('keeps different regions apart, whatever their offsets', () => {
    assert.ok(!same('PST', 'UTC'));
    assert.ok(!same('EST', 'PST'));
    assert.ok(!same('EDT', 'CST'));
    assert.ok(!same('CET', 'EEST'));
    assert.ok(!same('AEST', 'NZDT'));
  });

  it('still takes equal offsets as one clock (CDT and EST)', () => {
    assert.ok(same('CDT', 'EST'));
    assert.ok(same('GMT', 'UTC'));
  });
});
