// A single-pass tokenizer for time-related reading. Everything else in this module matches small
// patterns over the token list with bounded lookahead, so the whole module stays linear in the
// input length: it runs on every keystroke, on text we do not control.
//
// Tokens live in typed arrays rather than one object each: on a megabyte of "1:1:1:" that is a
// million tokens, and allocating a million objects costs about a second, typed arrays a few ms.

/** Token kinds. NONE is what any index outside the list reads as, so lookahead needs no guards. */
export const NONE = 0;
/** A run of ASCII digits. */
export const NUM = 1;
/** A run of ASCII letters. */
export const WORD = 2;
/** One punctuation character (ASCII or a typographic dash, quote, bullet or arrow). */
export const PUNCT = 3;
/** Markup that never carries meaning here: an HTML tag, an entity, a URL. */
export const MARKUP = 4;
/** Any other single code unit: emoji, accented letters, symbols. */
export const OTHER = 5;

/** Longer runs are kept as tokens (so positions stay right) but their text is never copied. */
const MAX_TOKEN_TEXT = 32;
/** Bound on how far an HTML tag may reach; beyond it the "<" is plain punctuation. */
const MAX_TAG_LENGTH = 300;
const MAX_ENTITY_LENGTH = 12;
/** Bound on the first allocation of the token arrays (14 bytes a token); they double beyond. */
const INITIAL_CAPACITY_LIMIT = 1 << 20;

const FLAG_SPACED = 1;
const FLAG_LINE_BREAK = 2;

const PUNCTUATION = new Set(
  ':.,;-/\\*_`[](){}<>~+=#|!?"\'@&%$^'.split('').concat(['–', '—', '−', '‘', '’', '“', '”', '…', '•', '·', '→']).map((c) => c.charCodeAt(0)),
);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  // Space, tab, CR, LF, FF, VT, NBSP, and the Unicode spaces people paste from documents.
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}

/** Invisible characters inside emoji sequences and rich-text pastes; treated like nothing. */
function isInvisible(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || (c >= 0xfe00 && c <= 0xfe0f);
}

/** The token list of one string. Every accessor accepts any index; outside the list it reads NONE. */
export class Tokens {
  readonly source: string;
  private size = 0;
  private kinds = new Uint8Array(0);
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  /** NUM: the value (-1 when too long to matter); PUNCT/OTHER: the char code; else -1. */
  private values = new Int32Array(0);
  private flags = new Uint8Array(0);

  constructor(source: string) {
    this.source = source;
    // Prose averages well over three characters a token; hostile text grows the arrays (doubling).
    this.allocate(Math.min((source.length >> 2) + 16, INITIAL_CAPACITY_LIMIT));
  }

  private allocate(size: number): void {
    const kinds = new Uint8Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const values = new Int32Array(size);
    const flags = new Uint8Array(size);
    kinds.set(this.kinds.subarray(0, this.size));
    starts.set(this.starts.subarray(0, this.size));
    ends.set(this.ends.subarray(0, this.size));
    values.set(this.values.subarray(0, this.size));
    flags.set(this.flags.subarray(0, this.size));
    this.kinds = kinds;
    this.starts = starts;
    this.ends = ends;
    this.values = values;
    this.flags = flags;
  }

  push(kind: number, start: number, end: number, value: number, spaced: boolean, lineBreak: boolean): void {
    if (this.size === this.kinds.length) this.allocate(this.kinds.length * 2);
    const i = this.size++;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    this.values[i] = value;
    this.flags[i] = (spaced ? FLAG_SPACED : 0) | (lineBreak ? FLAG_LINE_BREAK : 0);
  }

  /** Number of tokens. */
  get count(): number {
    return this.size;
  }

  private has(i: number): boolean {
    return i >= 0 && i < this.size;
  }

  kind(i: number): number {
    return this.has(i) ? this.kinds[i]! : NONE;
  }

  start(i: number): number {
    return this.has(i) ? this.starts[i]! : this.source.length;
  }

  end(i: number): number {
    return this.has(i) ? this.ends[i]! : this.source.length;
  }

  /** Whitespace comes before token i (true for the first token and outside the list). */
  spaced(i: number): boolean {
    return this.has(i) ? (this.flags[i]! & FLAG_SPACED) !== 0 : true;
  }

  /** Token i touches the one before it. */
  touches(i: number): boolean {
    return this.has(i) && i > 0 && (this.flags[i]! & FLAG_SPACED) === 0;
  }

  /** The whitespace before token i contains a line break: one mention never spans lines. */
  lineBreak(i: number): boolean {
    return this.has(i) && (this.flags[i]! & FLAG_LINE_BREAK) !== 0;
  }

  /** The value of a NUM token, or -1. */
  value(i: number): number {
    return this.kind(i) === NUM ? this.values[i]! : -1;
  }

  /** Number of characters (digits, for NUM). */
  length(i: number): number {
    return this.has(i) ? this.ends[i]! - this.starts[i]! : 0;
  }

  isNum(i: number): boolean {
    return this.kind(i) === NUM;
  }

  /** Token i is a run of letters. */
  isLetters(i: number): boolean {
    return this.kind(i) === WORD;
  }

  /** Token i is an HTML tag, entity or URL. */
  isMarkup(i: number): boolean {
    return this.kind(i) === MARKUP;
  }

  /** Token i is an emoji or another character outside ASCII letters, digits and punctuation. */
  isOther(i: number): boolean {
    return this.kind(i) === OTHER;
  }

  isPunct(i: number, ch: string): boolean {
    return this.kind(i) === PUNCT && this.values[i] === ch.charCodeAt(0);
  }

  /** Token i is one of the punctuation characters in `chars`. */
  isPunctIn(i: number, chars: string): boolean {
    if (this.kind(i) !== PUNCT) return false;
    const code = this.values[i];
    for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === code) return true;
    return false;
  }

  /** Token i is one of `words` (lower-case), in any letter case. */
  isWord(i: number, ...words: string[]): boolean {
    return this.isWordIn(i, words);
  }

  /** Like isWord, for a list kept in a constant. Compares in place: no string is built. */
  isWordIn(i: number, words: readonly string[]): boolean {
    if (this.kind(i) !== WORD) return false;
    const start = this.starts[i]!;
    const length = this.ends[i]! - start;
    for (const word of words) {
      if (word.length !== length) continue;
      let k = 0;
      // ASCII letters only: setting bit 0x20 lower-cases them.
      while (k < length && (this.source.charCodeAt(start + k) | 0x20) === word.charCodeAt(k)) k++;
      if (k === length) return true;
    }
    return false;
  }

  /**
   * WORD: lower-cased letters; NUM: the digits; PUNCT/OTHER: the character; '' otherwise and for
   * runs longer than MAX_TOKEN_TEXT, which can never be part of a time.
   */
  text(i: number): string {
    const kind = this.kind(i);
    if (kind === NONE || kind === MARKUP || this.length(i) > MAX_TOKEN_TEXT) return '';
    if (kind === PUNCT || kind === OTHER) return String.fromCharCode(this.values[i]!);
    if (kind === NUM) return this.source.slice(this.starts[i]!, this.ends[i]!);
    // Not cached: a cache costs more than it saves (slicing short words is cheap, and lower-case
    // words come back from toLowerCase unchanged).
    return this.raw(i).toLowerCase();
  }

  /** WORD: the letters as written, for case checks ("PT" vs "pt", "May" vs "may"). */
  raw(i: number): string {
    if (this.kind(i) !== WORD || this.length(i) > MAX_TOKEN_TEXT) return '';
    return this.source.slice(this.starts[i]!, this.ends[i]!);
  }

  /** The first letter is a capital. */
  capitalised(i: number): boolean {
    if (this.kind(i) !== WORD) return false;
    const c = this.source.charCodeAt(this.starts[i]!);
    return c >= 65 && c <= 90;
  }

  /** Every letter is a capital ("PST", not "Pst"). */
  allCaps(i: number): boolean {
    if (this.kind(i) !== WORD) return false;
    for (let k = this.starts[i]!; k < this.ends[i]!; k++) {
      const c = this.source.charCodeAt(k);
      if (c >= 97 && c <= 122) return false;
    }
    return true;
  }

  /** The source text from the start of token `first` to the end of token `last`. */
  slice(first: number, last: number): string {
    return this.source.slice(this.start(first), this.end(last));
  }
}

export function tokenize(text: string): Tokens {
  const tokens = new Tokens(text);
  const n = text.length;
  let i = 0;
  let spaced = true;
  let lineBreak = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || isInvisible(c)) {
      if (isSpace(c)) spaced = true;
      if (c === 10 || c === 13) lineBreak = true;
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      let value = 0;
      while (i < n && isDigit(text.charCodeAt(i))) {
        if (i - start < 9) value = value * 10 + (text.charCodeAt(i) - 48);
        i++;
      }
      tokens.push(NUM, start, i, i - start <= 9 ? value : -1, spaced, lineBreak);
    } else if (isLetter(c)) {
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      const urlEnd = urlEndAt(text, start, i);
      if (urlEnd > i) {
        i = urlEnd;
        tokens.push(MARKUP, start, i, -1, spaced, lineBreak);
      } else {
        tokens.push(WORD, start, i, -1, spaced, lineBreak);
      }
    } else {
      const markupEnd = c === 60 /* < */ ? tagEndAt(text, i) : c === 38 /* & */ ? entityEndAt(text, i) : -1;
      if (markupEnd > 0) {
        i = markupEnd;
        tokens.push(MARKUP, start, i, -1, spaced, lineBreak);
      } else {
        i++;
        tokens.push(PUNCTUATION.has(c) ? PUNCT : OTHER, start, i, c, spaced, lineBreak);
      }
    }
    spaced = false;
    lineBreak = false;
  }
  return tokens;
}

/**
 * "<br>", "</span>", "<li><strong>": an HTML tag starts with a letter or "/" right after "<" and
 * ends at the first ">" on the same line. Returns the end offset, or -1 when it is not a tag.
 * The scan stops at "<" and at line breaks, so input like "<a<a<a" stays linear.
 */
function tagEndAt(text: string, at: number): number {
  const first = text.charCodeAt(at + 1);
  if (!(isLetter(first) || first === 47 /* / */ || first === 33 /* ! */)) return -1;
  const limit = Math.min(text.length, at + MAX_TAG_LENGTH);
  for (let j = at + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 62 /* > */) return j + 1;
    if (c === 60 || c === 10 || c === 13) return -1;
  }
  return -1;
}

/** "&nbsp;", "&emsp;", "&#8211;". Returns the end offset, or -1. */
function entityEndAt(text: string, at: number): number {
  const limit = Math.min(text.length, at + MAX_ENTITY_LENGTH);
  let j = at + 1;
  if (text.charCodeAt(j) === 35 /* # */) j++;
  const bodyStart = j;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c === 59 /* ; */) return j > bodyStart ? j + 1 : -1;
    if (!isLetter(c) && !isDigit(c)) return -1;
    j++;
  }
  return -1;
}

/**
 * A URL is skipped as one markup token: paths like ".../2024/05/20/..." and ports are not times.
 * `wordEnd` is the end of the scheme word; returns the URL end, or wordEnd when there is none.
 */
function urlEndAt(text: string, start: number, wordEnd: number): number {
  const len = wordEnd - start;
  if (len < 3 || len > 5 || text.charCodeAt(wordEnd) !== 58 /* : */) return wordEnd;
  if (text.charCodeAt(wordEnd + 1) !== 47 || text.charCodeAt(wordEnd + 2) !== 47) return wordEnd;
  const scheme = text.slice(start, wordEnd).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') return wordEnd;
  let j = wordEnd + 3;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    // Stop where Markdown or HTML would end the link.
    if (isSpace(c) || c === 41 /* ) */ || c === 62 /* > */ || c === 60 || c === 93 /* ] */ || c === 34 || c === 39) break;
    j++;
  }
  return j;
}
