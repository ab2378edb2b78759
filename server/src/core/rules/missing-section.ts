import type { PostmortemModel } from '../model/types';
import type { TemplateSection } from '../templates/types';
import { sectionsStatedAsFields } from '../model/fields';
import { introOf } from '../model/sections';
import { defineRule } from './rule';
import { documentAnchor, eolOf, sectionHeadingLevel, topSections } from './shared/headings';

/** Where the template expects a missing section: before the next present one in template order. */
function insertionPoint(model: PostmortemModel, missing: TemplateSection): number {
  const order = model.template.sections.map((s) => s.id);
  const at = order.indexOf(missing.id);
  const present = topSections(model);
  for (const id of order.slice(at + 1)) {
    const next = present.find((s) => s.ids.includes(id));
    if (next) return next.range.start;
  }
  for (const id of order.slice(0, at).reverse()) {
    const previous = present.filter((s) => s.ids.includes(id)).pop();
    if (previous) return previous.range.end;
  }
  return model.text.length;
}

/** The section's heading and skeleton, with blank lines around it to stand alone. */
export function sectionSkeleton(model: PostmortemModel, section: TemplateSection, at: number): string {
  const eol = eolOf(model);
  const level = sectionHeadingLevel(model);
  const body = (section.skeleton ?? '').replace(/\r?\n/g, eol).trimEnd();
  const before = model.text.slice(Math.max(0, at - 2), at);
  const lead = at === 0 ? '' : before.endsWith('\n\n') || before.endsWith('\r\n\r\n') || before === '\n' ? '' : before.endsWith('\n') ? eol : eol + eol;
  const block = `${'#'.repeat(level)} ${section.title}${eol}${body ? eol + body + eol : ''}`;
  const after = at >= model.text.length ? '' : eol;
  return lead + block + after;
}

/**
 * Why the document is held to that template. Told when it was only detected from the sections:
 * the author never chose it, and naming one in the front matter ("template: generic") is the way out.
 */
const WHY_THIS_TEMPLATE: Record<PostmortemModel['templateReason'], string> = {
  'front-matter': '',
  config: '',
  detected: ', which the document fits best; choose another with "template:" in the front matter',
};

export default defineRule({
  id: 'missing-section',
  description: 'A section the template requires is missing (combined sections such as "Root Cause and Resolution" count for both).',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { ignore: { type: 'array', items: { type: 'string' }, description: 'Section ids not to require.' } },
  },
  defaultOptions: { ignore: [] as string[] },
  check({ model, options, report }) {
    const present = new Set(model.sections.flatMap((s) => s.ids));
    // One-line fields at the top, before any known section, state sections (the Google SRE book's
    // "**Root Causes:** ..."); under a summary they are its fields and state nothing more.
    const firstKnown = model.sections.find((x) => x.ids.length > 0)?.range.start ?? Infinity;
    for (const id of sectionsStatedAsFields(model.template, model.fields.filter((f) => f.range.start < firstKnown))) present.add(id);
    // A report that opens with its summary under the title, blog style, has one.
    const intro = introOf(model.sections);
    if (intro && /\p{L}[^\n]{79}/u.test(model.text.slice(intro.bodyRange.start, Math.min(intro.bodyRange.end, intro.bodyRange.start + 5000)))) present.add('summary');
    for (const section of model.template.sections) {
      if (!section.required || present.has(section.id) || options.ignore.includes(section.id)) continue;
      const at = insertionPoint(model, section);
      report({
        message: `Missing section "${section.title}" (required by the ${model.template.name} template${WHY_THIS_TEMPLATE[model.templateReason]}).`,
        range: documentAnchor(model),
        data: { section: section.id, template: model.template.id },
        fixes: [{ title: `Insert missing section "${section.title}"`, safe: false, edits: [{ start: at, end: at, newText: sectionSkeleton(model, section, at) }] }],
      });
    }
  },
});
