// Every reader over every line (and every whole file) of the real postmortems in the shared corpus:
// nothing may throw, and every offset must lie inside the text it was found in. Skips itself when
// the corpus is not on this machine. (The corpus is read in place; none of it is copied here.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  findDurations,
  findTimeMentions,
  findTimeRanges,
  findZoneDeclaration,
  formatElapsed,
  formatMinutes,
  looksLikeTimestampButUnreadable,
  minutesBetween,
  parseLeadingTimestamp,
  parseTimeText,
  type TimeMention,
} from '../../../server/src/core/time/index.js';

const CORPUS = process.env.POSTMORTEM_CORPUS ?? '/work/shared/corpus/docs';
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md')).sort() : [];

function assertSpan(text: string, span: { start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: integer offsets`);
  assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, `${what}: [${span.start}, ${span.end}) inside ${text.length}`);
}

function assertInOrder(spans: Array<{ start: number; end: number }>, what: string): void {
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start >= spans[i - 1]!.end, `${what}: in order, no overlap`);
}

function assertMention(text: string, m: TimeMention, what: string): void {
  assertSpan(text, m, what);
  assert.ok(m.date || m.time || m.zone, `${what}: says something`);
  if (m.time) assert.ok(m.time.hour >= 0 && m.time.hour <= 24 && m.time.minute >= 0 && m.time.minute <= 59, `${what}: clock in range`);
  if (m.date) assert.ok(m.date.month >= 1 && m.date.month <= 12 && m.date.day >= 1 && m.date.day <= 31, `${what}: date in range`);
}

/** Runs every reader on one piece of text and checks the shape of what comes back. */
function exercise(text: string, where: string): { leading: number; mentions: number } {
  const mentions = findTimeMentions(text);
  mentions.forEach((m) => assertMention(text, m, `${where} mention`));
  assertInOrder(mentions, `${where} mentions`);
  const dotted = findTimeMentions(text, { allowDotSeparator: true });
  dotted.forEach((m) => assertMention(text, m, `${where} dotted mention`));

  const ranges = findTimeRanges(text);
  assertInOrder(ranges, `${where} ranges`);
  for (const r of ranges) {
    assertSpan(text, r, `${where} range`);
    assertMention(text, r.from, `${where} range start`);
    assertMention(text, r.to, `${where} range end`);
    const elapsed = minutesBetween(r.from, r.to);
    if (elapsed) {
      assert.ok(Number.isFinite(elapsed.minutes), `${where}: finite length`);
      formatMinutes(elapsed.minutes);
      formatElapsed(elapsed.minutes);
    }
  }

  const durations = findDurations(text);
  assertInOrder(durations, `${where} durations`);
  for (const d of durations) {
    assertSpan(text, d, `${where} duration`);
    assert.ok(Number.isFinite(d.minutes) && d.minutes >= 0, `${where}: duration ${d.minutes}`);
  }

  const leading = parseLeadingTimestamp(text);
  if (leading) {
    assertSpan(text, leading, `${where} leading`);
    if ('from' in leading) {
      assertMention(text, leading.from, `${where} leading start`);
      assertMention(text, leading.to, `${where} leading end`);
    } else {
      assertMention(text, leading, `${where} leading`);
    }
  }
  looksLikeTimestampButUnreadable(text);
  findZoneDeclaration(text);
  parseTimeText(text);
  return { leading: leading ? 1 : 0, mentions: mentions.length };
}

describe('the shared corpus', { skip: files.length === 0 ? `no corpus at ${CORPUS}` : false }, () => {
  let leadingTotal = 0;
  let mentionTotal = 0;
  for (const file of files) {
    it(file, () => {
      const content = readFileSync(join(CORPUS, file), 'utf8');
      exercise(content, `${file} (whole file)`);
      content.split(/\r?\n/).forEach((line, n) => {
        const counts = exercise(line, `${file}:${n + 1}`);
        leadingTotal += counts.leading;
        mentionTotal += counts.mentions;
      });
    });
  }
  it('finds a plausible amount of time in it', () => {
    // Guards against a reader silently going blind: the corpus has hundreds of timeline entries.
    assert.ok(leadingTotal > 400, `${leadingTotal} leading timestamps`);
    assert.ok(mentionTotal > 800, `${mentionTotal} mentions`);
  });
});
