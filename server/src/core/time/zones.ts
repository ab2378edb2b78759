// Reading time zones: abbreviations ("PST"), offsets ("GMT+1", "UTC+05:30", "+03:00", "+0900"),
// names ("Pacific Time", "South African Standard Time") and declarations ("Timeline (UTC)").

import type { Zone } from './types.js';
import { tokenize, type Token } from './scanner.js';
import { ABBREVIATIONS, ANY_CASE_ABBREVIATIONS, MAX_CORE_WORDS, NAME_CORES, genericZone, type ZoneInfo } from './zone-table.js';
import { digitCount, isPunct, isWord, isWrapper, skipWrappers, skipWrappersBack } from './tokens.js';
import { readMeridiem } from './clock.js';

export interface ZoneMatch {
  zone: Zone;
  /** Index of the first token after the zone (after a closing parenthesis it opened). */
  next: number;
}

interface ZoneReadMode {
  /** lookupZone: any letter case, weak abbreviations, bare offsets, names without "time". */
  lenient?: boolean;
  /** Directly after a clock time, where "Z", "PT" or a bare "Pacific" can only be a zone. */
  afterTime?: boolean;
  /** Weak abbreviations (CAT, EAT, PT, ...) are acceptable here. */
  allowWeak?: boolean;
}

/** Offsets beyond ±14:00 do not exist; "UTC-16" is "UTC" followed by something else. */
const MAX_OFFSET_MINUTES = 14 * 60;

function makeZone(source: string, tokens: Token[], first: number, last: number, info: Partial<ZoneInfo>): Zone {
  const zone: Zone = { text: source.slice(tokens[first]!.start, tokens[last]!.end) };
  if (info.offsetMinutes !== undefined) zone.offsetMinutes = info.offsetMinutes;
  if (info.abbreviation !== undefined) zone.abbreviation = info.abbreviation;
  if (info.ambiguousDst) zone.ambiguousDst = true;
  return zone;
}

function isAllCaps(t: Token): boolean {
  return t.raw.length > 0 && t.raw === t.raw.toUpperCase();
}

function isCapitalised(t: Token): boolean {
  const c = t.raw.charCodeAt(0);
  return c >= 65 && c <= 90;
}

function isSign(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'punct' && (t.text === '+' || t.text === '-' || t.text === '−');
}

/**
 * The number after a sign: "5", "05:30", "0530". Returns minutes (unsigned) and the next index.
 * `twoDigitHours` demands "+03" rather than "+3", which bare ISO offsets always have.
 */
function readOffsetNumber(tokens: Token[], j: number, twoDigitHours: boolean): { minutes: number; next: number } | undefined {
  const t = tokens[j];
  if (t === undefined || t.kind !== 'num' || t.spaced) return undefined;
  let hours: number;
  let minutes = 0;
  let next = j + 1;
  if (digitCount(t) === 4) {
    hours = Math.floor(t.value / 100);
    minutes = t.value % 100;
  } else if (digitCount(t) <= 2 && (!twoDigitHours || digitCount(t) === 2)) {
    hours = t.value;
    const colon = tokens[next];
    const m = tokens[next + 1];
    if (isPunct(colon, ':') && !colon!.spaced && m !== undefined && m.kind === 'num' && !m.spaced && digitCount(m) === 2) {
      minutes = m.value;
      next += 2;
    }
  } else {
    return undefined;
  }
  if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) return undefined;
  // "+1.5", "+03:00:00": not an offset.
  const after = tokens[next];
  if (after !== undefined && !after.spaced && after.kind === 'punct' && (after.text === ':' || after.text === '.')) {
    if (tokens[next + 1]?.kind === 'num' && !tokens[next + 1]!.spaced) return undefined;
  }
  return { minutes: hours * 60 + minutes, next };
}

function signOf(t: Token): number {
  return t.text === '+' ? 1 : -1;
}

/** A sign and a number at j: "+1" in "GMT+1", "+ 1" is not accepted, "GMT +1" is. */
function readSignedOffset(tokens: Token[], j: number, twoDigitHours: boolean): { minutes: number; next: number } | undefined {
  const sign = tokens[j];
  if (!isSign(sign) || sign!.lineBreak) return undefined;
  const n = readOffsetNumber(tokens, j + 1, twoDigitHours);
  return n && { minutes: signOf(sign!) * n.minutes, next: n.next };
}

/** "UTC-11:00 UTC" and "UTC-5 PM" are ranges or clocks, not offsets. */
function offsetLooksLikeClock(source: string, tokens: Token[], next: number): boolean {
  const k = skipWrappers(tokens, next);
  if (readMeridiem(tokens, k) !== undefined) return true;
  return readAbbreviation(source, tokens, k, { allowWeak: false }) !== undefined;
}

function readAbbreviation(source: string, tokens: Token[], i: number, mode: ZoneReadMode): ZoneMatch | undefined {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word') return undefined;
  const info = ABBREVIATIONS.get(t.text);
  if (info === undefined) return undefined;
  const anyCase = ANY_CASE_ABBREVIATIONS.has(t.text);
  if (!mode.lenient && !anyCase && !isAllCaps(t)) return undefined;
  if (info.weak && !mode.lenient && !mode.allowWeak) return undefined;
  if (t.text === 'z' && !mode.lenient && !mode.afterTime) return undefined;
  // "UTC5", "EST2024": glued to a number, it is an identifier.
  const after = tokens[i + 1];
  if (after !== undefined && !after.spaced && after.kind === 'num') return undefined;

  if (anyCase) {
    const offset = readSignedOffset(tokens, i + 1, false);
    if (offset !== undefined && !offsetLooksLikeClock(source, tokens, offset.next)) {
      return { zone: makeZone(source, tokens, i, offset.next - 1, { offsetMinutes: offset.minutes }), next: offset.next };
    }
  }
  return { zone: makeZone(source, tokens, i, i, info), next: i + 1 };
}

/** "Pacific Time", "Central European Summer Time", "West Central Africa Standard Timezone", "Greenwitch". */
function readZoneName(source: string, tokens: Token[], i: number, mode: ZoneReadMode): ZoneMatch | undefined {
  const first = tokens[i];
  if (first === undefined || first.kind !== 'word') return undefined;
  // Collect a few consecutive words (bounded lookahead).
  const words: string[] = [];
  const limit = MAX_CORE_WORDS + 3;
  for (let k = i; k < tokens.length && words.length < limit; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || (k > i && (!t.spaced || t.lineBreak))) break;
    words.push(t.text);
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
    const accepted =
      suffix ||
      mode.lenient === true ||
      (core.standsAlone === true && isCapitalised(first)) ||
      (mode.afterTime === true && core.bareAfterTime === true && isCapitalised(first));
    if (!accepted) return undefined;
    const info = variant === 'standard' ? core.standard : variant === 'daylight' ? core.daylight ?? core.standard : genericZone(core);
    let next = i + p;
    const zone = makeZone(source, tokens, i, next - 1, info);
    next = skipRepeatedAbbreviation(tokens, next);
    return { zone, next };
  }
  return undefined;
}

/** "Eastern African Time (EAT)": the abbreviation in parentheses repeats the name; take it along. */
function skipRepeatedAbbreviation(tokens: Token[], j: number): number {
  const open = tokens[j];
  const abbr = tokens[j + 1];
  const close = tokens[j + 2];
  if (isPunct(open, '(') && !open!.lineBreak && abbr?.kind === 'word' && ABBREVIATIONS.has(abbr.text) && isPunct(close, ')')) return j + 3;
  return j;
}

/** Bare ISO-style offsets: "+03:00", "+0900", "-05:00". */
function readBareOffset(source: string, tokens: Token[], j: number, allowMinus: boolean): ZoneMatch | undefined {
  const sign = tokens[j];
  if (!isSign(sign) || (!allowMinus && sign!.text !== '+')) return undefined;
  const offset = readSignedOffset(tokens, j, true);
  if (offset === undefined) return undefined;
  return { zone: makeZone(source, tokens, j, offset.next - 1, { offsetMinutes: offset.minutes }), next: offset.next };
}

/** "+UTC" (seen as "12:50:07 PM +UTC"). */
function readPlusAbbreviation(source: string, tokens: Token[], j: number, mode: ZoneReadMode): ZoneMatch | undefined {
  if (!isPunct(tokens[j], '+') || tokens[j + 1] === undefined || tokens[j + 1]!.spaced) return undefined;
  const inner = readAbbreviation(source, tokens, j + 1, mode);
  if (inner === undefined) return undefined;
  return { zone: { ...inner.zone, text: source.slice(tokens[j]!.start, tokens[inner.next - 1]!.end) }, next: inner.next };
}

function readZoneCore(source: string, tokens: Token[], i: number, mode: ZoneReadMode): ZoneMatch | undefined {
  return (
    readPlusAbbreviation(source, tokens, i, mode) ??
    readAbbreviation(source, tokens, i, mode) ??
    readZoneName(source, tokens, i, mode) ??
    (mode.lenient ? readBareOffset(source, tokens, i, true) : undefined)
  );
}

/** No line break between tokens from..to (inclusive of `to`). */
function sameLine(tokens: Token[], from: number, to: number): boolean {
  for (let k = from + 1; k <= to && k < tokens.length; k++) if (tokens[k]!.lineBreak) return false;
  return true;
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
export function readZoneAfterTime(source: string, tokens: Token[], j: number, context: AfterTimeContext): ZoneMatch | undefined {
  const first = tokens[j];
  if (first === undefined || first.lineBreak) return undefined;
  if (first.kind === 'word' && first.text === 'z' && !first.spaced) {
    return { zone: makeZone(source, tokens, j, j, { abbreviation: 'UTC', offsetMinutes: 0 }), next: j + 1 };
  }
  const bare = readBareOffset(source, tokens, j, context.isoStyle && !first.spaced);
  if (bare !== undefined) return bare;

  let k = skipWrappers(tokens, j);
  if (isPunct(tokens[k], ')')) k = skipWrappers(tokens, k + 1); // the time closed a parenthesis
  let opened = false;
  let comma = false;
  if (isPunct(tokens[k], '(')) {
    opened = true;
    k = skipWrappers(tokens, k + 1);
  } else if (isPunct(tokens[k], ',')) {
    comma = true;
    k = skipWrappers(tokens, k + 1);
  }
  if (!sameLine(tokens, j, k)) return undefined;
  const mode: ZoneReadMode = { afterTime: !comma, allowWeak: !comma };
  const found = readPlusAbbreviation(source, tokens, k, mode) ?? readAbbreviation(source, tokens, k, mode) ?? readZoneName(source, tokens, k, mode);
  if (found === undefined) return undefined;
  if (opened) {
    const close = skipWrappers(tokens, found.next);
    if (isPunct(tokens[close], ')')) return { zone: found.zone, next: close + 1 };
  }
  return found;
}

/** A zone written on its own ("(EAT)", "All times in PST", "Pacific Time", "GMT+1"). */
export function readStandaloneZone(source: string, tokens: Token[], i: number, declaration = false): ZoneMatch | undefined {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word') return undefined;
  const prev = tokens[i - 1];
  if (prev !== undefined && !t.spaced && prev.kind === 'num') return undefined;
  const allowWeak = declaration || inParentheses(tokens, i) || isWord(tokens[skipWrappersBack(tokens, i - 1)], 'in', 'times');
  const found = readAbbreviation(source, tokens, i, { allowWeak }) ?? readZoneName(source, tokens, i, {});
  if (found === undefined) return undefined;
  if (isPunct(tokens[i - 1], '(')) {
    const close = skipWrappers(tokens, found.next);
    if (isPunct(tokens[close], ')')) return { zone: found.zone, next: close + 1 };
  }
  return found;
}

function inParentheses(tokens: Token[], i: number): boolean {
  const before = skipWrappersBack(tokens, i - 1);
  const after = skipWrappers(tokens, i + 1);
  return isPunct(tokens[before], '(') && isPunct(tokens[after], ')');
}

/**
 * Looks a zone up from its written form alone: "PST", "pst", "GMT+1", "UTC+05:30", "+0900",
 * "+UTC", "Pacific Time", "(EAT)". Undefined when the whole text is not one zone.
 */
export function lookupZone(text: string): Zone | undefined {
  const tokens = tokenize(text);
  let i = skipWrappers(tokens, 0);
  const parenthesised = isPunct(tokens[i], '(');
  if (parenthesised) i = skipWrappers(tokens, i + 1);
  const found = readZoneCore(text, tokens, i, { lenient: true, afterTime: true, allowWeak: true });
  if (found === undefined) return undefined;
  let end = skipWrappers(tokens, found.next);
  if (parenthesised && isPunct(tokens[end], ')')) end = skipWrappers(tokens, end + 1);
  while (end < tokens.length && (isWrapper(tokens[end]) || isPunct(tokens[end], '.'))) end++;
  return end >= tokens.length ? found.zone : undefined;
}

/**
 * The zone a Timeline heading or the line under it declares: "Timeline (UTC)", "All times in PST",
 * "(all times PDT)", "Timeline (in 24-hour clock, West Central Africa Standard Timezone)",
 * "all times Greenwitch, United Kingdom". The first zone written on the line wins.
 */
export function findZoneDeclaration(text: string): Zone | undefined {
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const found = readStandaloneZone(text, tokens, i, true);
    if (found !== undefined) return found.zone;
  }
  return undefined;
}
