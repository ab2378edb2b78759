import wordingSchema from '../../../../schemas/wording.schema.json';
import type { PostmortemModel } from '../model/types';
import type { Fix } from '../types';
import { compileWording, type CompiledWording, type WordingOptions } from '../wording/lists';
import { findPhrases, wordsOf, type Word } from '../wording/match';
import { isPersonHandle, knownPeople, type KnownPeople } from '../wording/people';
import { intern } from '../text/intern';
import { defineRule, type Report } from './rule';
import { proseLines, type ProseLine } from './shared/prose';

interface Options extends WordingOptions {
  /** Where people named or @-mentioned are reported (canonical section ids). */
  peopleSections: string[];
  /** Sections whose wording is not checked (canonical ids). */
  skipSections: string[];
}

const SECTION_NAMES: Record<string, string> = { 'root-cause': 'the root cause', timeline: 'the timeline', trigger: 'the trigger' };

/** Quoted lines are someone else's words: they cannot be reworded. */
function isQuoted(model: PostmortemModel, p: ProseLine): boolean {
  // A quoted paragraph's line starts after its "> ", so look from the start of the source line.
  const text = model.text;
  for (let i = p.line.contentStart - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 62) return true;
    if (c === 10 || c === 13) return false;
  }
  return false;
}

function fixFor(replacement: string | undefined, written: string, start: number, end: number): Fix[] | undefined {
  if (!replacement) return undefined;
  const newText = /^\p{Lu}/u.test(written) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
  return [{ title: `Reword as "${newText}"`, safe: false, edits: [{ start, end, newText }] }];
}

/** Most lines find nothing: they all remember one shared empty list (never mutated). */
const EMPTY: never[] = [];

/** A line's remembered phrases or people, valid while the word lists and people known (`stamp`) stay the same. */
interface LineMemo<T> {
  stamp: string;
  found: T[];
}

/** The memo of every line where nothing was found with the latest stamp (phrases and people alike). */
let nothingFound: LineMemo<never> = { stamp: '', found: EMPTY };

/**
 * What a line remembers: most lines find nothing and share one memo (an object per line and rule
 * was ~5 MB at 5 MB, issue 7). The prose line clears its memos when its text changes (prose.ts).
 */
function memoOf<T>(stamp: string, found: T[]): LineMemo<T> {
  if (found.length > 0) return { stamp, found };
  if (nothingFound.stamp !== stamp) nothingFound = { stamp, found: EMPTY };
  return nothingFound;
}

/** What one run of the rule shares between lines. */
interface Scan {
  model: PostmortemModel;
  wording: CompiledWording;
  people: KnownPeople;
  isPerson: (w: Word) => boolean;
  /** What phrase matches depend on besides a line's text: the word lists and the people known. */
  stamp: string;
  /** "section\0person" already reported: a person is named once per section. */
  seen: Set<string>;
  report: (r: Report) => void;
}

function phrasesIn(text: string, scan: Scan) {
  return findPhrases(wordsOf(text), text, scan.wording, scan.isPerson);
}

/** The blaming phrases of a prose line, remembered on it while its masked text and the word lists stay the same. */
function phrasesOf(scan: Scan, p: ProseLine): ReturnType<typeof phrasesIn> {
  const hit = p.phrases as LineMemo<ReturnType<typeof phrasesIn>[number]> | undefined;
  if (hit && hit.stamp === scan.stamp) return hit.found;
  const found = phrasesIn(p.text, scan);
  p.phrases = memoOf(scan.stamp, found);
  return found;
}

function checkPhrases(scan: Scan, p: ProseLine): void {
  const found = phrasesOf(scan, p);
  for (let i = 0; i < found.length; i++) {
    const m = found[i]!;
    const start = p.offset + m.start;
    const end = p.offset + m.end;
    const fixes = fixFor(m.phrase.phrase.replacement, m.text, start, end);
    scan.report({
      // The mechanical rewording is the fix's title; the message says why and what to write instead.
      message: m.phrase.phrase.message.replace(/\{phrase\}/g, m.text),
      range: { start, end },
      data: { phrase: m.phrase.phrase.id },
      ...(fixes ? { fixes } : {}),
    });
  }
}

/** A word after a name that makes it a team's: "Analytics team", "Network on-call". */
const TEAM_AFTER = /^(?:teams?|on-?call|oncall|squad|crew|engineers|engineering|eng|sre|support|rota|rotation|folks)$/i;

/** The person word `i` names ("@alice", "Sally", "Sally Ride"), if any. */
function personAt(scan: Scan, p: ProseLine, words: Word[], i: number, quoted: () => Set<string>): string | undefined {
  const w = words[i]!;
  if (w.text.startsWith('@')) {
    // "bob@example.com" is an address; team handles and bots are not people.
    if (/[\p{L}\p{N}_]/u.test(p.text[w.start - 1] ?? '') || !isPersonHandle(w.text, scan.wording.teamHandles)) return undefined;
    // A quoted tweet links the account it quotes: that is a citation, not a person in the analysis.
    return quoted().has(w.text.slice(1).toLowerCase()) ? undefined : w.text;
  }
  if (!scan.people.names.has(w.text)) return undefined;
  const next = words[i + 1];
  // "Analytics team notices...": an owner written "Analytics (Wei Zhang)" named a team.
  if (next && !next.clauseStart && TEAM_AFTER.test(next.text)) return undefined;
  const known = scan.people.surnames.get(w.text);
  if (!next || !known || !/^\p{Lu}/u.test(next.text) || next.clauseStart) return w.text;
  // "Mario Vega" is someone else than the author "Mario Havel".
  return known.has(next.text) ? `${w.text} ${next.text}` : undefined;
}


/**
 * The people a line names, with where (offsets in the masked line), remembered on its prose line
 * while the masked text and the word lists and people known stay the same (its raw text, where
 * quoted accounts are read from URLs the mask hides, cannot change while the prose line lives:
 * prose.ts keeps one only for the same line object, which is kept only while its block is).
 */
function peopleIn(scan: Scan, p: ProseLine): { who: string; start: number }[] {
  const hit = p.people as LineMemo<{ who: string; start: number }> | undefined;
  if (hit && hit.stamp === scan.stamp) return hit.found;
  return readPeople(scan, p);
}

/**
 * peopleIn's work when the line is not remembered. A function of its own because of the closure:
 * variables a closure captures live in a context object V8 makes on entry, so in peopleIn that
 * object was made for every line of every keystroke, remembered or not (~7 MB a keystroke at 5 MB).
 */
function readPeople(scan: Scan, p: ProseLine): { who: string; start: number }[] {
  let accounts: Set<string> | undefined;
  const quoted = () => (accounts ??= quotedAccounts(scan.model.text.slice(p.line.start, p.line.end)));
  const found: { who: string; start: number }[] = [];
  const words = wordsOf(p.text);
  words.forEach((w, i) => {
    const who = personAt(scan, p, words, i, quoted);
    if (who) found.push({ who, start: w.start });
  });
  p.people = memoOf(scan.stamp, found);
  return found;
}

/** People named or @-mentioned where causes and actions are told: once per person and section. */
function checkPeople(scan: Scan, p: ProseLine, section: string): void {
  const people = peopleIn(scan, p);
  // Indexed loops here and below: this runs for every line on every keystroke.
  for (let i = 0; i < people.length; i++) {
    const { who, start: at } = people[i]!;
    const key = `${section}\u0000${who}`;
    if (scan.seen.has(key)) continue;
    scan.seen.add(key);
    const start = p.offset + at;
    scan.report({
      message: `${who} is named in ${SECTION_NAMES[section] ?? section}: a blameless review tells what the role did ("the on-call engineer restarted the service"), so it stays about the system.`,
      range: { start, end: start + who.length },
      data: { person: who, section },
    });
  }
}

const wordingIds = new WeakMap<CompiledWording, number>();
let nextWordingId = 0;
/** A number per compiled word list (compileWording returns the same object for the same options). */
function wordingId(w: CompiledWording): number {
  let id = wordingIds.get(w);
  if (id === undefined) wordingIds.set(w, (id = nextWordingId++));
  return id;
}

function peopleKey(people: KnownPeople): string {
  return [...people.names].join('\u0001');
}

/** Accounts a line links to on Twitter/X (lower case). */
function quotedAccounts(raw: string): Set<string> {
  return new Set([...raw.matchAll(/(?:twitter|x)\.com\/(\w{1,30})/gi)].map((m) => m[1]!.toLowerCase()));
}

export default defineRule<Options>({
  id: 'blameless-wording',
  description: 'Wording that blames people ("human error", "forgot to", "should have", "careless", "at fault"...) and people named or @-mentioned in the root cause or timeline, each with a neutral wording. The word lists are data (schemas/wording/blameless.json), extendable in the config file.',
  defaultSeverity: 'information',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    // The word-list schema's definitions, so a repository's phrases are checked like the built-in ones.
    definitions: wordingSchema.definitions,
    properties: {
      phrases: { type: 'array', maxItems: 500, items: { $ref: '#/definitions/phrase' }, description: 'Phrases to add; one with a built-in id replaces it.' },
      disable: { type: 'array', items: { type: 'string' }, description: 'Ids of built-in phrases to drop (see schemas/wording/blameless.json).' },
      personWords: { $ref: '#/definitions/words', description: 'More words that name a person (roles, titles).' },
      teamHandles: { $ref: '#/definitions/words', description: 'More @-handles of teams, rotas and channels.' },
      peopleSections: { type: 'array', items: { type: 'string' }, description: 'Sections (canonical ids) where naming a person is reported.' },
      skipSections: { type: 'array', items: { type: 'string' }, description: 'Sections (canonical ids) whose wording is not checked.' },
    },
  },
  defaultOptions: { peopleSections: ['root-cause', 'timeline'], skipSections: [] },
  check({ model, options, report }) {
    const wording = compileWording(options);
    const people = knownPeople(model);
    // The subject of "failed to", "should have": a role, a known person or a person's @-handle.
    const isPerson = (w: Word) => wording.personWords.has(w.norm) || people.names.has(w.text) || (w.text.startsWith('@') && isPersonHandle(w.text, wording.teamHandles));
    const scan: Scan = { model, wording, people, isPerson, stamp: intern(`${wordingId(wording)}\u0000${peopleKey(people)}`), seen: new Set(), report };
    // What a line's sections say, worked out once per set of sections (lines share their ids array).
    const bySections = new Map<readonly string[], { skip: boolean; people: string | undefined }>();
    const lines = proseLines(model);
    for (let n = 0; n < lines.length; n++) {
      const p = lines[n]!;
      // Text before the first known section (a title, an epigraph) is not the analysis.
      if (p.ids.length === 0) continue;
      let where = bySections.get(p.ids);
      if (!where) {
        where = { skip: p.ids.some((id) => options.skipSections.includes(id)), people: options.peopleSections.find((id) => p.ids.includes(id)) };
        bySections.set(p.ids, where);
      }
      // Quotes are someone else's words.
      if (where.skip || isQuoted(model, p)) continue;
      // Words are read only when a line's phrases or people are not remembered: kept for every
      // line, they were the largest part of the memory a long document took.
      checkPhrases(scan, p);
      if (where.people) checkPeople(scan, p, where.people);
    }
  },
});
