// The words a reader sees on each line, for rules that search prose (placeholders, wording).
// Code spans, HTML comments, known HTML tags, entities, link destinations and bare URLs are
// blanked with spaces, so offsets stay the document's and nothing in them is mistaken for prose
// ("#696969" in a style attribute is not a ticket, "/blame/" in a URL is not blame). Code blocks
// and front matter are never model lines. One linear pass per line, cached per model.
import type { DocLine } from '../../model/doc-lines';
import type { PostmortemModel } from '../../model/types';

export interface ProseLine {
  line: DocLine;
  /** Document offset of `text[0]` (the line's content start). */
  offset: number;
  /** [line.contentStart, line.end) with everything that is not prose replaced by spaces. */
  text: string;
  /** Canonical ids of the innermost section holding the line and of the sections around it. */
  ids: readonly string[];
  /** Index of the innermost section holding the line. */
  section: number | undefined;
  /** An HTML comment was open before the line (`text` was masked so), and is still open after it. */
  commentBefore: boolean;
  commentAfter: boolean;
  /**
   * What the prose rules found in `text` last time, kept on the prose line itself (which lives as
   * long as its line: proseLineOf), each checked against the rule's inputs before it is used. They
   * are cleared when `text` changes, so a rule's memo need not hold the text, and lines with
   * nothing found can share one memo (issue 7: three objects per line were ~8 MB at 5 MB). Here
   * rather than in the line's memo: a keystroke on a 5 MB postmortem reads every line's results,
   * and each object on the way (line, memo, slot) was a cache miss of its own.
   */
  placeholders: unknown;
  phrases: unknown;
  people: unknown;
}

/** Inline HTML a postmortem uses for styling; other `<words>` (`<owner>`) are left as text. */
const HTML_TAGS = new Set(
  'a abbr b big blockquote br center cite code dd del details div dl dt em figcaption figure font h1 h2 h3 h4 h5 h6 hr i iframe img ins kbd li mark ol p picture pre q s samp small source span strike strong style sub summary sup table tbody td tfoot th thead tr tt u ul video'.split(' '),
);

const cache = new WeakMap<PostmortemModel, ProseLine[]>();

export function proseLines(model: PostmortemModel): ProseLine[] {
  let lines = cache.get(model);
  if (!lines) cache.set(model, (lines = compute(model)));
  return lines;
}

function compute(model: PostmortemModel): ProseLine[] {
  // One per line, filled by index: see FRESH_MEMORY in model/doc-lines.ts.
  const out = model.recycled.take<ProseLine>('prose', model.lines.length);
  let inComment = false;
  let s = -1;
  const sections = model.sections;
  // One ids array per section, shared by its lines.
  const idsOf = new Map<number | undefined, readonly string[]>();
  const lines = model.lines;
  let lastSection: number | undefined = -1;
  let ids: readonly string[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    while (s + 1 < sections.length && sections[s + 1]!.range.start <= line.start) s++;
    const section = innermost(model, s, line.start);
    if (section !== lastSection) {
      lastSection = section;
      const known = idsOf.get(section);
      if (known) ids = known;
      else idsOf.set(section, (ids = idsAround(model, section)));
    }
    // Masked once per line text and comment state coming in (the memo lives only while the
    // line's text is unchanged): a keystroke re-masks its own line.
    const kept = line.memo.proseLine as ProseLine | undefined;
    let masked: string;
    let after: boolean;
    if (kept !== undefined && kept.commentBefore === inComment) {
      masked = kept.text;
      after = kept.commentAfter;
    } else {
      const state: { inComment: boolean } = { inComment };
      masked = maskLine(model.text.slice(line.contentStart, line.end), state);
      after = state.inComment;
    }
    out[n] = proseLineOf(line, kept, masked, inComment, after, ids, section);
    inComment = after;
  }
  return out;
}

/**
 * The line's ProseLine of the previous version, brought up to date in place (else a new one): a
 * fresh object per line on every keystroke was most of this pass's time at 5 MB. Valid, like the
 * model's lines, until the next analysis with the same BlockCache.
 */
function proseLineOf(line: DocLine, kept: ProseLine | undefined, text: string, commentBefore: boolean, commentAfter: boolean, ids: readonly string[], section: number | undefined): ProseLine {
  // A block whose text occurs twice shares its memo, not its DocLines.
  if (kept === undefined || kept.line !== line) {
    const made: ProseLine = { line, offset: line.contentStart, text, ids, section, commentBefore, commentAfter, placeholders: undefined, phrases: undefined, people: undefined };
    line.memo.proseLine = made;
    return made;
  }
  if (kept.text !== text) {
    kept.text = text;
    kept.placeholders = kept.phrases = kept.people = undefined;
  }
  kept.offset = line.contentStart;
  kept.commentBefore = commentBefore;
  kept.commentAfter = commentAfter;
  kept.ids = ids;
  kept.section = section;
  return kept;
}

/** The prose line whose DocLine starts at `start`, if any (lines are in document order). */
export function proseLineAt(lines: readonly ProseLine[], start: number): ProseLine | undefined {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.line.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lines[lo]?.line.start === start ? lines[lo] : undefined;
}

function innermost(model: PostmortemModel, s: number, offset: number): number | undefined {
  let i: number | undefined = s >= 0 ? s : undefined;
  while (i !== undefined && !(model.sections[i]!.range.start <= offset && offset < model.sections[i]!.range.end)) i = model.sections[i]!.parent;
  return i;
}

function idsAround(model: PostmortemModel, section: number | undefined): string[] {
  const ids: string[] = [];
  for (let i = section; i !== undefined; i = model.sections[i]!.parent) ids.push(...model.sections[i]!.ids);
  return ids;
}

/** Blanks [from, to) of `chars`. */
function blank(chars: string[], from: number, to: number): void {
  for (let i = from; i < to && i < chars.length; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/**
 * Masks one line; `state` carries an open HTML comment to the next line. `keepUrls` leaves link
 * destinations and bare URLs readable (for tickets) while still hiding code and markup.
 */
export function maskLine(raw: string, state: { inComment: boolean }, keepUrls = false): string {
  const chars = raw.split('');
  let i = 0;
  if (state.inComment) {
    const close = raw.indexOf('-->');
    blank(chars, 0, close === -1 ? raw.length : close + 3);
    if (close === -1) return chars.join('');
    state.inComment = false;
    i = close + 3;
  }
  const spans = codeSpans(raw);
  // Where the last ")" and ">" are: an opener after them cannot close, which is answered in O(1)
  // instead of a bounded scan (a line of "](](](" or "<a<a<a" stays fast).
  const lastParen = raw.lastIndexOf(')');
  const lastAngle = raw.lastIndexOf('>');
  let span = 0;
  while (i < raw.length) {
    while (span < spans.length && spans[span]!.end <= i) span++;
    if (span < spans.length && spans[span]!.start <= i) {
      blank(chars, spans[span]!.start, spans[span]!.end);
      i = spans[span]!.end;
      continue;
    }
    const c = raw[i]!;
    if (c === '<') i = i < lastAngle || raw.startsWith('<!--', i) ? maskAngle(raw, chars, i, state) : i + 1;
    else if (c === ']' && raw[i + 1] === '(' && !keepUrls) i = i + 1 < lastParen ? maskDestination(raw, chars, i + 1) : i + 1;
    else if (c === '&') i = maskEntity(raw, chars, i);
    else if ((c === 'h' || c === 'w') && isUrlStart(raw, i)) i = keepUrls ? skipUntilSpace(raw, i) : maskUntilSpace(raw, chars, i);
    else i++;
  }
  return chars.join('');
}

/**
 * Code spans of one line: a run of n backticks up to the next run of exactly n. Runs are listed
 * once and each length keeps a forward-only cursor, so a line of unmatched ticks stays linear.
 */
function codeSpans(raw: string): { start: number; end: number }[] {
  const runs: { at: number; len: number }[] = [];
  for (let i = 0; i < raw.length; ) {
    if (raw[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (raw[j] === '`') j++;
    runs.push({ at: i, len: j - i });
    i = j;
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((r, k) => {
    const list = byLength.get(r.len) ?? [];
    list.push(k);
    byLength.set(r.len, list);
  });
  const cursor = new Map<number, number>();
  const spans: { start: number; end: number }[] = [];
  let k = 0;
  while (k < runs.length) {
    const open = runs[k]!;
    const list = byLength.get(open.len)!;
    let c = cursor.get(open.len) ?? 0;
    while (c < list.length && list[c]! <= k) c++;
    cursor.set(open.len, c);
    if (c >= list.length) {
      k++;
      continue;
    }
    const close = runs[list[c]!]!;
    spans.push({ start: open.at, end: close.at + close.len });
    k = list[c]! + 1;
  }
  return spans;
}

function maskAngle(raw: string, chars: string[], i: number, state: { inComment: boolean }): number {
  if (raw.startsWith('<!--', i)) {
    const close = raw.indexOf('-->', i + 4);
    if (close === -1) {
      state.inComment = true;
      blank(chars, i, raw.length);
      return raw.length;
    }
    blank(chars, i, close + 3);
    return close + 3;
  }
  let j = i + 1;
  if (raw[j] === '/') j++;
  const nameStart = j;
  while (j < raw.length && j - nameStart < 12 && /[A-Za-z0-9]/.test(raw[j]!)) j++;
  const name = raw.slice(nameStart, j).toLowerCase();
  const autolink = /^https?$|^mailto$/.test(name) && raw[j] === ':';
  if (!autolink && !HTML_TAGS.has(name)) return i + 1;
  // Looks at most 300 characters ahead: a line of unclosed "<span" stays linear.
  const ahead = raw.slice(j, j + 300).indexOf('>');
  if (ahead === -1) return i + 1;
  const close = j + ahead;
  blank(chars, i, close + 1);
  return close + 1;
}

/** `](destination "title")`: blanked inside the parentheses, which stay so a link still reads as one. */
function maskDestination(raw: string, chars: string[], open: number): number {
  let depth = 0;
  for (let j = open; j < raw.length && j - open < 500; j++) {
    const c = raw[j];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      blank(chars, open + 1, j);
      return j + 1;
    }
  }
  return open + 1;
}

function maskEntity(raw: string, chars: string[], i: number): number {
  const m = /^&(?:#x?[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});/.exec(raw.slice(i, i + 12));
  if (!m) return i + 1;
  blank(chars, i, i + m[0].length);
  return i + m[0].length;
}

function isUrlStart(raw: string, i: number): boolean {
  const prev = raw[i - 1];
  if (prev !== undefined && /[\p{L}\p{N}_]/u.test(prev)) return false;
  return raw.startsWith('http://', i) || raw.startsWith('https://', i) || raw.startsWith('www.', i);
}

function skipUntilSpace(raw: string, i: number): number {
  let j = i;
  while (j < raw.length && !/[\s<>"]/.test(raw[j]!)) j++;
  return j;
}

function maskUntilSpace(raw: string, chars: string[], i: number): number {
  const j = skipUntilSpace(raw, i);
  blank(chars, i, j);
  return j;
}
