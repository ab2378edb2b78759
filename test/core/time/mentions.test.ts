// findTimeMentions and parseTimeText: merging dates with times, Markdown noise, and what must not match.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeMentions, parseTimeText, type TimeMention } from '../../../server/src/core/time/index.js';

/** A compact view of a mention: "Y-M-D HH:MM[:SS] ZONE", with '?' for a missing year. */
function describeMention(m: TimeMention): string {
  const parts: string[] = [];
  if (m.date) parts.push(`${m.date.year ?? '?'}-${m.date.month}-${m.date.day}`);
  if (m.time) {
    const pad = (n: number) => String(n).padStart(2, '0');
    parts.push(`${pad(m.time.hour)}:${pad(m.time.minute)}${m.time.second !== undefined ? `:${pad(m.time.second)}` : ''}`);
  }
  if (m.zone) parts.push(`${m.zone.text}(${m.zone.offsetMinutes})`);
  return parts.join(' ');
}

function covered(text: string): string[] {
  return findTimeMentions(text).map((m) => text.slice(m.start, m.end));
}

describe('date and time merge into one mention', () => {
  /** [written, expected description] — the mention must cover the whole input. */
  const CASES: Array<[string, string]> = [
    ['May 20, 2024, 14:00 UTC', '2024-5-20 14:00 UTC(0)'],
    ['2024-06-20 14:00', '2024-6-20 14:00'],
    ['February 15, 2024, 10:15 AM (UTC)', '2024-2-15 10:15 UTC(0)'],
    ['Jan 27th 2025, 18:50:28 UTC', '2025-1-27 18:50:28 UTC(0)'],
    ['2024-05-20T14:00:00Z', '2024-5-20 14:00:00 Z(0)'],
    ['2024-05-20T14:00:00+03:00', '2024-5-20 14:00:00 +03:00(180)'],
    ['2024-05-20T14:00', '2024-5-20 14:00'],
    ['02-13-2025 11:00 pm', '2025-2-13 23:00'],
    ['2:00 PM May 10', '?-5-10 14:00'],
    ['12:50 PM PDT on August 8, 2017', '2017-8-8 12:50 PDT(-420)'],
    ['13:55 PM PST Saturday Oct 30th', '?-10-30 13:55 PST(-480)'],
    ['January 10, 7:00 AM', '?-1-10 07:00'],
    ['Mar 10 at 19:21 UTC', '?-3-10 19:21 UTC(0)'],
    ['February 27, 2025, at 17:00 UTC', '2025-2-27 17:00 UTC(0)'],
    ['Sep 27 2017 13:06', '2017-9-27 13:06'],
    ['06/May/2022 2:17 PM (GMT)', '2022-5-6 14:17 GMT(0)'],
    ['04-12-2022 7:23 AM GMT+1', '2022-4-12 07:23 GMT+1(60)'],
    ['January 31 2023, 16:15 GMT+1', '2023-1-31 16:15 GMT+1(60)'],
    ['2017-11-30 4:23PM PST', '2017-11-30 16:23 PST(-480)'],
    ['Aug-27-2021 12:50:07 PM +UTC', '2021-8-27 12:50:07 +UTC(0)'],
    ['Mon May 10 19:03:52 2021 +0900', '2021-5-10 19:03:52 +0900(540)'],
    ['09:15:04 Monday May 10th (UTC)', '?-5-10 09:15:04 UTC(0)'],
    ['September 11th, 2018 at midnight', '2018-9-11 00:00'],
    ['May 29 2025, \\~17:30 PM UTC', '2025-5-29 17:30 UTC(0)'],
    ['9:37 AM PST on October 21, 2026', '2026-10-21 09:37 PST(-480)'],
    ['23:40 UTC on November 17', '?-11-17 23:40 UTC(0)'],
    ['23:40 UTC on 17 Nov', '?-11-17 23:40 UTC(0)'],
    ['02:55 on Nov 18th', '?-11-18 02:55'],
    ['23:40 UTC on 2026-11-17', '2026-11-17 23:40 UTC(0)'],
  ];
  for (const [text, expected] of CASES) {
    it(JSON.stringify(text), () => {
      const found = findTimeMentions(text);
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.equal(describeMention(found[0]!), expected);
      assert.deepEqual([found[0]!.start, found[0]!.end], [0, text.length]);
    });
  }

  it('gives a time the date written after it with "on"', () => {
    const text = 'The deploy at 9:37 AM PST on October 21, 2026 broke logins.';
    const found = findTimeMentions(text);
    assert.deepEqual(found.map((m) => [text.slice(m.start, m.end), describeMention(m)]), [['9:37 AM PST on October 21, 2026', '2026-10-21 09:37 PST(-480)']]);
    const window = 'From 23:40 UTC on November 17 until 02:55 UTC on November 18 (3 hours 15 minutes)';
    assert.deepEqual(findTimeMentions(window).map(describeMention), ['?-11-17 23:40 UTC(0)', '?-11-18 02:55 UTC(0)']);
  });

  it('does not merge across a line break', () => {
    assert.deepEqual(covered('2019-01-22\n14:00 text'), ['2019-01-22', '14:00']);
  });

  it('does not merge "from" into a date', () => {
    assert.deepEqual(covered('On June 9th, 2024 from 10:05 AM to 10:15 AM WAT'), ['June 9th, 2024', '10:05 AM', '10:15 AM WAT']);
  });
});

describe('Markdown noise does not stop recognition', () => {
  const CASES: Array<[string, string[]]> = [
    ['**14:00 UTC:**', ['14:00 UTC']],
    ['- **14:05 UTC** - On-call engineer', ['14:05 UTC']],
    ['* *14:51 PST* - Engineer', ['14:51 PST']],
    ['_10:00_ and `11:00`', ['10:00', '11:00']],
    ['[08:47] text', ['08:47']],
    ['<li><strong>10:30 AM:</strong>Issue</li>', ['10:30 AM']],
    ['- **<span style="color: #32CD32;">08:00 AM:</span>** x', ['08:00 AM']],
    ['<p>&emsp;:small_orange_diamond:16:15 GMT+1: text</p>', ['16:15 GMT+1']],
    ['**Duration:** February 1st, 2023, 8:00 AM to 8:30 AM PST <br>', ['February 1st, 2023, 8:00 AM', '8:30 AM PST']],
    ['14:00 - 🚨 Issue detected', ['14:00']],
    ['🚨14:00 issue', ['14:00']],
    ['*06:00*: wire.com being down<br />', ['06:00']],
    ['| 2025-04-09 14:41 | - | Block |', ['2025-04-09 14:41']],
    ['**14:00** UTC', ['14:00** UTC']],
    ['see [docs](https://example.com/2024/05/20/14:00) now', []],
  ];
  for (const [text, expected] of CASES) {
    it(JSON.stringify(text), () => assert.deepEqual(covered(text), expected));
  }
});

describe('approximate times', () => {
  const CASES: Array<[string, boolean]> = [
    ['~09:20', true],
    ['approximately 7:30 pm (CST)', true],
    ['approx. 14:00', true],
    ['at around 6pm', true],
    ['about 10:00 UTC', true],
    ['roughly at 12:05 EAT', true],
    ['at 14:00', false],
  ];
  for (const [text, approximate] of CASES) {
    it(JSON.stringify(text), () => {
      const [m] = findTimeMentions(text);
      assert.equal(m?.approximate === true, approximate);
    });
  }
});

describe('what must not match', () => {
  const NOT_MENTIONS = [
    'v1.2.3',
    'Python 3.11.7',
    'IP 10.0.0.1 and 192.168.1.254',
    'localhost:8080',
    'ratio 1:1',
    'a 3:1 split',
    '95% of users',
    'HTTP 504 Gateway Timeout',
    'a 500 error',
    'lasted 2 hours',
    '24/7 support',
    '42',
    'block 24154245',
    'commit acdf2fbb3',
    'hash 0x40a656c88b9ceb7d6251adc8819228a98ae26511faa246cb88004ca402a9f642',
    'nginx:nginx',
    'chmod 777',
    '12:34abc',
    'abc12:34',
    'php7.4-fpm',
    '1:2:3:4',
    '12:30:45:99',
    '4022m 102% 13681Mi',
  ];
  for (const text of NOT_MENTIONS) {
    it(JSON.stringify(text), () => assert.deepEqual(findTimeMentions(text), []));
  }
});

describe('offsets stay within the text', () => {
  it('reports offsets into the original string', () => {
    const text = 'From 02:47 AM UTC to 05:00 AM UTC, our site was down.';
    const found = findTimeMentions(text);
    assert.deepEqual(found.map((m) => text.slice(m.start, m.end)), ['02:47 AM UTC', '05:00 AM UTC']);
  });
  it('returns mentions in order and without overlap', () => {
    const text = 'May 20, 2024, 14:00 - 16:30 UTC (2 hours 30 minutes), then 17:00 and 2024-05-21';
    const found = findTimeMentions(text);
    for (let i = 1; i < found.length; i++) assert.ok(found[i]!.start >= found[i - 1]!.end);
    assert.equal(found.length, 4);
  });
});

describe('parseTimeText', () => {
  const CASES: Array<[string, string | undefined]> = [
    ['2024-05-20 14:00 UTC', '2024-5-20 14:00 UTC(0)'],
    ['start: 2024-05-20 14:00 UTC', '2024-5-20 14:00 UTC(0)'],
    ['May 20, 2024', '2024-5-20'],
    ['14:05', '14:05'],
    ['"2024-05-20T14:00:00Z"', '2024-5-20 14:00:00 Z(0)'],
    ['not a time', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of CASES) {
    it(JSON.stringify(text), () => {
      const m = parseTimeText(text);
      assert.equal(m === undefined ? undefined : describeMention(m), expected);
    });
  }
});
