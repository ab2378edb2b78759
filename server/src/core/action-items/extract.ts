// Action items: list items and table rows under the corrective-actions / action-items sections.
// A sub-bullet under an item adds to it ("- Owner: @alice" below "- [ ] Add alerting"); a short
// bullet that only groups others ("- Process improvements:") is a heading, not an item.
import { firstLineAtOrAfter, type DocLine } from '../model/doc-lines';
import type { ActionItem, Section } from '../model/types';
import { inDateOrder } from '../time/calendar';
import type { CalendarDate } from '../time/types';
import type { TextRange } from '../types';
import { maskLine } from '../rules/shared/prose';
import { stripMarkup } from '../text/plain';
import { cellOf } from './cells';
import { classifyColumn, dueOf, isBlankValue, partsFromText, statusOf, type Column, type ItemParts } from './parts';

const ACTION_SECTION_IDS = new Set(['corrective-actions', 'action-items']);
/** Enough of an item's first paragraph to find its owner, date and ticket. */
const MAX_ITEM_TEXT = 1000;

export function readActionItems(text: string, lines: readonly DocLine[], sections: readonly Section[], dayFirst = false): ActionItem[] {
  const items: ActionItem[] = [];
  const seen = new Set<number>();
  sections.forEach((section, index) => {
    if (!section.ids.some((id) => ACTION_SECTION_IDS.has(id))) return;
    // Only the section's own lines, found by binary search: filtering every line of the document
    // for each section was quadratic with thousands of "Action Items" headings.
    const within: DocLine[] = [];
    for (let i = firstLineAtOrAfter(lines, section.bodyRange.start); i < lines.length && lines[i]!.start < section.bodyRange.end; i++) {
      if (!seen.has(lines[i]!.start)) within.push(lines[i]!);
    }
    for (const l of within) seen.add(l.start);
    // One by one, not push(...list): spreading ~150k items as arguments overflows the stack.
    for (const item of listItems(text, within, index)) items.push(item);
    for (const item of tableItems(text, within, index)) items.push(item);
  });
  // "due 01/04/2026" in a document that writes day-first is April 1 (model/date-order.ts).
  if (dayFirst) for (const item of items) if (item.due) item.due = inDateOrder(item.due, true);
  return items.sort((a, b) => a.range.start - b.range.start);
}

interface Open {
  line: DocLine;
  /** The item this line's details go to (its own, or the item it is nested in). */
  target?: ActionItem;
  group: boolean;
}

function listItems(text: string, lines: readonly DocLine[], section: number): ActionItem[] {
  const items: ActionItem[] = [];
  const stack: Open[] = [];
  const listLines = lines.filter((l) => l.kind === 'list-item' && l.item);
  listLines.forEach((line, i) => {
    while (stack.length > 0 && stack[stack.length - 1]!.line.item!.end <= line.start) stack.pop();
    const parent = stack[stack.length - 1];
    const isTask = line.item!.checked !== null;
    const end = Math.min(line.paragraphEnd ?? line.end, line.contentStart + MAX_ITEM_TEXT);
    const raw = text.slice(line.contentStart, Math.max(end, line.contentStart));
    const parts = partsFromText(maskLine(raw, { inComment: false }), maskLine(raw, { inComment: false }, true), line.contentStart);
    if (parent?.target && !parent.group && !isTask) {
      merge(parent.target, parts);
      stack.push({ line, target: parent.target, group: false });
      return;
    }
    const next = listLines[i + 1];
    const hasChildren = next !== undefined && next.start < line.item!.end;
    // Some editors leave zero-width no-break spaces (BOMs) inside lines; they are not text.
    const title = stripMarkup(text.slice(line.contentStart, line.contentEnd)).replace(/\uFEFF/g, '');
    if (!isTask && hasChildren && isGroupTitle(title) && !isDetail(text, next)) {
      stack.push({ line, group: true });
      return;
    }
    const item: ActionItem = { range: { start: line.start, end: line.end }, text: title, checked: isTask ? line.item!.checked : parts.done ?? null, source: isTask ? 'task' : 'list', section };
    merge(item, parts);
    items.push(item);
    stack.push({ line, target: item, group: false });
  });
  return items;
}

/** "Process improvements:", "Short term" — a few words naming a group, no sentence. */
function isGroupTitle(title: string): boolean {
  const t = title.trim();
  if (t.endsWith(':')) return true;
  return t.split(/\s+/).length <= 4 && !/[.!?]$/.test(t);
}

/** "Owner: @alice", "Due: June 3", "@bob": a line that completes the item above it. */
function isDetail(text: string, line: DocLine): boolean {
  const s = stripMarkup(text.slice(line.contentStart, line.contentEnd));
  return /^(?:@|(?:owners?|assignee|due(?: date)?|deadline|eta|ticket|issue|link|status|priority|jira|bug|pr|tracking)\b)/i.test(s);
}

function merge(item: ActionItem, parts: ItemParts): void {
  if (parts.owner && item.owner === undefined) item.owner = parts.owner.value;
  if (parts.due && item.due === undefined && item.dueText === undefined) {
    setDue(item, parts.due.value, parts.due.range);
  }
  if (parts.ticket && item.ticket === undefined) item.ticket = parts.ticket.value;
  if (parts.done && item.checked !== false) item.checked = true;
  // A plain item that writes "In progress" after its details is open.
  if (parts.done === false && item.checked === null) item.checked = false;
}

function setDue(item: ActionItem, due: CalendarDate | string, range: TextRange): void {
  if (typeof due === 'string') item.dueText = due;
  else item.due = due;
  item.dueRange = range;
}

function tableItems(text: string, lines: readonly DocLine[], section: number): ActionItem[] {
  const items: ActionItem[] = [];
  let columns: Column[] | undefined;
  for (const line of lines) {
    if (line.kind !== 'table-row' || !line.cells) {
      columns = undefined;
      continue;
    }
    const cells = line.cells.map((c) => cellOf(text, c));
    if (line.header) {
      columns = cells.map((c) => classifyColumn(c.text));
      // A table with no action, owner, date or ticket column is something else (a cost table).
      if (!columns.some((c) => c !== 'other' && c !== 'status')) columns = undefined;
      continue;
    }
    if (!columns || cells.every((c) => c.text === '')) continue;
    const actionAt = Math.max(0, columns.indexOf('action'));
    const item: ActionItem = { range: { start: line.start, end: line.end }, text: stripMarkup(cells[actionAt]?.text ?? ''), checked: null, source: 'table', section };
    cells.forEach((cell, i) => {
      const column = columns![i];
      if (isBlankValue(cell.text)) return;
      if (column === 'owner') item.owner = stripMarkup(cell.text);
      else if (column === 'ticket') item.ticket = cell.text;
      else if (column === 'status') item.checked = statusOf(cell.text) ?? item.checked;
      else if (column === 'due') {
        const due = dueOf(cell.text);
        if (due) setDue(item, due.value, { start: cell.range.start + due.start, end: cell.range.start + due.end });
        // "DONE" where the date would go: the item is done, and a done item owes no date.
        else item.checked = statusOf(cell.text) ?? item.checked;
      }
    });
    // The action's own text may still name an owner or a date ("Add alerts (owner: @bob)").
    const raw = cells[actionAt]?.text ?? '';
    const offset = cells[actionAt]?.range.start ?? line.start;
    merge(item, partsFromText(maskLine(raw, { inComment: false }), maskLine(raw, { inComment: false }, true), offset));
    items.push(item);
  }
  return items;
}
