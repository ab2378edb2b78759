// Reading time zones: abbreviations ("PST"), offsets ("GMT+1", "UTC+05:30", "+03:00", "+0900"),
// names ("Pacific Time", "South African Standard Time") and declarations ("Timeline (UTC)").

import { detachString } from '../text/detach.js';
import { SharedValues } from '../text/intern.js';
import type { Zone } from './types.js';
import { tokenize, type Tokens } from './scanner.js';
import { ABBREVIATIONS, ANY_CASE_ABBREVIATIONS, CORE_FIRST_WORDS, MAX_CORE_WORDS, NAME_CORES, genericZone, type ZoneInfo } from './zone-table.js';
import { isWrapper, noLineBreak, skipWrappers, skipWrappersBack } from './tokens.js';
import { readMeridiem } from './clock.js';

export interface ZoneMatch {
  zone: Zone;
  /** Index of the first token after the zone (after a closing parenthesis it opened). */
  next: number;
}

interface ZoneReadMode {
  /** lookupZone: any letter case, weak abbreviations, bare offsets, names without "time". */
  lenient?: boolean;
  /** Directly after a clock time, where "PT" or a bare "Pacific" can only be a zone. */
  afterTime?: boolean;
  /** Weak abbreviations (CAT, EAT, PT, ...) are acceptable here. */
  allowWeak?: boolean;
}

/** Offsets beyond ±14:00 do not exist; "UTC-16" is "UTC" followed by something else. */
const MAX_OFFSET_MINUTES = 14 * 60;
const SIGNS = '+-−';

/**
 * Zones made so far, by what they hold. Memory (issue 7): a timeline writes the same few zones on
 * every entry, and an object and a string apiece were ~5 MB of a 5 MB postmortem's model. Distinct
 * zones are few (the table's names and offsets).
 */
const MADE_ZONES = new SharedValues<string, Zone>(2048);

function makeZone(tokens: Tokens, first: number, last: number, info: Partial<ZoneInfo>): Zone {
  // Kept after the text it was read from: a slice of it (or a key holding one) would keep that
  // whole text alive.
  const text = detachString(tokens.slice(first, last));
  const zone: Zone = { text };
  if (info.offsetMinutes !== undefined) zone.offsetMinutes = info.offsetMinutes;
  if (info.abbreviation !== undefined) zone.abbreviation = info.abbreviation;
  if (info.ambiguousDst) zone.ambiguousDst = true;
  return MADE_ZONES.share(`${text}\u0000${info.offsetMinutes ?? ''}\u0000${info.abbreviation ?? ''}\u0000${info.ambiguousDst ? 1 : 0}`, zone);
}

/**
 * The number after a sign: "5", "05:30", "0530". Returns minutes (unsigned) and the next index.
 * `twoDigitHours` demands "+03" rather than "+3", as bare ISO offsets always have.
 */
function readOffsetNumber(tokens: Tokens, j: number, twoDigitHours: boolean): { minutes: number; next: number } | undefined {
  if (!tokens.isNum(j) || !tokens.touches(j)) return undefined;
  const digits = tokens.length(j);
  let hours: number;
  let minutes = 0;
  let next = j + 1;
  if (digits === 4) {
    hours = Math.floor(tokens.value(j) / 100);
    minutes = tokens.value(j) % 100;
  } else if (digits <= 2 && (!twoDigitHours || digits === 2)) {
    hours = tokens.value(j);
    if (tokens.isPunct(next, ':') && tokens.touches(next) && tokens.isNum(next + 1) && tokens.touches(next + 1) && tokens.length(next + 1) === 2) {
      minutes = tokens.value(next + 1);
      next += 2;
    }
  } else {
    return undefined;
  }
  if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) return undefined;
  // "+1.5", "+03:00:00": not an offset.
  if (tokens.isPunctIn(next, ':.') && tokens.touches(next) && tokens.isNum(next + 1) && tokens.touches(next + 1)) return undefined;
  return { minutes: hours * 60 + minutes, next };
}

/** A sign glued to a number at j: "+1" in "GMT+1" and in "GMT +1"; "GMT + 1" is not accepted. */
function readSignedOffset(tokens: Tokens, j: number, twoDigitHours: boolean): { minutes: number; next: number } | undefined {
  if (!tokens.isPunctIn(j, SIGNS) || tokens.lineBreak(j)) return undefined;
  const n = readOffsetNumber(tokens, j + 1, twoDigitHours);
  return n && { minutes: (tokens.isPunct(j, '+') ? 1 : -1) * n.minutes, next: n.next };
}

/** "UTC-11:00 UTC" and "UTC-5 PM" are ranges or clocks, not offsets. */
function offsetLooksLikeClock(tokens: Tokens, next: number): boolean {
  const k = skipWrappers(tokens, next);
  return readMeridiem(tokens, k) !== undefined || readAbbreviation(tokens, k, {}) !== undefined;
}

function readAbbreviation(tokens: Tokens, i: number, mode: ZoneReadMode): ZoneMatch | undefined {
  if (!tokens.isLetters(i) || tokens.length(i) > 4) return undefined;
  const text = tokens.text(i);
  const info = ABBREVIATIONS.get(text);
  if (info === undefined) return undefined;
  const anyCase = ANY_CASE_ABBREVIATIONS.has(text);
  if (!mode.lenient && !anyCase && !tokens.allCaps(i)) return undefined;
  if (info.weak && !mode.lenient && !mode.allowWeak) return undefined;
  if (text === 'z' && !mode.lenient && !mode.afterTime) return undefined;
  // "UTC5", "EST2024": glued to a number, it is an identifier.
  if (tokens.isNum(i + 1) && tokens.touches(i + 1)) return undefined;

  if (anyCase) {
    const offset = readSignedOffset(tokens, i + 1, false);
    if (offset !== undefined && !offsetLooksLikeClock(tokens, offset.next)) {
      return { zone: makeZone(tokens, i, offset.next - 1, { offsetMinutes: offset.minutes }), next: offset.next };
    }
  }
  return { zone: makeZone(tokens, i, i, info), next: i + 1 };
}

/** "Pacific Time", "Central European Summer Time", "West Central Africa Standard Timezone", "Greenwitch". */
function readZoneName(tokens: Tokens, i: number, mode: ZoneReadMode): ZoneMatch | undefined {
  if (!tokens.isLetters(i) || !CORE_FIRST_WORDS.has(tokens.text(i))) return undefined;
  // Collect a few consecutive words (bounded lookahead).
  const words: string[] = [];
  const limit = MAX_CORE_WORDS + 3;
  for (let k = i; k < tokens.count && words.length < limit; k++) {
    if (!tokens.isLetters(k) || (k > i && (!tokens.spaced(k) || tokens.lineBreak(k)))) break;
    words.push(tokens.text(k));
  }
  for (let len = Math.min(MAX_CORE_WORDS, words.length); len >= 1; len--) {
    const core = NAME_CORES.get(words.slice(0, len).join(' '));
    if (core === undefined) continue;
    let p = len;
    let variant: 'standard' | 'daylight' | undefined;
    if (words[p] === 'standard' || words[p] === 'mean') variant = 'standard';
    else if (words[p] === 'daylight' || words[p] === 'summer') variant = 'daylight';
    if (variant !== undefined) p++;
    let suffix = false;
    if (words[p] === 'timezone') {
      suffix = true;
      p++;
    } else if (words[p] === 'time') {
      suffix = true;
      p++;
      if (words[p] === 'zone') p++;
    }
    const capitalised = tokens.capitalised(i);
    const accepted =
      suffix ||
      mode.lenient === true ||
      (core.standsAlone === true && capitalised) ||
      (mode.afterTime === true && core.bareAfterTime === true && capitalised);
    if (!accepted) return undefined;
    const info = variant === 'standard' ? core.standard : variant === 'daylight' ? core.daylight ?? core.standard : genericZone(core);
    const next = i + p;
    return { zone: makeZone(tokens, i, next - 1, info), next: skipRepeatedAbbreviation(tokens, next) };
  }
  return undefined;
}

/** "Eastern African Time (EAT)": the abbreviation in parentheses repeats the name; take it along. */
function skipRepeatedAbbreviation(tokens: Tokens, j: number): number {
  if (tokens.isPunct(j, '(') && !tokens.lineBreak(j) && tokens.isLetters(j + 1) && ABBREVIATIONS.has(tokens.text(j + 1)) && tokens.isPunct(j + 2, ')')) {
    return j + 3;
  }
  return j;
}

/** Bare ISO-style offsets: "+03:00", "+0900", "-05:00". */
function readBareOffset(tokens: Tokens, j: number, allowMinus: boolean): ZoneMatch | undefined {
  if (!tokens.isPunctIn(j, SIGNS) || (!allowMinus && !tokens.isPunct(j, '+'))) return undefined;
  const offset = readSignedOffset(tokens, j, true);
  if (offset === undefined) return undefined;
  return { zone: makeZone(tokens, j, offset.next - 1, { offsetMinutes: offset.minutes }), next: offset.next };
}

/** "+UTC" (seen as "12:50:07 PM +UTC"). */
function readPlusAbbreviation(tokens: Tokens, j: number, mode: ZoneReadMode): ZoneMatch | undefined {
  if (!tokens.isPunct(j, '+') || !tokens.touches(j + 1)) return undefined;
  const inner = readAbbreviation(tokens, j + 1, mode);
  if (inner === undefined) return undefined;
  return { zone: { ...inner.zone, text: tokens.slice(j, inner.next - 1) }, next: inner.next };
}

export interface AfterTimeContext {
  /** The clock had seconds or an ISO "T": "-05:00" right after it is an offset. */
  isoStyle: boolean;
}

/**
 * A zone following a clock time, starting at token j: "14:00Z", "14:00 UTC", "10:15 AM (UTC)",
 * "7:23 AM GMT+1", "12:48 GMT +1", "2024-05-20T14:00:00+03:00", "12:50:07 PM +UTC",
 * "9:00 AM Pacific Time", "(9:00 AM - 11:00 AM, UTC)", "12: 48pm) GMT +1".
 */
export function readZoneAfterTime(tokens: Tokens, j: number, context: AfterTimeContext): ZoneMatch | undefined {
  if (j >= tokens.count || tokens.lineBreak(j)) return undefined;
  if (tokens.isWord(j, 'z') && tokens.touches(j)) {
    return { zone: makeZone(tokens, j, j, { abbreviation: 'UTC', offsetMinutes: 0 }), next: j + 1 };
  }
  const bare = readBareOffset(tokens, j, context.isoStyle && tokens.touches(j));
  if (bare !== undefined) return bare;

  let k = skipWrappers(tokens, j);
  if (tokens.isPunct(k, ')')) k = skipWrappers(tokens, k + 1); // the time closed a parenthesis
  let opened = false;
  let comma = false;
  if (tokens.isPunct(k, '(')) {
    opened = true;
    k = skipWrappers(tokens, k + 1);
  } else if (tokens.isPunct(k, ',')) {
    comma = true;
    k = skipWrappers(tokens, k + 1);
  }
  if (!noLineBreak(tokens, j, k)) return undefined;
  // After a comma only unmistakable zones count: "10:00, EAT lunch" is not East Africa Time.
  const mode: ZoneReadMode = { afterTime: !comma, allowWeak: !comma };
  // Names first: "West Africa Time" must not stop at the abbreviation WEST.
  const found = readPlusAbbreviation(tokens, k, mode) ?? readZoneName(tokens, k, mode) ?? readAbbreviation(tokens, k, mode);
  if (found === undefined) return undefined;
  if (opened) {
    const close = skipWrappers(tokens, found.next);
    if (tokens.isPunct(close, ')')) return { zone: found.zone, next: close + 1 };
  }
  return found;
}

function inParentheses(tokens: Tokens, i: number): boolean {
  return tokens.isPunct(skipWrappersBack(tokens, i - 1), '(') && tokens.isPunct(skipWrappers(tokens, i + 1), ')');
}

/** A zone written on its own ("(EAT)", "All times in PST", "Pacific Time", "GMT+1"). */
export function readStandaloneZone(tokens: Tokens, i: number, declaration = false): ZoneMatch | undefined {
  if (!tokens.isLetters(i)) return undefined;
  if (tokens.touches(i) && tokens.isNum(i - 1)) return undefined;
  const allowWeak = declaration || inParentheses(tokens, i) || tokens.isWord(skipWrappersBack(tokens, i - 1), 'in', 'times');
  // A parenthesis around it is left alone: the mention covers the zone itself, "(UTC)" -> "UTC".
  return readZoneName(tokens, i, {}) ?? readAbbreviation(tokens, i, { allowWeak });
}

/**
 * Looks a zone up from its written form alone: "PST", "pst", "GMT+1", "UTC+05:30", "+0900",
 * "+UTC", "Pacific Time", "(EAT)". Undefined unless the whole text is one zone.
 */
export function lookupZone(text: string): Zone | undefined {
  const tokens = tokenize(text);
  let i = skipWrappers(tokens, 0);
  const parenthesised = tokens.isPunct(i, '(');
  if (parenthesised) i = skipWrappers(tokens, i + 1);
  const mode: ZoneReadMode = { lenient: true, afterTime: true, allowWeak: true };
  const found = readPlusAbbreviation(tokens, i, mode) ?? readZoneName(tokens, i, mode) ?? readAbbreviation(tokens, i, mode) ?? readBareOffset(tokens, i, true);
  if (found === undefined) return undefined;
  let end = skipWrappers(tokens, found.next);
  if (parenthesised && tokens.isPunct(end, ')')) end++;
  while (end < tokens.count && (isWrapper(tokens, end) || tokens.isPunct(end, '.'))) end++;
  return end >= tokens.count ? found.zone : undefined;
}

/**
 * The zone a Timeline heading or the line under it declares: "Timeline (UTC)", "All times in PST",
 * "(all times PDT)", "Timeline (in 24-hour clock, West Central Africa Standard Timezone)",
 * "all times Greenwitch, United Kingdom". The first zone written on the line wins.
 */
export function findZoneDeclaration(text: string): Zone | undefined {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.count; i++) {
    const found = readStandaloneZone(tokens, i, true);
    if (found !== undefined) return found.zone;
  }
  return undefined;
}
