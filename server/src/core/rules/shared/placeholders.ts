// Leftovers from templates and snippets in one line of prose (already masked by prose.ts):
// `{{...}}`, TODO/TBD/FIXME/XXX, date and time formats (YYYY-MM-DD, HH:MM), bracketed and angled
// blanks ([date], [???], <owner>), "Lorem ipsum" filler and capitalised blanks (DATE RANGE).
// One left-to-right pass; every look-ahead is bounded, so hostile lines stay linear.

export type PlaceholderKind = 'template' | 'marker' | 'format' | 'blank' | 'filler';

export interface Placeholder {
  start: number;
  end: number;
  text: string;
  kind: PlaceholderKind;
}

const MARKERS = new Set(['TODO', 'TBD', 'FIXME']);

/** First words of a blank a template leaves in brackets: "[date]", "[link to github issue]", "[Your Name]". */
const BLANK_WORDS = new Set([
  'date', 'time', 'datetime', 'timestamp', 'timezone', 'owner', 'owners', 'name', 'names', 'link', 'url', 'ticket',
  'insert', 'your', 'todo', 'tbd', 'placeholder', 'assignee', 'enter', 'fill', 'describe', 'who', 'when', 'person',
  'team', 'service', 'jira', 'yyyy',
]);

/** Capitalised blanks of two words ("DATE RANGE") and one ("DATE") a template leaves behind. */
const CAPS_PAIRS = new Set(['DATE RANGE', 'ISSUE NAME', 'INCIDENT NAME', 'INCIDENT TITLE', 'SERVICE NAME', 'TEAM NAME', 'YOUR NAME', 'COMPANY NAME', 'PRODUCT NAME', 'OWNER NAME']);
const CAPS_WORDS = new Set(['DATE', 'TIME', 'NAME', 'OWNER']);

/**
 * Lorem-ipsum vocabulary. Words that are also English (sit, quis, magna, ante) only extend a run;
 * a run needs "lorem ipsum" or two words from the distinctive part to count.
 */
const LATIN_DISTINCTIVE = new Set(
  'lorem ipsum dolor amet consectetur adipiscing elit eiusmod tempor incididunt labore dolore aliqua veniam nostrud exercitation ullamco laboris aliquip commodo consequat duis aute irure reprehenderit voluptate velit cillum fugiat nulla pariatur excepteur occaecat cupidatat proident deserunt mollit laborum etiam dapibus curabitur vulputate vestibulum pellentesque aenean donec vivamus fusce maecenas phasellus praesent quisque suspendisse nullam morbi tincidunt ultricies sollicitudin viverra feugiat faucibus egestas fringilla lacinia'.split(' '),
);
const LATIN_COMMON = new Set('sit sed do ut et in ad enim minim quis nisi ex ea esse eu non sint sunt culpa qui officia anim id est magna ante felis nunc nibh mauris sapien tellus turpis tortor lectus lacus ligula metus neque odio orci purus risus urna'.split(' '));

/** A severity the template left to choose: "SEV?", "SEV-?", "Sev X", "P?". */
const SEVERITY_BLANK = /(?:SEV|Sev|sev)[-\s]?(?:\?+|X|N)(?![\w?])|P\?+(?![\w?])/y;
const DATE_FORMAT = /(?:YYYY|yyyy)([-/.])(?:MM|mm)\1(?:DD|dd)|(?:MM|mm|DD|dd)([-/.])(?:DD|dd|MM|mm)\2(?:YYYY|yyyy|YY|yy)/y;
const TIME_FORMAT = /(?:HH|hh|XX|xx):(?:MM|mm|XX|xx)(?::(?:SS|ss|XX|xx))?/y;
/** The letters each of the three patterns above can start with. */
const SEVERITY_STARTS = new Set('SsP');
const DATE_STARTS = new Set('YyMmDd');
const TIME_STARTS = new Set('HhXx');

/** indexOf that looks at most `limit` characters ahead, so a line of openers stays linear. */
function indexWithin(s: string, needle: string, from: number, limit: number): number {
  const at = s.slice(from, from + limit + needle.length).indexOf(needle);
  return at === -1 ? -1 : from + at;
}

const isAsciiLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
/** ASCII first: this runs for every character of every line. */
const isWordChar = (c: string | undefined) => c !== undefined && (isAsciiLetter(c) || (c >= '0' && c <= '9') || c === '_' || (c > '\x7f' && /[\p{L}\p{N}]/u.test(c)));

export interface ScanContext {
  /** Lower-cased labels of `[label]: url` definitions: `[label]` is then a link, not a blank. */
  definitions?: ReadonlySet<string>;
}

export function findPlaceholders(line: string, context: ScanContext = {}): Placeholder[] {
  const found: Placeholder[] = [];
  const add = (start: number, end: number, kind: PlaceholderKind) => found.push({ start, end, kind, text: line.slice(start, end) });
  const mostlyCaps = isMostlyCapitals(line);
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '{' && line[i + 1] === '{') {
      const close = indexWithin(line, '}}', i + 2, 200);
      if (close !== -1) {
        add(i, close + 2, 'template');
        i = close + 2;
        continue;
      }
    } else if (c === '[') {
      const end = bracketBlank(line, i, context);
      if (end > 0) {
        add(i, end, 'blank');
        i = end;
        continue;
      }
    } else if (c === '<') {
      const end = angleBlank(line, i);
      if (end > 0) {
        add(i, end, 'blank');
        i = end;
        continue;
      }
    } else if (isAsciiLetter(c) && !isWordChar(line[i - 1])) {
      // Each pattern is tried only at a letter it can start with: this runs at every word of
      // every prose line, and an engine started cold runs each attempt in V8's interpreter.
      const blank = SEVERITY_STARTS.has(c) ? severityBlankAt(line, i) : null;
      if (blank) {
        add(i, i + blank[0].length, 'blank');
        i += blank[0].length;
        continue;
      }
      const end = formatAt(line, i);
      if (end > 0) {
        add(i, end, 'format');
        i = end;
        continue;
      }
      let j = i;
      while (isWordChar(line[j])) j++;
      const word = line.slice(i, j);
      const latin = latinRun(line, i);
      if (latin.count > 0) {
        if (latin.filler) add(i, latin.end, 'filler');
        i = latin.end;
        continue;
      }
      const kind = wordPlaceholder(line, i, j, word, mostlyCaps);
      if (kind === 'pair') {
        const second = nextWord(line, j);
        add(i, second.end, 'blank');
        i = second.end;
        continue;
      }
      if (kind) add(i, j, kind);
      i = j;
      continue;
    }
    i++;
  }
  return found;
}

function wordPlaceholder(line: string, start: number, end: number, word: string, mostlyCaps: boolean): PlaceholderKind | 'pair' | undefined {
  // "TODO list:" names the list below it.
  if (MARKERS.has(word)) return word === 'TODO' && /^\s*(?:list|items)\b/i.test(line.slice(end, end + 8)) ? undefined : 'marker';
  // "XXX" and "$XXX" are blanks; "10.0.XXX.XXX" and "XXX-1234" are redactions or real names.
  if (word.startsWith('XXX') && /^X{3,}$/.test(word)) return /[./\-:]/.test(line[start - 1] ?? '') || /[./\-:]\w/.test(line.slice(end, end + 2)) ? undefined : 'marker';
  if (word !== word.toUpperCase() || word.length < 4) return undefined;
  const second = nextWord(line, end);
  if (CAPS_PAIRS.has(`${word} ${second.word}`)) return 'pair';
  // A lone DATE or NAME is a blank only where a value belongs, beside a time ("12:45 PM DATE:").
  // "The DATE column", "NAME: Bob", a "DATE" label line and "TIME (UTC)" headers are words.
  if (!CAPS_WORDS.has(word) || mostlyCaps) return undefined;
  const before = line.slice(Math.max(0, start - 16), start).trimEnd();
  const after = line.slice(end, end + 4).trimStart();
  // "12:45 PM DATE", "15:00 UTC DATE", "DATE 14:00".
  if (/\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?$/.test(before) || /^\d/.test(after)) return 'blank';
  return undefined;
}

function nextWord(line: string, from: number): { word: string; end: number } {
  let i = from;
  while (line[i] === ' ') i++;
  let j = i;
  while (j - i < 20 && isWordChar(line[j])) j++;
  return { word: line.slice(i, j), end: j };
}

/** More than half the letters are capitals: an all-caps heading, where DATE is a title. */
function isMostlyCapitals(line: string): boolean {
  let upper = 0;
  let letters = 0;
  for (const c of line) {
    if (!isAsciiLetter(c)) continue;
    letters++;
    if (c <= 'Z') upper++;
  }
  return letters > 0 && upper * 2 > letters;
}

function severityBlankAt(line: string, i: number): RegExpExecArray | null {
  SEVERITY_BLANK.lastIndex = i;
  return SEVERITY_BLANK.exec(line);
}

function formatAt(line: string, i: number): number {
  let end = -1;
  if (DATE_STARTS.has(line.charAt(i))) {
    DATE_FORMAT.lastIndex = i;
    if (DATE_FORMAT.exec(line)) end = DATE_FORMAT.lastIndex;
  }
  // "YYYY-MM-DD HH:MM" and "YYYY-MM-DDTHH:MM" are one placeholder.
  const timeAt = end > 0 && (line[end] === ' ' || line[end] === 'T') ? end + 1 : i;
  if (TIME_STARTS.has(line.charAt(timeAt))) {
    TIME_FORMAT.lastIndex = timeAt;
    if (TIME_FORMAT.exec(line)) end = TIME_FORMAT.lastIndex;
  }
  if (end < 0 || isWordChar(line[end])) return -1;
  return end;
}

/** `[date]`, `[Your Name]`, `[link to github issue]`, `[???]`, `[...]`: not links, task boxes or notes. */
function bracketBlank(line: string, i: number, context: ScanContext): number {
  const close = indexWithin(line, ']', i + 1, 80);
  if (close === -1) return -1;
  const inner = line.slice(i + 1, close).trim();
  if (inner.includes('[')) return -1;
  // "[text](url)", "[text][ref]" and "[ref]: url" are links.
  const after = line[close + 1];
  if (after === '(' || after === '[' || after === ':') return -1;
  if (context.definitions?.has(inner.toLowerCase())) return -1;
  if (/^(?:\?+|\.{3}|…)$/.test(inner)) return close + 1;
  const first = /^[A-Za-z]+/.exec(inner)?.[0]?.toLowerCase();
  return first && BLANK_WORDS.has(first) ? close + 1 : -1;
}

/** `<owner>`, `<your-name>`, `<incident date>`: a word in angle brackets that is not an HTML tag. */
function angleBlank(line: string, i: number): number {
  if (isWordChar(line[i - 1])) return -1; // List<Name> is code, not a blank
  const close = indexWithin(line, '>', i + 1, 40);
  if (close === -1) return -1;
  const inner = line.slice(i + 1, close);
  if (!/^[A-Za-z][A-Za-z _-]*$/.test(inner)) return -1;
  const first = /^[A-Za-z]+/.exec(inner)![0].toLowerCase();
  // <time> and <summary> are HTML elements; the others are not.
  if (first === 'time' || first === 'summary') return -1;
  return BLANK_WORDS.has(first) || first === 'incident' ? close + 1 : -1;
}

/** A run of Latin filler from `i`: its end, how many words, and whether it is lorem ipsum. */
function latinRun(line: string, i: number): { end: number; count: number; filler: boolean } {
  let j = i;
  let end = i;
  let count = 0;
  let distinctive = 0;
  let lorem = false;
  for (;;) {
    let k = j;
    while (isWordChar(line[k])) k++;
    const word = line.slice(j, k).toLowerCase();
    if (k === j || !(LATIN_DISTINCTIVE.has(word) || LATIN_COMMON.has(word))) break;
    count++;
    if (LATIN_DISTINCTIVE.has(word)) distinctive++;
    if (word === 'lorem') lorem = true;
    end = k;
    j = k;
    // A run goes on across spaces and commas, not across sentences.
    while (line[j] === ' ' || line[j] === ',') j++;
  }
  return { end, count, filler: lorem || distinctive >= 2 };
}

/** A whole cell or list item that only says "etc" or "...": a template row nobody filled in. */
export function isFiller(text: string): boolean {
  return /^(?:[Ee]tc\.?|\.{3}|…)$/.test(text.trim());
}
