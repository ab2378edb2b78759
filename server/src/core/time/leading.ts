// The timestamp a timeline entry starts with: "**14:05 UTC:** text", "[08:47] text",
// "* *14:51 PST* - text", "### 13:35", "15.25 - text", "08:20 - 08:24" (a range).
//
// Decision on labels: an entry may begin with a short label instead of the time. We accept a time
// or date found within the first 60 characters of the entry ONLY when it is
//   (a) inside a leading bold span: "**Issue Detection (November 10, 2023, 8:00 PM)**: text", or
//   (b) inside parentheses right after a short label (at most 6 words) that are followed by ":"
//       or a dash or the end: "Issue Detection (November 10, 2023, 8:00 PM): text".
// A value after a label ("**Detected:** 10:00 AM") is a field, not a timestamp: callers read
// fields with findTimeMentions. Prose that mentions a time later never counts.

import type { TimeMention, TimeRangeMention } from './types.js';
import { tokenize, type Tokens } from './scanner.js';
import { APPROXIMATE_WORDS, approximateBefore, readMentionAt, type MentionMatch } from './mentions.js';
import { readRangeAfter } from './ranges.js';
import { isWrapper, skipWrappers } from './tokens.js';

/** Only the start of a line matters; long lines are cut here so the work stays bounded. */
const PREFIX_LIMIT = 500;
/** How far into the entry a labelled time may start. */
const LABEL_REACH = 60;
const MAX_LABEL_WORDS = 6;
const MAX_PREFIX_TOKENS = 60;

/** List bullets, heading marks, quotes, table pipes and the typo "= 03:08". */
const STRUCTURE_MARKS = '-*+=#>|•·–—';
/** Emphasis, brackets and "~" wrapped around the time itself. */
const DECORATION_MARKS = '*_`[({~-';

/** ":small_orange_diamond:" (an emoji shortcode). Returns the index after it, or -1. */
function shortcodeEnd(tokens: Tokens, k: number): number {
  if (!tokens.isPunct(k, ':')) return -1;
  for (let j = k + 1; j < tokens.count && j - k <= 12; j++) {
    if (tokens.spaced(j)) return -1;
    if (tokens.isPunct(j, ':')) return j > k + 1 ? j + 1 : -1;
    if (!(tokens.isLetters(j) || tokens.isNum(j) || tokens.isPunctIn(j, '_-+'))) return -1;
  }
  return -1;
}

/** "1." or "2)" followed by a space: an ordered-list marker, not "15.25". */
function isOrderedMarker(tokens: Tokens, k: number): boolean {
  return tokens.isNum(k) && tokens.isPunctIn(k + 1, '.)') && tokens.touches(k + 1) && tokens.spaced(k + 2);
}

/** "**" opens bold; a lone "*" is a bullet or italics. */
function opensBold(tokens: Tokens, k: number): boolean {
  return tokens.isPunct(k, '*') && tokens.isPunct(k + 1, '*') && tokens.touches(k + 1);
}

/** Skips what structures a line: bullets, numbers, headings, quotes, tables, HTML, emoji. */
function skipStructure(tokens: Tokens, start: number): number {
  let k = start;
  while (k < tokens.count && k - start < MAX_PREFIX_TOKENS) {
    if (tokens.isMarkup(k) || tokens.isOther(k)) k++;
    else if (tokens.isPunctIn(k, STRUCTURE_MARKS) && !opensBold(tokens, k)) k++;
    else if (isOrderedMarker(tokens, k)) k += 2;
    else if (shortcodeEnd(tokens, k) > 0) k = shortcodeEnd(tokens, k);
    else break;
  }
  return k;
}

/** Skips what decorates the time itself: emphasis, brackets, "~", "approx.", emoji. */
function skipDecoration(tokens: Tokens, start: number): { index: number; approximate: boolean } {
  let k = start;
  let approximate = false;
  while (k < tokens.count && k - start < MAX_PREFIX_TOKENS) {
    if (tokens.isMarkup(k) || tokens.isOther(k)) k++;
    else if (tokens.isPunctIn(k, DECORATION_MARKS)) {
      if (tokens.isPunct(k, '~')) approximate = true;
      k++;
    } else if (tokens.isWordIn(k, APPROXIMATE_WORDS)) {
      approximate = true;
      k++;
      if (tokens.isPunct(k, '.') && tokens.touches(k)) k++;
    } else if (shortcodeEnd(tokens, k) > 0) k = shortcodeEnd(tokens, k);
    else break;
  }
  return { index: k, approximate };
}

function isTimestamp(match: MentionMatch | undefined): match is MentionMatch {
  return match !== undefined && (match.mention.time !== undefined || match.mention.date !== undefined);
}

/** The mention, or the range it opens ("08:20 - 08:24"). */
function withRange(tokens: Tokens, match: MentionMatch, approximate: boolean): TimeMention | TimeRangeMention {
  if (approximate) match.mention.approximate = true;
  const range = readRangeAfter(tokens, match, { allowDotSeparator: true });
  return range !== undefined ? range.range : match.mention;
}

/** "**Issue Detection (November 10, 2023, 8:00 PM)**: text" — a time inside a leading bold label. */
function insideLeadingBold(tokens: Tokens, a: number): MentionMatch | undefined {
  const marker = tokens.text(a);
  if (!(marker === '*' || marker === '_') || tokens.text(a + 1) !== marker || !tokens.touches(a + 1)) return undefined;
  const labelStart = tokens.start(a);
  let close = -1;
  for (let k = a + 2; k + 1 < tokens.count && tokens.start(k) - labelStart <= 2 * LABEL_REACH; k++) {
    if (tokens.isPunct(k, marker) && tokens.isPunct(k + 1, marker) && tokens.touches(k + 1)) {
      close = k;
      break;
    }
  }
  if (close < 0) return undefined;
  for (let k = a + 2; k < close && tokens.start(k) - labelStart <= LABEL_REACH; k++) {
    const match = readMentionAt(tokens, k);
    if (isTimestamp(match)) return match.next <= close + 1 ? match : undefined;
  }
  return undefined;
}

/** "Issue Detection (November 10, 2023, 8:00 PM): text" — a time in parentheses after a short label. */
function insideLabelParentheses(tokens: Tokens, a: number): MentionMatch | undefined {
  const labelStart = tokens.start(a);
  let k = a;
  let words = 0;
  while (k < tokens.count && (tokens.isLetters(k) || isWrapper(tokens, k))) {
    if (tokens.isLetters(k) && ++words > MAX_LABEL_WORDS) return undefined;
    k++;
  }
  if (words === 0 || !tokens.isPunct(k, '(')) return undefined;
  const match = readMentionAt(tokens, skipWrappers(tokens, k + 1));
  if (!isTimestamp(match) || match.mention.start - labelStart > LABEL_REACH) return undefined;
  let after = skipWrappers(tokens, match.next);
  if (tokens.isPunct(after, ')')) after = skipWrappers(tokens, after + 1);
  else if (!tokens.isPunct(match.next - 1, ')')) return undefined; // unless the zone reader took the ")"
  if (after >= tokens.count || tokens.isPunctIn(after, ':-–—')) return match;
  return undefined;
}

/**
 * The timestamp a timeline entry starts with, after list markers, emphasis, brackets, "~",
 * "approx." and emoji; a range when it opens one ("08:20 - 08:24"). "15.25" is read as 15:25 here.
 * Undefined when the entry does not start with a time or date (see the label rule above).
 */
export function parseLeadingTimestamp(text: string): TimeMention | TimeRangeMention | undefined {
  const tokens = tokenize(text.length > PREFIX_LIMIT ? text.slice(0, PREFIX_LIMIT) : text);
  const structureEnd = skipStructure(tokens, 0);
  const decoration = skipDecoration(tokens, structureEnd);
  const direct = readMentionAt(tokens, decoration.index, { allowDotSeparator: true });
  if (isTimestamp(direct)) return withRange(tokens, direct, decoration.approximate);
  const labelled = insideLeadingBold(tokens, structureEnd) ?? insideLabelParentheses(tokens, structureEnd);
  if (labelled !== undefined) return withRange(tokens, labelled, approximateBefore(tokens, labelled.first));
  return undefined;
}

/** Placeholders and impossible clocks: "???", "HH:MM", "hh:mm", "XX:XX", "25:99", "12:7". */
const UNREADABLE_CLOCK = /^[0-9?xXhH]{1,2} ?: ?[0-9?xXmM]{1,2}(?![0-9A-Za-z])/;
const UNREADABLE_QUESTION = /^\?+(?![0-9A-Za-z])/;
const UNREADABLE_DATE = /^(?:yyyy|YYYY)[-/](?:mm|MM)[-/](?:dd|DD)(?![A-Za-z])/;
const UNREADABLE_HOUR = /^[0-9]{1,2} ?[aApP]\.?[mM]\.?(?![A-Za-z])/;

/**
 * True for an entry that starts like a timestamp that cannot be read: "[???] text", "HH:MM text",
 * "25:99 text", "{{ hh:mm }}". False when parseLeadingTimestamp reads it, or when it is prose.
 */
export function looksLikeTimestampButUnreadable(text: string): boolean {
  if (parseLeadingTimestamp(text) !== undefined) return false;
  const tokens = tokenize(text.length > PREFIX_LIMIT ? text.slice(0, PREFIX_LIMIT) : text);
  const start = skipDecoration(tokens, skipStructure(tokens, 0)).index;
  if (start >= tokens.count) return false;
  // The patterns only ever see 40 characters, so they cannot be slow whatever they contain.
  const head = text.slice(tokens.start(start), tokens.start(start) + 40);
  return UNREADABLE_QUESTION.test(head) || UNREADABLE_CLOCK.test(head) || UNREADABLE_DATE.test(head) || UNREADABLE_HOUR.test(head);
}
