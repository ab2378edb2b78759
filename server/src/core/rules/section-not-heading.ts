import type { DocLine } from '../model/doc-lines';
import type { PostmortemModel, Section } from '../model/types';
import { buildSections, findHeaderCandidates } from '../model/sections';
import { matcherFor } from '../templates/matcher';
import { keepsWords } from '../text/words';
import { defineRule, type RuleContext } from './rule';
import { eolOf, sectionHeadingLevel } from './shared/headings';

const HOW: Record<string, string> = {
  bold: 'bold text',
  'unclosed-bold': 'bold text that is never closed',
  plain: 'a plain line',
  'list-item': 'a list item',
  indented: 'a line indented so far that it shows as code',
  'html-heading': 'an HTML heading',
  'broken-heading': 'a heading without the space after "#"',
};

/**
 * An HTML block runs to the next blank line: lines right after "<h1>Summary</h1>" are HTML too,
 * and read as Markdown once the heading is Markdown, so a second run would find new sections
 * there. Scans only to the first character after the line, so many headings in one block stay linear.
 */
function htmlBlockGoesOn(model: PostmortemModel, line: DocLine): boolean {
  if (line.kind !== 'html') return false;
  for (let i = line.end; i < line.containerEnd; i++) {
    const c = model.text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return true;
  }
  return false;
}


/**
 * Which of the planned fixes (line start -> new heading level and title) would make ANOTHER line
 * read differently once applied. Making "**Corrective Actions:**" a heading changes which heading
 * encloses the lines below it: a later "**Summary:**", read as part of the "## Summary" above, then
 * becomes a section of its own, and "Fix all" run twice would change the text twice. Simulated on
 * the section structure (linear); each new section found is blamed on the fix closest above it.
 */
function cascadingFixes(model: PostmortemModel, planned: ReadonlyMap<number, { depth: number; title: string }>): Set<number> {
  const matcher = matcherFor(model.template);
  const candidates = findHeaderCandidates(model.text, model.lines);
  const known = new Set(model.sections.map((s) => s.headerRange.start));
  const blamed = new Set<number>();
  // Each round blames at least one more fix; a few rounds settle any real document, and past
  // them every fix left is blamed rather than looping.
  for (let round = 0; round < 3; round++) {
    const applied = [...planned.keys()].filter((start) => !blamed.has(start)).sort((a, b) => a - b);
    const after = buildSections(model.text.length, candidates.map((c) => {
      const fix = blamed.has(c.line.start) ? undefined : planned.get(c.line.start);
      return fix ? { line: c.line, title: fix.title, kind: 'heading' as const, level: fix.depth } : c;
    }), matcher);
    const fresh = after.filter((s) => !known.has(s.headerRange.start) && s.ids.length > 0).map((s) => s.headerRange.start);
    if (fresh.length === 0) return blamed;
    for (const start of fresh) {
      let lo = 0;
      let hi = applied.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (applied[mid]! < start) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0) blamed.add(applied[lo - 1]!);
    }
    if (round === 2) applied.forEach((start) => blamed.add(start));
  }
  return blamed;
}

/**
 * A heading the HTML block above it took in: a blank line before it makes it a heading again.
 * Applied unasked only when the block ends with that line; lines after it would be read as
 * Markdown too, which the author should see first.
 */
function swallowed(model: PostmortemModel, line: DocLine, title: string, section: string | undefined, report: RuleContext['report']): void {
  report({
    message: `"${title}" is inside the HTML block above it (no blank line after the HTML), so it shows as text, not a heading: put a blank line before it.`,
    range: { start: line.contentStart, end: line.contentEnd },
    data: { section, style: 'swallowed-heading' },
    fixes: [{ title: `Put a blank line before "${title}"`, safe: !htmlBlockGoesOn(model, line), edits: [{ start: line.start, end: line.start, newText: eolOf(model) }] }],
  });
}

/**
 * The heading level for a label. With no section written as a heading, the document's level says
 * nothing: the label goes one below the heading it sits under ("**Root cause.**" under
 * "### Postmortem" becomes "#### Root cause"), so the headings after it keep their nesting.
 */
function labelDepth(model: PostmortemModel, section: Section, documentLevel: number): number {
  if (model.sections.some((s) => s.kind === 'heading' && s.ids.length > 0)) return documentLevel;
  const parent = section.parent === undefined ? undefined : model.sections[section.parent];
  return parent?.kind === 'heading' ? Math.min(6, Math.max(documentLevel, parent.level + 1)) : documentLevel;
}

export default defineRule({
  id: 'section-not-heading',
  description: 'A section title is written as bold text, a plain line, a list item, raw HTML or "#Title" instead of a Markdown heading, or is a heading that the HTML block right above it takes in, so outlines, links and the preview miss it.',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const level = sectionHeadingLevel(model);
    const labelled = model.sections.filter((s) => s.kind !== 'heading' && s.ids.length > 0);
    if (labelled.length === 0) return;
    const lineAt = new Map(model.lines.map((l) => [l.start, l]));
    const found = [];
    for (const section of labelled) {
      const line = lineAt.get(section.headerRange.start);
      if (!line) continue;
      const labelStyle = (line.memo.label as { style?: string } | null | undefined)?.style;
      if (labelStyle === 'swallowed-heading') {
        swallowed(model, line, section.title.replace(/\s*:$/, ''), section.ids[0], report);
        continue;
      }
      const style = section.kind === 'broken-heading' ? 'broken-heading' : section.kind === 'html' ? 'html-heading' : (labelStyle ?? 'plain');
      // A broken or HTML heading keeps its own level; a label takes the document's section level.
      const depth = section.kind === 'label' ? labelDepth(model, section, level) : section.level;
      // "**What we're changing.**": the period closes a run-in label, a heading goes without it.
      const title = section.title.replace(/\s*[:.]$/, '');
      // Only the title's own line is replaced: any quote marker or indentation before it stays.
      // List markers and code indentation go too: "    Timeline" as "## Timeline" would still be code.
      const start = line.kind === 'list-item' || line.kind === 'indented' ? line.start : line.contentStart;
      const end = line.contentEnd;
      // An HTML heading sharing its line with other markup is left for the author to rewrite.
      const wholeLine = section.kind !== 'html' || /<\/h[1-6]>\s*$/i.test(model.text.slice(start, end));
      const newText = `${'#'.repeat(depth)} ${title}`;
      // The title is read without markup: "**C*orrective Actions**" gives "Corrective Actions". A
      // fix that would drop or merge words that way is offered, never applied unasked.
      const lossless = keepsWords(model.text.slice(start, end), newText);
      found.push({ section, line, style, depth, title, start, end, wholeLine, newText, applicable: lossless && !htmlBlockGoesOn(model, line) });
    }
    const planned = new Map(found.filter((f) => f.wholeLine && f.applicable).map((f) => [f.line.start, { depth: f.depth, title: f.title }]));
    const cascading = planned.size > 0 ? cascadingFixes(model, planned) : new Set<number>();
    for (const { section, line, style, depth, title, start, end, wholeLine, newText, applicable } of found) {
      const safe = applicable && !cascading.has(line.start);
      report({
        message: `"${title}" is written as ${HOW[style] ?? 'text'}, not a heading: make it a level-${depth} heading so outlines, links and the preview see it.`,
        range: { start, end },
        data: { section: section.ids[0], style },
        ...(wholeLine ? { fixes: [{ title: `Make "${title}" a heading`, safe, edits: [{ start, end, newText }] }] } : {}),
      });
    }
  },
});
