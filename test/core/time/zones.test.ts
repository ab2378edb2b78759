// Zones: lookupZone, findZoneDeclaration, and zones written next to times.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeMentions, findZoneDeclaration, lookupZone, type Zone } from '../../../server/src/core/time/index.js';

/** [written, offset minutes east of UTC, canonical abbreviation (if any), ambiguousDst] */
const LOOKUPS: Array<[string, number, string?, boolean?]> = [
  ['UTC', 0, 'UTC'], ['GMT', 0, 'GMT'], ['Z', 0, 'UTC'],
  ['PST', -480, 'PST'], ['PDT', -420, 'PDT'], ['PT', -480, 'PT', true],
  ['MST', -420, 'MST'], ['MDT', -360, 'MDT'],
  ['CST', -360, 'CST'], ['CDT', -300, 'CDT'],
  ['EST', -300, 'EST'], ['EDT', -240, 'EDT'], ['ET', -300, 'ET', true],
  ['AKST', -540, 'AKST'], ['HST', -600, 'HST'],
  ['BST', 60, 'BST'], ['IST', 330, 'IST'],
  ['CET', 60, 'CET'], ['CEST', 120, 'CEST'], ['EET', 120, 'EET'], ['EEST', 180, 'EEST'], ['WET', 0, 'WET'],
  ['WAT', 60, 'WAT'], ['CAT', 120, 'CAT'], ['EAT', 180, 'EAT'], ['SAST', 120, 'SAST'],
  ['JST', 540, 'JST'], ['KST', 540, 'KST'], ['AEST', 600, 'AEST'], ['AEDT', 660, 'AEDT'],
  ['SGT', 480, 'SGT'], ['HKT', 480, 'HKT'], ['MSK', 180, 'MSK'],
  ['pst', -480, 'PST'], ['Gmt', 0, 'GMT'],
  ['Pacific Time', -480, 'PT', true],
  ['Pacific Standard Time', -480, 'PST'],
  ['Pacific Daylight Time', -420, 'PDT'],
  ['Eastern Time', -300, 'ET', true],
  ['Central European Summer Time', 120, 'CEST'],
  ['South African Standard Time', 120, 'SAST'],
  ['Eastern African Time', 180, 'EAT'],
  ['West Central Africa Standard Timezone', 60, 'WAT'],
  ['Greenwich Mean Time', 0, 'GMT'],
  ['Coordinated Universal Time', 0, 'UTC'],
  ['India Standard Time', 330, 'IST'],
  ['(UTC)', 0, 'UTC'], ['(EAT)', 180, 'EAT'], ['(South African Standard Time)', 120, 'SAST'],
  ['GMT+1', 60], ['GMT +1', 60], ['GMT-3', -180], ['UTC-5', -300], ['UTC+05:30', 330], ['UTC+0530', 330],
  ['+03:00', 180], ['-05:00', -300], ['+0900', 540], ['+UTC', 0, 'UTC'],
];

describe('lookupZone', () => {
  for (const [text, offset, abbreviation, ambiguousDst] of LOOKUPS) {
    it(`knows ${JSON.stringify(text)}`, () => {
      const zone = lookupZone(text);
      assert.ok(zone, 'found');
      assert.equal(zone.offsetMinutes, offset);
      assert.equal(zone.abbreviation, abbreviation);
      assert.equal(zone.ambiguousDst, ambiguousDst);
    });
  }
  it('keeps the text as written', () => {
    assert.equal(lookupZone('GMT +1')?.text, 'GMT +1');
    assert.equal(lookupZone('(EAT)')?.text, 'EAT');
  });
  for (const text of ['', 'bogus', 'UTC+99', 'UTC+15', 'PST extra words', 'Timeline', '14:00', 'Pacific']) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      if (text === 'Pacific') {
        // Lenient: a bare core name is accepted by lookupZone (it is only ever asked about zones).
        assert.equal(lookupZone(text)?.abbreviation, 'PT');
        return;
      }
      assert.equal(lookupZone(text), undefined);
    });
  }
});

describe('findZoneDeclaration', () => {
  const CASES: Array<[string, string | undefined, number?]> = [
    ['## Timeline (UTC)', 'UTC', 0],
    ['All times in UTC', 'UTC', 0],
    ['all times in UTC.', 'UTC', 0],
    ['(all times PST)', 'PST', -480],
    ['All times PDT.', 'PDT', -420],
    ['### Timeline (in 24-hour clock, West Central Africa Standard Timezone)', 'WAT', 60],
    ['## Timeline (all times Greenwitch, United Kingdom)', 'GMT', 0],
    ['Timeline (all times Greenwich)', 'GMT', 0],
    ['## 2. Timeline (CET)', 'CET', 60],
    ['> (all times in Pacific Time)', 'PT', -480],
    ['Timeline (EAT)', 'EAT', 180],
    ['Timeline (all times PT)', 'PT', -480],
    ['## Timeline (all times PST) 01/16/2024 - 02/28/2024. All times approximations', 'PST', -480],
    ['All times in PST, on February 5th 2019', 'PST', -480],
    ['2022-12-29 (all times EST)', 'EST', -300],
    ['## Timeline (all times in GMT)', 'GMT', 0],
    ['## Timeline', undefined],
    ['## Timeline (all times approximate)', undefined],
    ['All times in {{ most convenient timezone}}', undefined],
    ['Timeline of events (20th December 2023)', undefined],
  ];
  for (const [text, abbreviation, offset] of CASES) {
    it(`${JSON.stringify(text)} -> ${abbreviation ?? 'none'}`, () => {
      const zone = findZoneDeclaration(text);
      assert.equal(zone?.abbreviation, abbreviation);
      assert.equal(zone?.offsetMinutes, offset);
    });
  }
});

describe('zones written with times', () => {
  const CASES: Array<[string, Partial<Zone>, string]> = [
    ['14:00 UTC', { text: 'UTC', offsetMinutes: 0 }, '14:00 UTC'],
    ['14:00Z', { text: 'Z', offsetMinutes: 0 }, '14:00Z'],
    ['10:15 AM (UTC)', { text: 'UTC' }, '10:15 AM (UTC)'],
    ['7:23 AM GMT+1 - x', { text: 'GMT+1', offsetMinutes: 60 }, '7:23 AM GMT+1'],
    ['At 17:00 GMT +1, a change', { text: 'GMT +1', offsetMinutes: 60 }, '17:00 GMT +1'],
    ['12:50:07 PM +UTC', { text: '+UTC', offsetMinutes: 0 }, '12:50:07 PM +UTC'],
    ['14:00 +03:00', { text: '+03:00', offsetMinutes: 180 }, '14:00 +03:00'],
    ['14:00:00-05:00', { text: '-05:00', offsetMinutes: -300 }, '14:00:00-05:00'],
    ['9:00 AM Pacific Time', { text: 'Pacific Time', abbreviation: 'PT', ambiguousDst: true }, '9:00 AM Pacific Time'],
    ['9:00 AM Pacific', { text: 'Pacific', abbreviation: 'PT' }, '9:00 AM Pacific'],
    ['3:00 AM (South African Standard Time)', { abbreviation: 'SAST', offsetMinutes: 120 }, '3:00 AM (South African Standard Time)'],
    ['00:10 Eastern African Time (EAT) on', { abbreviation: 'EAT' }, '00:10 Eastern African Time (EAT)'],
    ['12: 30 pm Gmt', { text: 'Gmt', offsetMinutes: 0 }, '12: 30 pm Gmt'],
    ['11:00 AM, UTC)', { text: 'UTC' }, '11:00 AM, UTC'],
    ['14:00 PT', { abbreviation: 'PT' }, '14:00 PT'],
    ['14:00 EAT', { abbreviation: 'EAT' }, '14:00 EAT'],
  ];
  for (const [text, zone, covered] of CASES) {
    it(`reads the zone in ${JSON.stringify(text)}`, () => {
      const [m] = findTimeMentions(text);
      assert.ok(m?.zone, JSON.stringify(m));
      for (const [key, value] of Object.entries(zone)) assert.equal(m.zone[key as keyof Zone], value, key);
      assert.equal(text.slice(m.start, m.end), covered);
    });
  }

  it('reads a zone on its own as a zone-only mention', () => {
    const found = findTimeMentions('Time (EAT) and (UTC) and Pacific Time');
    assert.deepEqual(found.map((m) => m.zone?.abbreviation), ['EAT', 'UTC', 'PT']);
    assert.ok(found.every((m) => m.time === undefined && m.date === undefined));
  });

  it('does not read everyday words as zones', () => {
    for (const text of ['we eat lunch', 'the CAT scan', 'a WET floor', 'PT session', 'utc5', 'Central database', 'at 10:00, EAT lunch']) {
      assert.deepEqual(findTimeMentions(text).filter((m) => m.zone), [], text);
    }
  });

  it('does not take "UTC-11:00 UTC" as an offset', () => {
    const [m] = findTimeMentions('10:00 UTC-11:00 UTC');
    assert.equal(m?.zone?.text, 'UTC');
  });
});
