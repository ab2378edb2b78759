// Finding blaming phrases in a line of prose (masked by rules/shared/prose.ts). Words are read
// once; each is looked up by its first word and compared with at most eight following words, so
// matching is linear in the line.
import { normalizeWord, type CompiledPhrase, type CompiledWording } from './lists';

export interface Word {
  /** As written. */
  text: string;
  /** Lower case, curly apostrophes straightened. */
  norm: string;
  start: number;
  end: number;
  /** Punctuation that ends a clause lies between the previous word and this one. */
  clauseStart: boolean;
}

export interface PhraseMatch {
  phrase: CompiledPhrase;
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{N}@][\p{L}\p{N}'’_.-]*/gu;

export function wordsOf(line: string): Word[] {
  const words: Word[] = [];
  let last = 0;
  for (const m of line.matchAll(WORD)) {
    // A trailing dot or hyphen belongs to the sentence, not the word. Trimmed by a loop: the
    // regex /[.'’_-]+$/ rescanned the run from every hyphen (40k hyphens took a second).
    let cut = m[0].length;
    while (cut > 0 && ".'’_-".includes(m[0][cut - 1]!)) cut--;
    const text = m[0].slice(0, cut);
    if (!text) continue;
    const between = line.slice(last, m.index);
    words.push({ text, norm: normalizeWord(text), start: m.index, end: m.index + text.length, clauseStart: words.length === 0 || /[.;:!?()\[\]—–|]|,/.test(between) });
    last = m.index + text.length;
  }
  return words;
}

/** Is someone (not something) the subject just before word `i`? */
export type PersonTest = (word: Word) => boolean;

export function findPhrases(words: readonly Word[], line: string, wording: CompiledWording, isPerson: PersonTest): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = wording.byFirstWord.get(words[i]!.norm);
    if (!candidates) continue;
    for (const c of candidates) {
      if (!matchesAt(words, i, c.words)) continue;
      const endWord = i + c.words.length - 1;
      if (i > 0 && !words[i]!.clauseStart && c.unlessAfter.has(words[i - 1]!.norm)) continue;
      const after = words[endWord + 1];
      if (after && !after.clauseStart && c.unlessBefore.has(after.norm)) continue;
      const requires = c.phrase.requires ?? [];
      if (requires.includes('person-subject') && !personBefore(words, i, isPerson)) continue;
      if (requires.includes('participle-after') && !isParticiple(words[endWord + 1], wording)) continue;
      const start = words[i]!.start;
      const end = words[endWord]!.end;
      found.push({ phrase: c, start, end, text: line.slice(start, end) });
      i = endWord;
      break;
    }
  }
  return found;
}

function matchesAt(words: readonly Word[], i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const w = words[i + k];
    if (!w || w.norm !== phrase[k] || (k > 0 && w.clauseStart)) return false;
  }
  return true;
}

/** A person among the four words before `i`, within the same clause. */
function personBefore(words: readonly Word[], i: number, isPerson: PersonTest): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (isPerson(words[k]!)) return true;
    if (words[k]!.clauseStart) break;
  }
  return false;
}

function isParticiple(word: Word | undefined, wording: CompiledWording): boolean {
  if (!word) return false;
  return wording.participles.has(word.norm) || (/(?:ed|en)$/.test(word.norm) && word.norm.length > 3);
}
