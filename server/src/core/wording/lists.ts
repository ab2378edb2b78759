// The blameless word lists: the built-in data (schemas/wording/blameless.json) with a repository's
// additions from the rule's options, compiled once into lookup tables keyed by first word.
import builtin from '../../../../schemas/wording/blameless.json';
import type { Phrase, WordingLists } from './types';

export const BUILTIN_WORDING = builtin as WordingLists;

export interface WordingOptions {
  /** Phrases to add; one with a built-in id replaces it. */
  phrases?: Phrase[];
  /** Ids of built-in phrases to drop. */
  disable?: string[];
  personWords?: string[];
  teamHandles?: string[];
}

export interface CompiledPhrase {
  phrase: Phrase;
  words: string[];
  unlessAfter: Set<string>;
  unlessBefore: Set<string>;
}

export interface CompiledWording {
  /** First word -> phrases starting with it, longest first. */
  byFirstWord: Map<string, CompiledPhrase[]>;
  personWords: Set<string>;
  teamHandles: Set<string>;
  participles: Set<string>;
}

export function normalizeWord(w: string): string {
  return w.toLowerCase().replace(/[’‘]/g, "'");
}

const compiled = new Map<string, CompiledWording>();

export function compileWording(options: WordingOptions = {}): CompiledWording {
  const key = JSON.stringify([options.phrases ?? [], options.disable ?? [], options.personWords ?? [], options.teamHandles ?? []]);
  let c = compiled.get(key);
  if (!c) {
    // Settings change rarely; a handful of entries covers every workspace folder.
    if (compiled.size > 20) compiled.clear();
    compiled.set(key, (c = compile(options)));
  }
  return c;
}

function compile(options: WordingOptions): CompiledWording {
  const disabled = new Set(options.disable ?? []);
  const byId = new Map<string, Phrase>();
  for (const p of BUILTIN_WORDING.phrases) if (!disabled.has(p.id)) byId.set(p.id, p);
  for (const p of options.phrases ?? []) byId.set(p.id, p);
  const byFirstWord = new Map<string, CompiledPhrase[]>();
  for (const phrase of byId.values()) {
    const unlessAfter = new Set((phrase.unlessAfter ?? []).map(normalizeWord));
    const unlessBefore = new Set((phrase.unlessBefore ?? []).map(normalizeWord));
    for (const m of phrase.match) {
      const words = m.trim().split(/\s+/).map(normalizeWord);
      const list = byFirstWord.get(words[0]!) ?? [];
      list.push({ phrase, words, unlessAfter, unlessBefore });
      byFirstWord.set(words[0]!, list);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  const set = (a: string[] | undefined, b: string[] | undefined) => new Set([...(a ?? []), ...(b ?? [])].map(normalizeWord));
  return {
    byFirstWord,
    personWords: set(BUILTIN_WORDING.personWords, options.personWords),
    teamHandles: set(BUILTIN_WORDING.teamHandles, options.teamHandles),
    participles: set(BUILTIN_WORDING.participles, undefined),
  };
}
