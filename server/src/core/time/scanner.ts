// A single-pass tokenizer for time-related reading. Everything else in this module matches small
// patterns over the token list with bounded lookahead, so the whole module stays linear in the
// input length: it runs on every keystroke, on text we do not control.

export type TokenKind =
  /** A run of ASCII digits. */
  | 'num'
  /** A run of ASCII letters. */
  | 'word'
  /** One ASCII punctuation character, or a dash/quote from the typographic set. */
  | 'punct'
  /** Markup that never carries meaning here: an HTML tag, an entity, a URL. */
  | 'markup'
  /** Any other single code unit: emoji, accented letters, symbols. */
  | 'other';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /**
   * 'word': lower-cased letters; 'num': the digits; 'punct'/'other': the character.
   * Empty for runs longer than MAX_TOKEN_TEXT, which can never be part of a time anyway.
   */
  text: string;
  /** 'word' only: the letters as written (for case checks such as "PT" vs "pt"). */
  raw: string;
  /** 'num' only: the value, or -1 when the run is too long to matter. */
  value: number;
  /** Whitespace separates this token from the previous one (or it is the first token). */
  spaced: boolean;
  /** That whitespace contains a line break: parts of one mention never span lines. */
  lineBreak: boolean;
}

/** Longer runs are kept as tokens (so positions stay right) but their text is not copied. */
const MAX_TOKEN_TEXT = 32;
/** Bound on how far an HTML tag or entity may reach; beyond it the "<" is plain punctuation. */
const MAX_TAG_LENGTH = 300;
const MAX_ENTITY_LENGTH = 12;

const PUNCTUATION = new Set(
  ':.,;-/\\*_`[](){}<>~+=#|!?"\'@&%$^'.split('').concat(['–', '—', '−', '‘', '’', '“', '”', '…', '•', '·']),
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

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
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
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const len = i - start;
      const digits = len <= MAX_TOKEN_TEXT ? text.slice(start, i) : '';
      tokens.push({ kind: 'num', start, end: i, text: digits, raw: '', value: len <= 9 ? Number(digits) : -1, spaced, lineBreak });
    } else if (isLetter(c)) {
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      const urlEnd = urlEndAt(text, start, i);
      if (urlEnd > i) {
        i = urlEnd;
        tokens.push({ kind: 'markup', start, end: i, text: '', raw: '', value: -1, spaced, lineBreak });
      } else {
        const raw = i - start <= MAX_TOKEN_TEXT ? text.slice(start, i) : '';
        tokens.push({ kind: 'word', start, end: i, text: raw.toLowerCase(), raw, value: -1, spaced, lineBreak });
      }
    } else {
      const markupEnd = c === 60 /* < */ ? tagEndAt(text, i) : c === 38 /* & */ ? entityEndAt(text, i) : -1;
      if (markupEnd > 0) {
        i = markupEnd;
        tokens.push({ kind: 'markup', start, end: i, text: '', raw: '', value: -1, spaced, lineBreak });
      } else {
        const ch = text[i] as string;
        i++;
        tokens.push({ kind: PUNCTUATION.has(ch) ? 'punct' : 'other', start, end: i, text: ch, raw: '', value: -1, spaced, lineBreak });
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
 * The scan stops at "<" and newlines, so input like "<a<a<a" is still linear.
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
