import type { PostmortemModel } from '../model/types';
import { defineRule, type Report } from './rule';
import { proseLines } from './shared/prose';

/** A stretch of impact prose with the document offset of each of its characters' lines. */
interface Passage {
  text: string;
  /** text index -> document offset, per joined line: [textStart, docOffset]. */
  pieces: [number, number][];
}

interface Share {
  value: number;
  start: number;
  end: number;
  /** "user" for "30% of our users" (compared), undefined for a bare "10%". */
  population?: string;
  /** The population as written, for messages. */
  noun?: string;
  /** "the remaining 70%", "the rest (70%)". */
  remainder: boolean;
}

const SCOPE = new Set(['summary', 'impact']);
const PERCENT = /(\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b)/g;
const POPULATION = /^\s*of\s+(?:the\s+|our\s+|all\s+|their\s+|its\s+|your\s+)?(?:total\s+|active\s+)?([\p{L}-]+)/iu;
const CONNECTOR = /\b(?:and|while|whereas|with|but|another|other|others|remaining|rest|plus)\b/i;

function toDoc(p: Passage, i: number): number {
  // Binary search: a paragraph can have many lines and many percentages.
  let lo = 0;
  let hi = p.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.pieces[mid]![0] <= i) lo = mid;
    else hi = mid - 1;
  }
  const piece = p.pieces[lo]!;
  return piece[1] + (i - piece[0]);
}

/** Impact prose: the summary and impact sections, joined per paragraph so a sentence is whole. */
function passages(model: PostmortemModel): Passage[] {
  const out: Passage[] = [];
  let current: (Passage & { end: number }) | undefined;
  const impactLines = new Set(model.fields.filter((f) => f.key === 'impact' && f.source !== 'front-matter').map((f) => f.range.start));
  // Lines share their sections' ids array: in scope or not is worked out once per array.
  const scoped = new Map<readonly string[], boolean>();
  const lines = proseLines(model);
  for (let n = 0; n < lines.length; n++) {
    const p = lines[n]!;
    let inSections = scoped.get(p.ids);
    if (inSections === undefined) scoped.set(p.ids, (inSections = p.ids.some((id) => SCOPE.has(id))));
    const inScope = inSections || impactLines.has(p.line.start);
    if (!inScope) {
      current = undefined;
      continue;
    }
    if (current && p.line.kind === 'text' && p.line.start < current.end) {
      current.pieces.push([current.text.length + 1, p.offset]);
      current.text += '\n' + p.text;
      continue;
    }
    current = { text: p.text, pieces: [[0, p.offset]], end: p.line.paragraphEnd ?? p.line.end };
    out.push(current);
  }
  return out;
}

function sharesIn(sentence: string, base: number): Share[] {
  const shares: Share[] = [];
  for (const m of sentence.matchAll(PERCENT)) {
    const before = sentence.slice(Math.max(0, m.index - 12), m.index);
    // Ranges ("15-25%") and bounds ("up to 40%") are not shares of a whole.
    if (/\d\s*(?:-|–|—|to)\s*$/.test(before) || /(?:up to|over|more than|less than|under|above|below|at least|at most)\s*~?\s*$/i.test(before)) continue;
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const noun = POPULATION.exec(after)?.[1];
    const population = noun?.toLowerCase().replace(/s$/, '');
    shares.push({ value: Number(m[1]), start: base + m.index, end: base + m.index + m[0].length, ...(noun ? { noun, population } : {}), remainder: /\b(?:remaining|rest|others?)\b[^.\d]{0,20}$/i.test(sentence.slice(Math.max(0, m.index - 30), m.index)) });
  }
  return shares;
}

/**
 * "Of customers with notifications in flight, 70% ..., 20% ... and the remaining 20%": a sentence
 * that names its population first, so every bare share in it is of that population.
 */
const LEADING_POPULATION = /^(?:[*_]*[\p{L} ]{1,30}:[*_]*)? *(?:of|among) (?:the )?(?:\d[\d,.]{0,14} )?([^,\d%]{3,60}),/iu;

/** Shares of one population in a sentence: the first names it, bare ones joined by "and", "while"... follow. */
function groupOf(sentence: string, base: number, shares: Share[]): Share[] {
  // From the start of the line the first share is on: a paragraph joins "**Duration:** ..." and
  // "**Impact:** Of customers ..." lines into one sentence.
  const firstAt = shares.length > 0 ? shares[0]!.start - base : 0;
  const lead = LEADING_POPULATION.exec(sentence.slice(sentence.lastIndexOf('\n', firstAt) + 1));
  if (lead && shares.every((s) => !s.population)) {
    const noun = lead[1]!.trim().replace(/^(?:the|our|all|its|their) /i, '');
    return shares.map((s) => ({ ...s, noun, population: noun.toLowerCase() }));
  }
  const first = shares.find((s) => s.population);
  if (!first) return [];
  const group = [first];
  // "64% of requests ..., 22% timed out, and the remaining 24% ...": bare shares after commas are
  // of the list only when a share joined by "and" (or the like) closes it.
  let listed: Share[] = [];
  for (const s of shares.slice(shares.indexOf(first) + 1)) {
    const last = listed[listed.length - 1] ?? group[group.length - 1]!;
    const between = sentence.slice(last.end - base, s.start - base);
    if (s.population === first.population || (!s.population && CONNECTOR.test(between))) {
      for (const l of listed) group.push(l);
      group.push(s);
      listed = [];
    } else if (!s.population && LIST_COMMA.test(between)) listed.push(s);
    else break;
  }
  return group;
}

/** What a comma list puts between two shares: a clause of a few words, then the comma. */
const LIST_COMMA = /^[^.;:%\d]{0,60},\s*$/;

function checkSentence(p: Passage, sentence: string, base: number, report: (r: Report) => void): void {
  const group = groupOf(sentence, base, sharesIn(sentence, base));
  if (group.length < 2) return;
  const total = group.reduce((a, s) => a + s.value, 0);
  const range = { start: toDoc(p, group[0]!.start), end: toDoc(p, group[group.length - 1]!.end) };
  const rest = group[group.length - 1]!;
  if (rest.remainder && Math.abs(total - 100) > 1) {
    const others = group.slice(0, -1);
    const expected = Math.round((100 - others.reduce((a, s) => a + s.value, 0)) * 10) / 10;
    const start = toDoc(p, rest.start);
    const digits = sentence.slice(rest.start - base, rest.end - base).match(/^\d+(?:\.\d+)?/)![0];
    report({
      message: `The remaining share of ${group[0]!.noun} is ${expected}% (100% − ${others.map((s) => `${s.value}%`).join(' − ')}), not ${rest.value}%.`,
      range: { start, end: toDoc(p, rest.end) },
      data: { shares: group.map((s) => s.value), expected },
      fixes: [{ title: `Change it to ${expected}%`, safe: false, edits: [{ start, end: start + digits.length, newText: String(expected) }] }],
    });
    return;
  }
  if (total <= 100.5) return;
  report({
    message: `These shares of ${group[0]!.noun} add up to ${Math.round(total * 10) / 10}% (${group.map((s) => `${s.value}%`).join(' + ')}): if the groups overlap, say so; otherwise correct them.`,
    range,
    data: { shares: group.map((s) => s.value), total },
  });
}

export default defineRule({
  id: 'impact-percentages',
  description: 'Impact percentages of one population that cannot add up: "90% of users ... and 10% ... and 30%" is more than everyone, and "the remaining 60%" after 30% should be 70%. Only shares of the same population in one sentence are added.',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    for (const p of passages(model)) {
      // Sentences end at ". " (not at the dot of "98.44%"), "!", "?" or a blank line.
      let start = 0;
      for (const m of p.text.matchAll(/[.!?](?=\s|$)|\n\s*\n/g)) {
        checkSentence(p, p.text.slice(start, m.index + 1), start, report);
        start = m.index + m[0].length;
      }
      checkSentence(p, p.text.slice(start), start, report);
    }
  },
});
