import { defineRule } from './rule';
import { sectionHeadingLevel } from './shared/headings';

const HOW: Record<string, string> = {
  bold: 'bold text',
  'unclosed-bold': 'bold text that is never closed',
  plain: 'a plain line',
  'list-item': 'a list item',
  indented: 'a line indented so far that it shows as code',
  'html-heading': 'an HTML heading',
  'broken-heading': 'a heading without the space after "#"',
};

export default defineRule({
  id: 'section-not-heading',
  description: 'A section title is written as bold text, a plain line, a list item, raw HTML or "#Title" instead of a Markdown heading, so outlines, links and the preview miss it.',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const level = sectionHeadingLevel(model);
    const labelled = model.sections.filter((s) => s.kind !== 'heading' && s.ids.length > 0);
    if (labelled.length === 0) return;
    const lineAt = new Map(model.lines.map((l) => [l.start, l]));
    for (const section of labelled) {
      const line = lineAt.get(section.headerRange.start);
      if (!line) continue;
      const style = section.kind === 'broken-heading' ? 'broken-heading' : section.kind === 'html' ? 'html-heading' : ((line.memo.get('label') as { style?: string } | null)?.style ?? 'plain');
      // A broken or HTML heading keeps its own level; a label takes the document's section level.
      const depth = section.kind === 'label' ? level : section.level;
      const title = section.title.replace(/\s*:$/, '');
      // Only the title's own line is replaced: any quote marker or indentation before it stays.
      // List markers and code indentation go too: "    Timeline" as "## Timeline" would still be code.
      const start = line.kind === 'list-item' || line.kind === 'indented' ? line.start : line.contentStart;
      const end = line.contentEnd;
      // An HTML heading sharing its line with other markup is left for the author to rewrite.
      const wholeLine = section.kind !== 'html' || /<\/h[1-6]>\s*$/i.test(model.text.slice(start, end));
      report({
        message: `"${title}" is written as ${HOW[style] ?? 'text'}, not a heading: make it a level-${depth} heading so outlines, links and the preview see it.`,
        range: { start, end },
        data: { section: section.ids[0], style },
        ...(wholeLine ? { fixes: [{ title: `Make "${title}" a heading`, safe: true, edits: [{ start, end, newText: `${'#'.repeat(depth)} ${title}` }] }] } : {}),
      });
    }
  },
});
