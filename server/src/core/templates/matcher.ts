import { normalizeTitle } from '../text/plain';
import { inEnglish } from './translations';
import type { Template } from './types';

const matchers = new WeakMap<Template, SectionMatcher>();

/** The template's matcher, built once per template. */
export function matcherFor(template: Template): SectionMatcher {
  let m = matchers.get(template);
  if (!m) matchers.set(template, (m = new SectionMatcher(template)));
  return m;
}

/** Matches written titles to a template's canonical section ids. Built once per template. */
export class SectionMatcher {
  /** normalized alias -> section id */
  private readonly aliases = new Map<string, string>();
  /** normalized titles of parts ("what went well"): they match like aliases (see partOf) */
  private readonly parts = new Set<string>();
  private readonly maxAliasWords: number;

  constructor(readonly template: Template) {
    let maxWords = 1;
    for (const section of template.sections) {
      for (const alias of [section.title, section.id.replace(/-/g, ' '), ...(section.aliases ?? []), ...(section.parts ?? [])]) {
        const key = normalizeTitle(alias);
        if (key && !this.aliases.has(key)) this.aliases.set(key, section.id);
        maxWords = Math.max(maxWords, key.split(' ').length);
      }
      for (const part of section.parts ?? []) {
        const key = normalizeTitle(part);
        if (this.aliases.get(key) === section.id) this.parts.add(key);
      }
    }
    this.maxAliasWords = maxWords;
  }

  /**
   * Canonical ids a title stands for ([] when none). `strict` (for bold or plain labels, which
   * may be ordinary prose) allows only a whole-title match or the alias plus a short tail.
   */
  match(title: string, strict: boolean): string[] {
    // Titles repeat from keystroke to keystroke: remember answers (bounded, so hostile input can't grow it).
    const key = (strict ? '1' : '0') + title;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.memo.size > 20_000) this.memo.clear();
    const ids = this.matchUncached(title, strict);
    this.memo.set(key, ids);
    return ids;
  }

  private readonly memo = new Map<string, string[]>();

  /**
   * The part of a section the title names ("What went well" of Lessons Learned), normalized, or
   * "" for a title that names a whole section: sections naming different parts of one are not
   * duplicates of each other.
   */
  partOf(title: string): string {
    if (this.parts.size === 0) return '';
    // "Contributing factors on our side" names the part it starts with.
    const words = normalizeTitle(title).split(' ');
    for (let n = Math.min(words.length, this.maxAliasWords); n >= 1; n--) {
      const head = words.slice(0, n).join(' ');
      if (this.parts.has(head)) return head;
    }
    return '';
  }

  private matchUncached(title: string, strict: boolean): string[] {
    const norm = normalizeTitle(title);
    if (!norm) return [];
    // "Appendix A: Chronology", "Annex 2 - Timeline": an appendix holding a known section is that
    // section (a template that knows "Appendix" would read it as supporting information).
    const words = norm.split(' ');
    if (words.length > 1 && APPENDIX_WORDS.has(words[0]!)) {
      const rest = words.slice(/^(?:[a-z]|\d{1,2})$/.test(words[1]!) && words.length > 2 ? 2 : 1).join(' ');
      const inside = this.matchNormalized(rest, true);
      if (inside.length > 0) return inside;
    }
    const found = this.matchNormalized(norm, strict);
    if (found.length > 0) return found;
    // "Blameless root cause", "Detailed timeline": a qualifier before a known title.
    if (words.length > 1 && QUALIFIERS.has(words[0]!)) return this.matchNormalized(words.slice(1).join(' '), strict);
    // "Zusammenfassung", "Causa raíz": a common title in another language.
    const english = inEnglish(norm);
    if (english) return this.matchNormalized(english, strict);
    // "Root Cuase", "Timline": a heading with a typo in a known title. Headings only: a bold label
    // may be ordinary prose.
    return strict ? [] : this.matchMisspelt(norm);
  }

  /** The id of the one alias within a typo of the title (a letter wrong, missing, extra or swapped). */
  private matchMisspelt(norm: string): string[] {
    if (norm.length < 6 || norm.length > 40) return [];
    const allowed = norm.length >= 12 ? 2 : 1;
    let found: string | undefined;
    for (const [alias, id] of this.aliases) {
      if (alias.length < 6 || Math.abs(alias.length - norm.length) > allowed) continue;
      // "Update" beside "updates" is another form of a word, not a typo: the aliases list the forms they mean.
      if (alias === norm + 's' || norm === alias + 's') continue;
      if (typoDistance(norm, alias, allowed) > allowed) continue;
      // Two sections within a typo: the title says neither clearly.
      if (found !== undefined && found !== id) return [];
      found = id;
    }
    return found === undefined ? [] : [found];
  }

  private matchNormalized(norm: string, strict: boolean): string[] {
    const whole = this.aliases.get(norm);
    if (whole) return [whole];
    // A combined title: "Root Cause and Resolution", "Detection & Response / Timeline".
    const parts = splitCombined(norm);
    if (parts.length > 1) {
      const ids = parts.map((part) => this.aliases.get(part) ?? this.longestPrefix(part.split(' '), 2));
      if (ids.every((id) => id !== undefined)) return [...new Set(ids as string[])];
    }
    const prefix = this.longestPrefix(norm.split(' '), strict ? 2 : 20);
    return prefix ? [prefix] : [];
  }

  /** The id of the longest alias the title starts with, when at most `maxTail` words follow it. */
  private longestPrefix(words: string[], maxTail: number): string | undefined {
    for (let n = Math.min(words.length - 1, this.maxAliasWords); n >= 1; n--) {
      if (words.length - n > maxTail) break;
      const id = this.aliases.get(words.slice(0, n).join(' '));
      // "Summary of impact" must not read as "summary", nor "Root Cause Remediations" as "root cause":
      // a tail starting with "of"/"for" or naming another kind of section changes the subject.
      if (id && (!['of', 'for', 'to'].includes(words[n]!) || namesTheIncident(words.slice(n + 1))) && !words.slice(n).some((w) => SUBJECT_CHANGING.has(w))) return id;
    }
    return undefined;
  }
}

/** First words of an appendix's title: what it holds comes after its letter or number. */
const APPENDIX_WORDS = new Set(['appendix', 'annex', 'attachment', 'exhibit']);

/** Words after "of"/"for" that name the incident itself: "Chronology of events", "Root cause of the outage". */
const THE_INCIDENT = new Set(['the', 'this', 'events', 'event', 'incident', 'outage', 'issue', 'disruption', 'failure']);

/** The tail after "of" names only the incident ("of the outage"), so the title keeps its subject. */
function namesTheIncident(tail: readonly string[]): boolean {
  return tail.length > 0 && tail.length <= 3 && tail.every((w) => THE_INCIDENT.has(w));
}

/** Words before a known title that keep its subject: "Blameless root cause", "Brief summary". */
const QUALIFIERS = new Set(['blameless', 'detailed', 'brief', 'short', 'full', 'final', 'initial', 'preliminary', 'our', 'the', 'overall', 'technical', 'complete']);

/** Words after a known title that make it a different section ("Root Cause Remediations"). */
const SUBJECT_CHANGING = new Set([
  'remediation', 'remediations', 'action', 'actions', 'item', 'items', 'fix', 'fixes', 'prevention', 'preventative',
  'mitigation', 'mitigations', 'measures', 'followups', 'follow', 'steps', 'improvements', 'plan', 'plans', 'recommendations',
]);

function splitCombined(norm: string): string[] {
  return norm
    .split(/ and /)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * Edits between two short strings (insert, delete, replace, or swap two neighbours), stopping
 * once every path is past `limit`: titles are short and compared with a few hundred aliases.
 */
export function typoDistance(a: string, b: string, limit: number): number {
  let before = new Array<number>(b.length + 1);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1);
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return best;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}
