import type { Section } from '../model/types';
import { defineRule } from './rule';
import { topSections } from './shared/headings';

/** Indexes (into `values`) of a longest non-decreasing subsequence: the sections that are in order. */
function longestOrderedRun(values: number[]): Set<number> {
  const tails: number[] = [];
  const tailIndex: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    tailIndex[lo] = i;
    previous[i] = lo > 0 ? tailIndex[lo - 1]! : -1;
  });
  const keep = new Set<number>();
  let i = tails.length > 0 ? tailIndex[tails.length - 1]! : -1;
  while (i >= 0) {
    keep.add(i);
    i = previous[i]!;
  }
  return keep;
}

export default defineRule({
  id: 'section-order',
  description: 'Sections appear in a different order from the one the chosen template expects (only when the template is named in front matter or the config, not when it is detected).',
  defaultSeverity: 'information',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    // A template the document was only matched to is a guess, and real postmortems order their
    // sections freely; order is the author's contract only for a template they chose.
    if (model.templateReason === 'detected') return;
    const order = model.template.sections.map((s) => s.id);
    const seen = new Set<string>();
    const placed: { section: Section; rank: number }[] = [];
    for (const section of topSections(model)) {
      const ranks = section.ids.map((id) => order.indexOf(id)).filter((r) => r >= 0);
      if (ranks.length === 0 || section.ids.every((id) => seen.has(id))) continue;
      section.ids.forEach((id) => seen.add(id));
      placed.push({ section, rank: Math.min(...ranks) });
    }
    const inOrder = longestOrderedRun(placed.map((p) => p.rank));
    placed.forEach((p, i) => {
      if (inOrder.has(i)) return;
      const expectedAfter = placed.filter((q, j) => inOrder.has(j) && q.rank < p.rank).pop();
      const title = model.template.sections[p.rank]!.title;
      report({
        message: expectedAfter
          ? `"${p.section.title}" is out of the ${model.template.name} template's order: it belongs after "${expectedAfter.section.title}".`
          : `"${p.section.title}" is out of the ${model.template.name} template's order: it belongs before the sections above it.`,
        range: { start: p.section.headerRange.start, end: model.index.lineContentEnd(model.index.position(p.section.headerRange.start).line) },
        data: { section: order[p.rank], expectedAfter: expectedAfter ? expectedAfter.section.ids[0] : null, title },
      });
    });
  },
});
