import type { PostmortemModel, Section } from '../model/types';
import { defineRule } from './rule';
import { linesWithin } from './shared/headings';

/** Whether text has anything a reader would read: letters or digits outside HTML comments. Linear. */
export function hasContent(text: string): boolean {
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<!--', i);
    if (/[\p{L}\p{N}]/u.test(open === -1 ? text.slice(i) : text.slice(i, open))) return true;
    if (open === -1) return false;
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return false;
    i = close + 3;
  }
  return false;
}

/** The section's body without the titles of its sub-sections (headings alone are not content). */
function bodyWithoutHeadings(model: PostmortemModel, section: Section): string {
  let out = '';
  let cursor = section.bodyRange.start;
  for (const line of linesWithin(model, section.bodyRange)) {
    if (line.kind !== 'heading') continue;
    out += model.text.slice(cursor, line.start);
    cursor = line.end;
  }
  return out + model.text.slice(cursor, section.bodyRange.end);
}

export default defineRule({
  id: 'empty-section',
  description: 'A known section has a title but nothing under it.',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    for (const section of model.sections) {
      if (section.ids.length === 0) continue;
      // "Issue Summary: Duration: 2 hours (...)" carries its content in the heading itself.
      if (model.fields.some((f) => f.range.start === section.headerRange.start)) continue;
      if (hasContent(bodyWithoutHeadings(model, section))) continue;
      report({
        message: `Section "${section.title}" is empty.`,
        range: { start: section.headerRange.start, end: model.index.lineContentEnd(model.index.position(section.headerRange.start).line) },
        data: { section: section.ids[0] },
      });
    }
  },
});
