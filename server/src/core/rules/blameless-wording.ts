import wordingSchema from '../../../../schemas/wording.schema.json';
import type { PostmortemModel } from '../model/types';
import type { Fix } from '../types';
import { compileWording, type CompiledWording, type WordingOptions } from '../wording/lists';
import { findPhrases, wordsOf, type Word } from '../wording/match';
import { isPersonHandle, knownPeople, type KnownPeople } from '../wording/people';
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
  return model.text.slice(p.line.start, p.line.contentStart).includes('>');
}

function fixFor(replacement: string | undefined, written: string, start: number, end: number): Fix[] | undefined {
  if (!replacement) return undefined;
  const newText = /^\p{Lu}/u.test(written) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
  return [{ title: `Reword as "${newText}"`, safe: false, edits: [{ start, end, newText }] }];
}

function checkPhrases(model: PostmortemModel, p: ProseLine, words: Word[], wording: CompiledWording, isPerson: (w: Word) => boolean, report: (r: Report) => void): void {
  for (const m of findPhrases(words, p.text, wording, isPerson)) {
    const start = p.offset + m.start;
    const end = p.offset + m.end;
    const fixes = fixFor(m.phrase.phrase.replacement, m.text, start, end);
    report({
      message: m.phrase.phrase.message.replace(/\{phrase\}/g, m.text) + (m.phrase.phrase.replacement ? ` For example: "${m.phrase.phrase.replacement}".` : ''),
      range: { start, end },
      data: { phrase: m.phrase.phrase.id },
      ...(fixes ? { fixes } : {}),
    });
  }
  void model;
}

/** People named or @-mentioned where causes and actions are told: once per person and section. */
function checkPeople(model: PostmortemModel, p: ProseLine, words: Word[], people: KnownPeople, wording: CompiledWording, seen: Set<string>, report: (r: Report) => void, section: string): void {
  let quoted: Set<string> | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let who: string | undefined;
    if (w.text.startsWith('@')) {
      if (/[\p{L}\p{N}_]/u.test(p.text[w.start - 1] ?? '') || !isPersonHandle(w.text, wording.teamHandles)) continue;
      // A quoted tweet links the account it quotes: that is a citation, not a person in the analysis.
      quoted ??= quotedAccounts(model.text.slice(p.line.start, p.line.end));
      if (quoted.has(w.text.slice(1).toLowerCase())) continue;
      who = w.text;
    } else if (people.names.has(w.text)) {
      const next = words[i + 1];
      const known = people.surnames.get(w.text);
      if (next && known && /^\p{Lu}/u.test(next.text) && !next.clauseStart) {
        // "Mario Vega" is someone else than the author "Mario Havel".
        if (!known.has(next.text)) continue;
        who = `${w.text} ${next.text}`;
      } else who = w.text;
    }
    if (!who) continue;
    const key = `${section}\u0000${who}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const start = p.offset + w.start;
    report({
      message: `${who} is named in ${SECTION_NAMES[section] ?? section}: a blameless review tells what the role did ("the on-call engineer restarted the service"), so it stays about the system.`,
      range: { start, end: start + who.length },
      data: { person: who, section },
    });
  }
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
    properties: {
      phrases: { type: 'array', maxItems: 500, items: wordingSchema.definitions.phrase, description: 'Phrases to add; one with a built-in id replaces it.' },
      disable: { type: 'array', items: { type: 'string' }, description: 'Ids of built-in phrases to drop (see schemas/wording/blameless.json).' },
      personWords: wordingSchema.definitions.words,
      teamHandles: wordingSchema.definitions.words,
      peopleSections: { type: 'array', items: { type: 'string' }, description: 'Sections (canonical ids) where naming a person is reported.' },
      skipSections: { type: 'array', items: { type: 'string' }, description: 'Sections (canonical ids) whose wording is not checked.' },
    },
  },
  defaultOptions: { peopleSections: ['root-cause', 'timeline'], skipSections: [] },
  check({ model, options, report }) {
    const wording = compileWording(options);
    const people = knownPeople(model);
    const { names } = people;
    const isPerson = (w: Word) => wording.personWords.has(w.norm) || names.has(w.text) || (w.text.startsWith('@') && isPersonHandle(w.text, wording.teamHandles));
    const seen = new Set<string>();
    for (const p of proseLines(model)) {
      // Text before the first known section (a title, an epigraph) and quotes are not the analysis.
      if (p.ids.length === 0 || isQuoted(model, p) || p.ids.some((id) => options.skipSections.includes(id))) continue;
      const words = wordsOf(p.text);
      checkPhrases(model, p, words, wording, isPerson, report);
      const section = options.peopleSections.find((id) => p.ids.includes(id));
      if (section) checkPeople(model, p, words, people, wording, seen, report, section);
    }
  },
});
