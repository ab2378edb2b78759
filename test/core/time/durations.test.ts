// findDurations: stated lengths, qualifiers and bounds, and what is not a length.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDurations, type DurationMention } from '../../../server/src/core/time/index.js';

/** [text, covered text, minutes, approximate, bound] */
const CASES: Array<[string, string, number, boolean?, DurationMention['bound']?]> = [
  ['2 hours and 30 minutes', '2 hours and 30 minutes', 150],
  ['2 hours 30 minutes', '2 hours 30 minutes', 150],
  ['1 hour, 30 minutes', '1 hour, 30 minutes', 90],
  ['2h 30m', '2h 30m', 150],
  ['2h30m', '2h30m', 150],
  ['(1h50m)', '1h50m', 110],
  ['7.5 hours', '7.5 hours', 450],
  ['1.5 days', '1.5 days', 2160],
  ['30 mins', '30 mins', 30],
  ['30 min', '30 min', 30],
  ['~5min delay', '5min', 5, true],
  ['15minutes', '15minutes', 15],
  ['90 seconds', '90 seconds', 1.5],
  ['45s', '45s', 0.75],
  ['three hours', 'three hours', 180],
  ['forty-five minutes', 'forty-five minutes', 45],
  ['twenty five minutes', 'twenty five minutes', 25],
  ['sixty seconds', 'sixty seconds', 1],
  ['an hour', 'an hour', 60],
  ['a day', 'a day', 1440],
  ['half an hour', 'half an hour', 30],
  ['a half hour', 'a half hour', 30],
  ['half-hour', 'half-hour', 30],
  ['an hour and a half', 'an hour and a half', 90],
  ['2 and half hours', '2 and half hours', 150],
  ['2 and a half hours', '2 and a half hours', 150],
  ['one and a half hours', 'one and a half hours', 90],
  ['a couple of hours', 'a couple of hours', 120],
  ['a 30-minute outage', '30-minute', 30],
  ['a 47 minute period', '47 minute', 47],
  ['1-hour', '1-hour', 60],
  ['two-hour window', 'two-hour', 120],
  ['5 days', '5 days', 7200],
  ['2 weeks', '2 weeks', 20160],
  ['1 day 6 hours', '1 day 6 hours', 1800],
  ['5 minutes ago', '5 minutes', 5],
  ['[+6.5 hrs]', '6.5 hrs', 390],
  ['1 hr', '1 hr', 60],
  ['~30 hours', '30 hours', 1800, true],
  ['\\~30 hours', '30 hours', 1800, true],
  ['about 2 hours', '2 hours', 120, true],
  ['approximately 40 minutes', '40 minutes', 40, true],
  ['approx. 40 minutes', '40 minutes', 40, true],
  ['approximately a 10 minutes gap', '10 minutes', 10, true],
  ['roughly 30m later', '30m', 30, true],
  ['almost four hours', 'four hours', 240, true],
  ['nearly 3 hours', '3 hours', 180, true],
  ['at least seven hours', 'seven hours', 420, true, 'at-least'],
  ['over 2 hours', '2 hours', 120, true, 'at-least'],
  ['more than 5 minutes', '5 minutes', 5, true, 'at-least'],
  ['just over an hour', 'an hour', 60, true, 'at-least'],
  ['30+ minutes', '30+ minutes', 30, true, 'at-least'],
  ['under 3 hours', '3 hours', 180, true, 'at-most'],
  ['less than 10 minutes', '10 minutes', 10, true, 'at-most'],
  ['within ten minutes', 'ten minutes', 10, true, 'at-most'],
  ['bounded to at maximum 16 hours', '16 hours', 960, true, 'at-most'],
  ['no more than 5 minutes', '5 minutes', 5, true, 'at-most'],
  ['up to 2 days', '2 days', 2880, true, 'at-most'],
  // One-letter units written apart from their number.
  ['(1 h 50 min)', '1 h 50 min', 110],
  ['2 h', '2 h', 120],
  ['1 h 5 m', '1 h 5 m', 65],
  ['1 h, 50 min', '1 h, 50 min', 110],
  ['1.5 h', '1.5 h', 90],
  ['~2 h later', '2 h', 120, true],
  ['1 d 4 h', '1 d 4 h', 1680],
  ['2 m 30 s', '2 m 30 s', 2.5],
  ['1 hr 5 m', '1 hr 5 m', 65],
  ['at 1 h 50 min into the run', '1 h 50 min', 110],
  ['90 min', '90 min', 90],
  ['for 2 h\n30 servers restarted', '2 h', 120],
];

describe('findDurations', () => {
  for (const [text, coveredText, minutes, approximate, bound] of CASES) {
    it(JSON.stringify(text), () => {
      const found = findDurations(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      const d = found[0]!;
      assert.equal(text.slice(d.start, d.end), coveredText);
      assert.ok(Math.abs(d.minutes - minutes) < 1e-9, `${d.minutes} vs ${minutes}`);
      assert.equal(d.approximate, approximate);
      assert.equal(d.bound, bound);
    });
  }

  it('records the largest and smallest units written, so "48 hours" is not read as whole days', () => {
    const units = (text: string) => findDurations(text).map((d) => [d.largestUnit, d.smallestUnit]);
    assert.deepEqual(units('48 hours'), [[60, 60]]);
    assert.deepEqual(units('2 days'), [[1440, 1440]]);
    assert.deepEqual(units('a day'), [[1440, 1440]]);
    assert.deepEqual(units('two days'), [[1440, 1440]]);
    assert.deepEqual(units('1 day 6 hours'), [[1440, 60]]);
    assert.deepEqual(units('2h30m'), [[60, 1]]);
    assert.deepEqual(units('a 30-minute outage'), [[1, 1]]);
  });

  it('finds several lengths in a sentence', () => {
    const text = 'down for 10 minutes, then 2 hours later another 5 min';
    assert.deepEqual(findDurations(text).map((d) => d.minutes), [10, 120, 5]);
  });

  it('reads the incident window\'s length written with spaced abbreviations', () => {
    const text = '**Incident window:** 10:20–12:10 UTC (1 h 50 min)';
    const found = findDurations(text);
    assert.deepEqual(found.map((d) => [text.slice(d.start, d.end), d.minutes]), [['1 h 50 min', 110]]);
  });

  const NOT_LENGTHS = [
    '24/7 support',
    '00:00 hours',
    'at 14:00 hours',
    'Timeline (in 24-hour clock)',
    'a 12 hour format',
    '6-9hours old',
    '1-3 hours ago',
    'around 4-5 hours',
    'due to a second PR',
    'on second try',
    'k8s',
    'pool-116f5d3e-0h28',
    '%3D',
    'commit 9d5466153',
    '2h30',
    'HTTP 500s',
    'the origin returned 503s for one in five page loads',
    'a spike of 429s',
    'the 1990s',
    'v1.2.3 hours',
    'every minute mattered',
    'several hours',
    '5 months',
    'hours and minutes',
    'HTTP 504',
    '2 PM',
  ];
  for (const text of NOT_LENGTHS) {
    it(`no length in ${JSON.stringify(text)}`, () => assert.deepEqual(findDurations(text), []));
  }
});
