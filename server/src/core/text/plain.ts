// Reduces a line of Markdown source to the words a reader sees, for matching titles and labels.
// One pass, no regular expressions over the whole line, so it stays linear on hostile input.

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

export function collapseSpaces(s: string): string {
  let out = '';
  let space = false;
  for (const c of s) {
    if (c === ' ' || c === '\t' || c === '\u00a0') {
      space = out.length > 0;
    } else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

/**
 * The comparable form of a section title: lower case, no emoji or punctuation, no leading
 * numbering ("2.", "IV."), no parenthetical ("Timeline (UTC)"), "&" as "and", and the usual
 * spelling variants folded (preventive/preventative, learnt/learned).
 */
export function normalizeTitle(title: string): string {
  // A typographic apostrophe is an apostrophe: "What we’re doing" = "What we're doing".
  let s = stripMarkup(title).toLowerCase().replace(/[’‘]/g, "'");
  // Parentheticals and brackets carry notes ("(all times UTC)"), not the title.
  let depth = 0;
  let kept = '';
  for (const c of s) {
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0) kept += c;
  }
  // Emoji shortcodes (":rotating_light: Summary") are decoration, like emoji.
  s = kept.replace(/:[a-z][a-z0-9_+-]{0,39}:/g, ' ').replace(/&/g, ' and ').replace(/\+/g, ' and ');
  // Letters, digits and a few joiners survive; everything else (emoji, colons, dashes) is a space.
  let cleaned = '';
  for (const c of s) {
    if (/[\p{L}\p{N}]/u.test(c) || c === '/' || c === "'") cleaned += c;
    else cleaned += ' ';
  }
  const words = collapseSpaces(cleaned).split(' ').filter((w) => w.length > 0);
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
