import type { PostmortemModel, Section } from '../model/types';
import { defineRule } from './rule';
import { lineIndicesWithin } from './shared/headings';

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Whether text[from, to) has anything a reader would read: letters or digits outside HTML
 * comments. `comment` carries a comment left open to the next call. Linear in `to - from`: only
 * that stretch is searched (V8 slices without copying).
 */
function contentIn(text: string, from: number, to: number, comment: { open: boolean }): boolean {
  let i = from;
  while (i < to) {
    const part = text.slice(i, to);
    if (comment.open) {
      const close = part.indexOf('-->');
      if (close === -1) return false;
      comment.open = false;
      i += close + 3;
      continue;
    }
    const open = part.indexOf('<!--');
    if (LETTER.test(open === -1 ? part : part.slice(0, open))) return true;
    if (open === -1) return false;
    comment.open = true;
    i += open + 4;
  }
  return false;
}

export function hasContent(text: string): boolean {
  return contentIn(text, 0, text.length, { open: false });
}

/**
 * Whether the section's body has content besides the titles of its sub-sections (headings alone
 * are not content). Stops at the first word: the body is never copied (a 500 KB timeline was
 * joined into one string on every keystroke).
 */
function bodyHasContent(model: PostmortemModel, section: Section): boolean {
  const comment = { open: false };
  let cursor = section.bodyRange.start;
  const { from, to } = lineIndicesWithin(model, section.bodyRange);
  for (let i = from; i < to; i++) {
    const line = model.lines[i]!;
    if (line.kind !== 'heading') continue;
    if (contentIn(model.text, cursor, line.start, comment)) return true;
    cursor = line.end;
  }
  return contentIn(model.text, cursor, section.bodyRange.end, comment);
}

export default defineRule({
  id: 'empty-section',
  description: 'A known section has a title but nothing under it.',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    // Looked up in a set: searching the fields for each section was quadratic (100k bold labels,
    // many of them "Root Cause:" fields, took seconds).
    const fieldLines = new Set(model.fields.map((f) => f.range.start));
    for (const section of model.sections) {
      if (section.ids.length === 0) continue;
      // "Issue Summary: Duration: 2 hours (...)" carries its content in the heading itself.
      if (fieldLines.has(section.headerRange.start)) continue;
      if (bodyHasContent(model, section)) continue;
      report({
        message: `Section "${section.title}" is empty.`,
        range: { start: section.headerRange.start, end: model.index.lineContentEnd(model.index.position(section.headerRange.start).line) },
        data: { section: section.ids[0] },
      });
    }
  },
});
