// Reads a line as a section label ("**Timeline:**", "Timeline:", "**Timeline", "##Timeline",
// "<h2>Timeline</h2>") or as a field ("**Duration:** 2 hours", "- Start: 14:00").
import { stripMarkup } from '../text/plain';
import type { TextRange } from '../types';
import type { DocLine } from './doc-lines';

export type LabelStyle = 'bold' | 'unclosed-bold' | 'plain' | 'broken-heading' | 'swallowed-heading' | 'html-heading' | 'list-item' | 'indented';

export interface Label {
  title: string;
  style: LabelStyle;
  /** Heading level implied by the markup (broken and HTML headings), if any. */
  level?: number;
}

const MAX_LABEL_LENGTH = 100;

/** The label a line stands for, when the whole line is a title and nothing else. */
export function readLabel(text: string, line: DocLine): Label | undefined {
  const raw = text.slice(line.contentStart, line.contentEnd);
  if (raw.length === 0 || raw.length > MAX_LABEL_LENGTH + 40) return undefined;
  // Template placeholders ("{{ summary }}") are not titles.
  if (raw.includes('{{')) return undefined;
  if (line.kind === 'html') return readHtmlHeading(raw) ?? (line.rawHtml ? undefined : readSwallowedHeading(raw));
  if (line.kind === 'table-row' || line.kind === 'heading') return undefined;
  const broken = /^(#{1,6})(?=[^#\s])/.exec(raw);
  if (broken) {
    const title = stripMarkup(raw.slice(broken[1]!.length));
    return title ? { title, style: 'broken-heading', level: broken[1]!.length } : undefined;
  }
  // Bulleted items are content; only a top-level numbered item ("1. Issue Summary:") can be a title.
  if (line.kind === 'list-item' && !(line.item?.ordered && line.depth === 1)) return undefined;
  const bold = readBoldLabel(raw);
  if (bold) return line.kind === 'list-item' ? { ...bold, style: 'list-item' } : bold;
  // A plain line: short, no sentence inside it, optionally ending in a colon.
  const title = stripMarkup(raw);
  if (title.length === 0 || title.length > MAX_LABEL_LENGTH) return undefined;
  const body = title.endsWith(':') ? title.slice(0, -1) : title;
  if (/[.!?;]\s/.test(body) || /[.!?]$/.test(body)) return undefined;
  // "Key: value" is a field, not a label.
  if (body.includes(': ')) return undefined;
  if (line.kind === 'list-item') return { title: body, style: 'list-item' };
  return { title: body, style: line.kind === 'indented' ? 'indented' : 'plain' };
}

function readBoldLabel(raw: string): Label | undefined {
  const marker = raw.startsWith('**') ? '**' : raw.startsWith('__') ? '__' : undefined;
  if (!marker) return undefined;
  const close = raw.indexOf(marker, 2);
  if (close === -1) {
    // "**Timeline" left unclosed: the whole line is the would-be title.
    const title = stripMarkup(raw.slice(2)).replace(/:$/, '');
    return title && title.length <= MAX_LABEL_LENGTH ? { title, style: 'unclosed-bold' } : undefined;
  }
  const rest = raw.slice(close + 2).trim();
  if (rest !== '' && rest !== ':') return undefined;
  const title = stripMarkup(raw.slice(2, close)).replace(/\s*:$/, '');
  return title && title.length <= MAX_LABEL_LENGTH ? { title, style: 'bold' } : undefined;
}

/** "**Root cause.** A broker lost quorum": a bold run-in label closed by a period, as status pages write them. */
const RUN_IN_LABEL = /^(\*\*|__)([^*_:\n]{1,60}?)(?:\.\1|\1\.)[ \t]+(?=\S)/;

function readRunInLabel(text: string, start: number, end: number): FieldCandidate | undefined {
  const first = text.charCodeAt(start);
  if (first !== 42 && first !== 95) return undefined; // "*", "_"
  const m = RUN_IN_LABEL.exec(text.slice(start, Math.min(end, start + 80)));
  if (!m) return undefined;
  const label = stripMarkup(m[2]!);
  if (!label || label.split(' ').length > 6) return undefined;
  return { label, valueRange: { start: start + m[0].length, end } };
}

/**
 * "## Summary" right under a line of HTML ("<img ...>", "<p align=center>", "<br>") with no blank
 * line between: the HTML block runs on to the next blank line, so the heading shows as text.
 */
function readSwallowedHeading(raw: string): Label | undefined {
  let level = 0;
  while (level < raw.length && raw[level] === '#') level++;
  if (level === 0 || level > 6 || (raw[level] !== ' ' && raw[level] !== '\t')) return undefined;
  let body = raw.slice(level).trim();
  // A closing run of hashes ("## Summary ##") is not part of the title.
  let end = body.length;
  while (end > 0 && body[end - 1] === '#') end--;
  if (end === 0 || body[end - 1] === ' ' || body[end - 1] === '\t') body = body.slice(0, end).trimEnd();
  const title = stripMarkup(body).replace(/\s*:$/, '');
  return title && title.length <= MAX_LABEL_LENGTH ? { title, style: 'swallowed-heading', level } : undefined;
}

function readHtmlHeading(raw: string): Label | undefined {
  const m = /^<h([1-6])\b[^>]{0,200}>/i.exec(raw);
  if (!m) return undefined;
  const level = Number(m[1]);
  const closeAt = raw.toLowerCase().indexOf(`</h${level}>`);
  const inner = raw.slice(m[0].length, closeAt === -1 ? raw.length : closeAt);
  const title = stripMarkup(inner).replace(/\s*:$/, '');
  return title ? { title, style: 'html-heading', level } : undefined;
}

export interface FieldCandidate {
  label: string;
  valueRange: TextRange;
}

/** "Key: value" at the start of a line, with the key at most a few words (bold or plain). */
export function readFieldCandidate(text: string, line: DocLine): FieldCandidate | undefined {
  const start = line.contentStart;
  const end = line.contentEnd;
  // "**Summary.** From 13:41 UTC to ...": a bold label closed by a period, before any colon.
  const runIn = readRunInLabel(text, start, end);
  if (runIn) return runIn;
  // The colon must come early (labels are short); colons inside HTML tags (style="color: red") don't count.
  let visible = 0;
  let colon = -1;
  for (let i = start; i < end && visible < 60; i++) {
    const c = text.charCodeAt(i);
    if (c === 60) {
      const close = text.indexOf('>', i);
      if (close !== -1 && close < end && close - i < 200) {
        i = close;
        continue;
      }
    }
    if (c === 58) {
      colon = i;
      break;
    }
    visible++;
  }
  if (colon === -1) return undefined;
  const label = stripMarkup(text.slice(start, colon));
  if (!label || label.split(' ').length > 6 || /\d:\d/.test(text.slice(colon - 2, colon + 2))) return undefined;
  let v = colon + 1;
  // Skip the closing emphasis and tags of "**Key:**", "**<span>Key:</span>**", and spaces.
  for (;;) {
    while (v < end && (text[v] === '*' || text[v] === '_' || text[v] === ' ' || text[v] === '\t')) v++;
    if (text[v] === '<' && text[v + 1] === '/') {
      const close = text.indexOf('>', v);
      if (close !== -1 && close < end) {
        v = close + 1;
        continue;
      }
    }
    break;
  }
  return { label, valueRange: { start: v, end } };
}

/**
 * A field written inside a heading: "##### Issue Summary: Duration: 2 hours (9:00 AM - 11:00 AM)".
 * Returns the label after the section title and the value after it.
 */
export function readHeadingField(text: string, line: DocLine, isFieldLabel: (label: string) => boolean): FieldCandidate | undefined {
  const content = text.slice(line.contentStart, line.contentEnd);
  let from = 0;
  for (let n = 0; n < 3; n++) {
    const colon = content.indexOf(':', from);
    if (colon === -1) return undefined;
    const next = content.indexOf(':', colon + 1);
    if (next === -1) return undefined;
    const label = stripMarkup(content.slice(colon + 1, next));
    if (label && isFieldLabel(label)) {
      let v = next + 1;
      while (v < content.length && (content[v] === ' ' || content[v] === '*')) v++;
      return { label, valueRange: { start: line.contentStart + v, end: line.contentEnd } };
    }
    from = colon + 1;
  }
  return undefined;
}
