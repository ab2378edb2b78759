// "Remediation" is two things in postmortems: what fixed the incident (the Resolution) and, in
// regulator-style reports, the actions taken afterwards, tabled with owners and due dates. When
// a document has no other action-item section and its Remediation section holds such a table or
// a task list, that section is its action items too, so their owners, dates and states are read.
import { firstLineAtOrAfter, type DocLine } from '../model/doc-lines';
import type { Section } from '../model/types';
import type { Template } from '../templates/types';
import { normalizeTitle } from '../text/plain';
import { cellOf } from './cells';
import { classifyColumn } from './parts';

const ACTION_IDS = ['action-items', 'corrective-actions'];
const REMEDIATION_TITLES = new Set(['remediation', 'remediations']);

/** The sections with a Remediation section that holds action items counted as action items too. */
export function withRemediationActions(text: string, lines: readonly DocLine[], sections: Section[], template: Template): Section[] {
  const actionId = template.sections.find((s) => ACTION_IDS.includes(s.id))?.id;
  if (!actionId || sections.some((s) => s.ids.some((id) => ACTION_IDS.includes(id)))) return sections;
  let out = sections;
  sections.forEach((section, i) => {
    if (!REMEDIATION_TITLES.has(normalizeTitle(section.title)) || !holdsActions(text, lines, section)) return;
    if (out === sections) out = [...sections];
    out[i] = { ...section, ids: [...section.ids, actionId] };
  });
  return out;
}

/** A table with an owner or due-date column, or a task list, in the section's body. */
function holdsActions(text: string, lines: readonly DocLine[], section: Section): boolean {
  for (let i = firstLineAtOrAfter(lines, section.bodyRange.start); i < lines.length && lines[i]!.start < section.bodyRange.end; i++) {
    const line = lines[i]!;
    if (line.item && line.item.checked !== null) return true;
    if (line.kind === 'table-row' && line.header && line.cells) {
      const columns = line.cells.map((c) => classifyColumn(cellOf(text, c).text));
      if (columns.includes('owner') || columns.includes('due')) return true;
    }
  }
  return false;
}
