// Reduces a line of Markdown source to the words a reader sees, for matching titles and labels.
// Its regular expressions are single character classes or short bounded patterns (nothing to
// backtrack far), so it stays linear on hostile input.

function isTagStart(s: string, i: number): boolean {
  const n = s.charCodeAt(i + 1);
  return (n >= 97 && n <= 122) || (n >= 65 && n <= 90) || n === 47 || n === 33; // letter, '/', '!'
}

/** Drops emphasis markers, code ticks, HTML tags, heading hashes and quote markers; keeps text. */
export function stripMarkup(line: string): string {
  let out = '';
  let i = 0;
  // Leading block syntax: quote markers, heading hashes, list bullets.
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '>') i++;
    else break;
  }
  while (line[i] === '#') i++;
  for (; i < line.length; i++) {
    const c = line[i]!;
    if (c === '<' && isTagStart(line, i)) {
      const close = line.indexOf('>', i + 1);
      if (close !== -1 && close - i < 200) {
        i = close;
        out += ' ';
        continue;
      }
    }
    if (c === '*' || c === '`' || c === '~' || c === '\\') continue;
    if (c === '_') {
      // Underscore is emphasis only at word edges; snake_case keeps it.
      const prev = line[i - 1];
      const next = line[i + 1];
      const wordBefore = prev !== undefined && /[\p{L}\p{N}]/u.test(prev);
      const wordAfter = next !== undefined && /[\p{L}\p{N}]/u.test(next);
      if (!(wordBefore && wordAfter)) continue;
    }
    if (c === '&' && line.startsWith('&nbsp;', i)) {
      out += ' ';
      i += 5;
      continue;
    }
    out += c;
  }
  return collapseSpaces(out);
}

/** Runs of spaces, tabs and no-break spaces (other white space, such as line breaks, is kept). */
const SPACE_RUN = /[ \t\u00a0]+/g;

/** Each run of spaces as one space, none at either end. */
export function collapseSpaces(s: string): string {
  // One replace rather than a loop per character: V8 runs it natively from the first call, which
  // matters while the engine's label tables are built at start-up.
  let out = s.replace(SPACE_RUN, ' ');
  if (out.startsWith(' ')) out = out.slice(1);
  if (out.endsWith(' ')) out = out.slice(0, -1);
  return out;
}

/** What normalizeTitle turns into a space: all but letters, digits, '/' and the apostrophe. */
const NOT_TITLE_CHARACTER = /[^\p{L}\p{N}/']/gu;
/**
 * The same for lower-cased ASCII text, where letters and digits are a-z and 0-9. Most titles are
 * ASCII, and V8 compiles this class at once where the Unicode one costs milliseconds the first
 * time: hundreds of titles and labels are normalized before a server's first diagnostics.
 */
const NOT_ASCII_TITLE_CHARACTER = /[^a-z0-9/']/g;
// eslint-disable-next-line no-control-regex
const ALL_ASCII = /^[\x00-\x7f]*$/;

/**
 * The comparable form of a section title: lower case, no emoji or punctuation, no leading
 * numbering ("2.", "IV."), no parenthetical ("Timeline (UTC)"), "&" as "and", and the usual
 * spelling variants folded (preventive/preventative, learnt/learned).
 */
export function normalizeTitle(title: string): string {
  // A typographic apostrophe is an apostrophe: "What we’re doing" = "What we're doing".
  let s = stripMarkup(title).toLowerCase().replace(/[’‘]/g, "'");
  // Parentheticals and brackets carry notes ("(all times UTC)"), not the title.
  let kept = s;
  if (s.includes('(') || s.includes('[')) {
    kept = '';
    let depth = 0;
    for (const c of s) {
      if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && depth > 0) depth--;
      else if (depth === 0) kept += c;
    }
  }
  // Emoji shortcodes (":rotating_light: Summary") are decoration, like emoji.
  s = kept.replace(/:[a-z][a-z0-9_+-]{0,39}:/g, ' ').replace(/&/g, ' and ').replace(/\+/g, ' and ');
  // Letters, digits and a few joiners survive; everything else (emoji, colons, dashes) is a space.
  // One replace over code points (linear: a single class, nothing to backtrack), not a test per
  // character: section titles are normalized by the hundred when the engine first matches them.
  const words = collapseSpaces(s.replace(ALL_ASCII.test(s) ? NOT_ASCII_TITLE_CHARACTER : NOT_TITLE_CHARACTER, ' ')).split(' ').filter((w) => w.length > 0);
  // Leading numbering: "2", "iv", "a" followed by the real title.
  while (words.length > 1 && /^(\d{1,3}|[ivx]{1,5}|[a-h])$/.test(words[0]!) && isNumberingWord(words[0]!, title)) words.shift();
  return words.map(foldSpelling).join(' ').replace(/ \/ /g, ' and ').replace(/\//g, ' and ');
}

function isNumberingWord(word: string, original: string): boolean {
  if (/^\d+$/.test(word)) return true;
  // Roman numerals and letters count only when written with a dot or parenthesis: "IV.", "a)".
  const plain = stripMarkup(original).toLowerCase().trimStart();
  return plain.startsWith(word + '.') || plain.startsWith(word + ')');
}

const SPELLING: Record<string, string> = {
  preventive: 'preventative',
  learnt: 'learned',
  lesson: 'lessons',
  analyses: 'analysis',
  behaviour: 'behavior',
  organisation: 'organization',
  summarry: 'summary',
  followups: 'follow ups',
  followup: 'follow up',
  'follow-up': 'follow up',
  timelines: 'timeline',
};

function foldSpelling(word: string): string {
  return SPELLING[word] ?? word;
}
