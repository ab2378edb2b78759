// Action items: list items and table rows under the corrective-actions / action-items sections.
import { findTimeMentions } from '../time';
import type { DocLine } from './doc-lines';
import type { ActionItem, Section } from './types';

const ACTION_SECTION_IDS = new Set(['corrective-actions', 'action-items']);

export function readActionItems(text: string, lines: readonly DocLine[], sections: readonly Section[]): ActionItem[] {
  const items: ActionItem[] = [];
  sections.forEach((section, index) => {
    if (!section.ids.some((id) => ACTION_SECTION_IDS.has(id))) return;
    let tableHeader: string[] | undefined;
    for (const line of lines) {
      if (line.start < section.bodyRange.start) continue;
      if (line.start >= section.bodyRange.end) break;
      if (line.kind === 'list-item') {
        const body = text.slice(line.contentStart, line.item!.range.end);
        items.push(describe(body, { start: line.start, end: line.end }, line.item!.checked, index, line.contentStart));
      } else if (line.kind === 'table-row' && line.cells) {
        const cells = line.cells.map((c) => text.slice(c.start, c.end).trim());
        if (line.header) {
          tableHeader = cells.map((c) => c.toLowerCase());
          continue;
        }
        const item = describe(cells.join(' | '), { start: line.start, end: line.end }, null, index, line.cells[0]?.start ?? line.start);
        if (tableHeader) applyColumns(item, tableHeader, cells);
        items.push(item);
      }
    }
  });
  return items;
}

function describe(body: string, range: { start: number; end: number }, checked: boolean | null, section: number, bodyOffset: number): ActionItem {
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const item: ActionItem = { range, text: firstLine.trim(), checked, section };
  const owner = /(?:owner|assignee|assigned to|who)\s*[:=]\s*([^,;)|\n]{1,60})/i.exec(firstLine) ?? /(?:^|\s)@([\w.-]{1,40})/.exec(firstLine);
  if (owner) item.owner = owner[1]!.trim();
  const dueMatch = /(?:due|by|deadline|eta)\s*[:=]?\s*/i.exec(firstLine);
  if (dueMatch) {
    const after = firstLine.slice(dueMatch.index + dueMatch[0].length, dueMatch.index + dueMatch[0].length + 40);
    const d = findTimeMentions(after).find((m) => m.date);
    if (d?.date) {
      item.due = d.date;
      const start = bodyOffset + dueMatch.index + dueMatch[0].length + d.start;
      item.dueRange = { start, end: start + (d.end - d.start) };
    }
  }
  const ticket = /(https?:\/\/[^\s)>\]]{1,300})|\b([A-Z][A-Z0-9]{1,9}-\d{1,7})\b|(?:^|\s)#(\d{1,7})\b/.exec(firstLine);
  if (ticket) item.ticket = ticket[1] ?? ticket[2] ?? `#${ticket[3]}`;
  return item;
}

function applyColumns(item: ActionItem, header: string[], cells: string[]): void {
  header.forEach((h, i) => {
    const value = cells[i]?.trim();
    if (!value) return;
    if (/owner|assignee|who/.test(h)) item.owner = value;
    else if (/bug|ticket|issue|link|tracking/.test(h)) item.ticket = value;
    else if (/status|state|done/.test(h)) item.checked = /done|closed|complete|fixed|resolved|yes|✅/i.test(value);
    else if (/due|deadline|date|eta/.test(h)) {
      const d = findTimeMentions(value).find((m) => m.date);
      if (d?.date) item.due = d.date;
    }
  });
}
