import { matcherFor } from '../templates/matcher';
import { defineRule } from './rule';
import { lineOf, topSections } from './shared/headings';

export default defineRule({
  id: 'duplicate-section',
  description: 'The same section appears twice (for example two "Timeline" sections), so readers and tools cannot tell which one is current.',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const matcher = matcherFor(model.template);
    // By id and part: "What went well" and "What went wrong" are two parts of Lessons Learned.
    const firstById = new Map<string, number>();
    for (const section of topSections(model)) {
      const part = matcher.partOf(section.title);
      for (const id of section.ids) {
        const first = firstById.get(`${id}\u0000${part}`);
        if (first === undefined) {
          firstById.set(`${id}\u0000${part}`, section.range.start);
          continue;
        }
        const name = part ? section.title : (model.template.sections.find((s) => s.id === id)?.title ?? section.title);
        report({
          message: `Second "${name}" section (the first is on line ${lineOf(model, first)}): merge them or rename one.`,
          range: { start: section.headerRange.start, end: model.index.lineContentEnd(lineOf(model, section.headerRange.start)) },
          data: { section: id, firstLine: lineOf(model, first) },
        });
        break;
      }
    }
  },
});
