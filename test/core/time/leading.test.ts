// parseLeadingTimestamp and looksLikeTimestampButUnreadable on timeline entries as people write them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeTimestampButUnreadable, parseLeadingTimestamp, type TimeMention, type TimeRangeMention } from '../../../server/src/core/time/index.js';

function brief(m: TimeMention): string {
  const parts: string[] = [];
  if (m.date) parts.push(`${m.date.year ?? '?'}-${m.date.month}-${m.date.day}`);
  if (m.time) parts.push(`${m.time.hour}:${String(m.time.minute).padStart(2, '0')}`);
  if (m.zone) parts.push(m.zone.abbreviation ?? m.zone.text);
  if (m.approximate) parts.push('~');
  return parts.join(' ');
}

function isRange(x: TimeMention | TimeRangeMention): x is TimeRangeMention {
  return 'from' in x;
}

/** [entry, covered text, description of the mention (or "from -> to" for a range)] */
const READABLE: Array<[string, string, string]> = [
  ['**14:05 UTC:** text', '14:05 UTC', '14:05 UTC'],
  ['- **14:00 UTC** - Issue detected', '14:00 UTC', '14:00 UTC'],
  ['14:00 - 🚨 Issue detected', '14:00', '14:00'],
  ['[08:47] text', '08:47', '8:47'],
  ['* [13:26] @someone reports', '13:26', '13:26'],
  ['02:47 text', '02:47', '2:47'],
  ['- 02:47 Configurations has been modified.', '02:47', '2:47'],
  ['= 03:08 The running server', '03:08', '3:08'],
  ['10:05 AM text', '10:05 AM', '10:05'],
  ['7:37 PM: Engineers check', '7:37 PM', '19:37'],
  ['* *14:51 PST* - text', '14:51 PST', '14:51 PST'],
  ['### 13:35', '13:35', '13:35'],
  ['#### 00:01:', '00:01', '0:01'],
  ['#### 1:00:', '1:00', '1:00'],
  ['2025-04-09 14:43: text', '2025-04-09 14:43', '2025-4-9 14:43'],
  ['- 2025-04-10 9:00:\tFix released', '2025-04-10 9:00', '2025-4-10 9:00'],
  ['January 10, 7:00 AM: text', 'January 10, 7:00 AM', '?-1-10 7:00'],
  ['~09:20', '09:20', '9:20 ~'],
  ['### ~10:20', '10:20', '10:20 ~'],
  ['approx. 14:00 - something', '14:00', '14:00 ~'],
  ['Midnight (SAST): text', 'Midnight (SAST)', '0:00 SAST'],
  ['15.25 - text', '15.25', '15:25'],
  ['12:45 PM DATE: lorem', '12:45 PM', '12:45'],
  ['13:55 PM DATE: lorem', '13:55 PM', '13:55'],
  ['### 2018-01-17 17:14pm', '2018-01-17 17:14pm', '2018-1-17 17:14'],
  ['### 2018-01-15', '2018-01-15', '2018-1-15'],
  ['### Sep 27 2017 13:06', 'Sep 27 2017 13:06', '2017-9-27 13:06'],
  ['<li><strong>10:30 AM:</strong>Issue detected</li>', '10:30 AM', '10:30'],
  ['- **<span style="color: #32CD32;">08:00 AM:</span>** x', '08:00 AM', '8:00'],
  ['<p>&emsp;:small_orange_diamond:16:15 GMT+1: text</p>', '16:15 GMT+1', '16:15 GMT+1'],
  ['\t2:17 PM (GMT) a user complained', '2:17 PM (GMT)', '14:17 GMT'],
  ['| 2025-04-14 14:41 | - | Block committed |', '2025-04-14 14:41', '2025-4-14 14:41'],
  ['| Jan 27th 2025, 18:50:28 UTC (block [1](x)) | Begin |', 'Jan 27th 2025, 18:50:28 UTC', '2025-1-27 18:50 UTC'],
  ['*06:00*: wire.com being down<br />', '06:00', '6:00'],
  ['1. 14:00 first', '14:00', '14:00'],
  ['> 14:00 quoted', '14:00', '14:00'],
  ['- **10:05 AM**: 🚨 **Alert**: Monitoring', '10:05 AM', '10:05'],
  ['08:30 AM UTC - Issue detected', '08:30 AM UTC', '8:30 UTC'],
  ['04-12-2022 7:23 AM GMT+1 - Some users', '04-12-2022 7:23 AM GMT+1', '2022-4-12 7:23 GMT+1'],
  ['12:45 PM PST Saturday Oct 30th: First wave', '12:45 PM PST Saturday Oct 30th', '?-10-30 12:45 PST'],
  ['- **February 15, 2024, 10:15 AM (UTC):** Our monitoring', 'February 15, 2024, 10:15 AM (UTC)', '2024-2-15 10:15 UTC'],
  // Labels: a time inside the leading bold label or inside parentheses after a short label.
  ['- **Issue Detection (November 10, 2023, 8:00 PM)**: Users reported', 'November 10, 2023, 8:00 PM', '2023-11-10 20:00'],
  ['**Detected at 10:00 UTC:** alerts fired', '10:00 UTC', '10:00 UTC'],
  ['Issue Detection (November 10, 2023, 8:00 PM): Users reported', 'November 10, 2023, 8:00 PM', '2023-11-10 20:00'],
  ['Resolution (Aug 04, 04:30 AM) - fixed', 'Aug 04, 04:30 AM', '?-8-4 4:30'],
];

const RANGES: Array<[string, string, string, string]> = [
  ['### 8:20 - 8:24', '8:20 - 8:24', '8:20', '8:24'],
  ['08:20 - 08:24', '08:20 - 08:24', '8:20', '8:24'],
  ['### 22:04-23:00 UTC: Network Split Identified', '22:04-23:00 UTC', '22:04 UTC', '23:00 UTC'],
  ['### 01:58–02:00 CET', '01:58–02:00 CET', '1:58 CET', '2:00 CET'],
  ['### 10:07-10:29 AM: Emergency Coordination', '10:07-10:29 AM', '10:07', '10:29'],
  ['**Phase 1 (7:30 - 10:30 UTC)**: fix', '7:30 - 10:30 UTC', '7:30 UTC', '10:30 UTC'],
];

const NOT_TIMESTAMPS = [
  'On August 15, 2024, at 00:00 hours, an external security alert',
  'At 17:00 GMT +1, a configuration change',
  'The outage began at 14:00 UTC.',
  '- **Detection Time:** January 20, 2024, 2:00 PM (UTC)',
  '- __Issue Detected:__ July 29, 09:00 AM (UTC)',
  '1. Issue Summary:',
  '## 2. Timeline (CET)',
  '### After 02:10 CET',
  'Benjamin Elder [2:17 PM]',
  'The outage (which began at 10:00) was long',
  '**A very long bold label that goes on and on for many words before 10:00**: x',
  '',
  '- etc',
  '3 days later, we fixed it',
];

describe('parseLeadingTimestamp', () => {
  for (const [text, coveredText, expected] of READABLE) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const found = parseLeadingTimestamp(text);
      assert.ok(found && !isRange(found), JSON.stringify(found));
      assert.equal(text.slice(found.start, found.end), coveredText);
      assert.equal(brief(found), expected);
    });
  }
  for (const [text, coveredText, from, to] of RANGES) {
    it(`reads the range in ${JSON.stringify(text)}`, () => {
      const found = parseLeadingTimestamp(text);
      assert.ok(found && isRange(found), JSON.stringify(found));
      assert.equal(text.slice(found.start, found.end), coveredText);
      assert.equal(brief(found.from), from);
      assert.equal(brief(found.to), to);
    });
  }
  for (const text of NOT_TIMESTAMPS) {
    it(`finds no leading timestamp in ${JSON.stringify(text)}`, () => assert.equal(parseLeadingTimestamp(text), undefined));
  }
  it('only looks at the start of a very long line', () => {
    const found = parseLeadingTimestamp(`14:00 ${'x'.repeat(1_000_000)}`);
    assert.equal(found?.start, 0);
  });
});

describe('looksLikeTimestampButUnreadable', () => {
  const UNREADABLE = ['* [???] IOPS reached a critical point', '[???] text', 'HH:MM - x', 'hh:mm something', '### {{ hh:mm }}', '### {{ yyyy-mm-dd hh:mm }}', '- XX:XX event', '25:99 text', '- 12:7 typo', '??:?? later', '13 PM text'];
  for (const text of UNREADABLE) {
    it(`flags ${JSON.stringify(text)}`, () => assert.equal(looksLikeTimestampButUnreadable(text), true));
  }
  const FINE = ['14:00 text', '**14:05 UTC:** text', 'Plain prose here.', '- Mitigation: restart', '2: Mitigation', '10.5 hours of work', '', '- etc', 'Note: see above'];
  for (const text of FINE) {
    it(`does not flag ${JSON.stringify(text)}`, () => assert.equal(looksLikeTimestampButUnreadable(text), false));
  }
});
