// Action items as a table: what, who, by when, whether done, and the ticket. The item text is the
// engine's plain first line (markup removed); a ticket is a link only when it is an http(s) URL.
// Columns no item fills are left out, with a note saying what is missing (that is a finding too).
import type { Element } from 'hast';
import type { ActionItem, PostmortemModel, time } from '../core';
import { stripMarkup } from '../core/text/plain';
import { lineOf } from './format';
import { h } from './h';

type CalendarDate = time.CalendarDate;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dateText(d: CalendarDate): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  return d.year !== undefined ? `${d.year}-${mm}-${dd}` : `${MONTHS[d.month - 1] ?? mm} ${d.day}`;
}

function overdue(item: ActionItem, now: Date | undefined): boolean {
  if (!now || item.checked === true || !item.due || item.due.year === undefined) return false;
  return Date.UTC(item.due.year, item.due.month - 1, item.due.day + 1) <= now.getTime();
}

function status(item: ActionItem, now: Date | undefined): Element {
  if (item.checked === true) return h('span', { className: ['pm-status', 'pm-done'] }, 'Done');
  if (overdue(item, now)) return h('span', { className: ['pm-status', 'pm-overdue'] }, 'Overdue');
  if (item.checked === false) return h('span', { className: ['pm-status', 'pm-open'] }, 'Open');
  return h('span', { className: ['pm-status', 'pm-unknown'], title: 'Not a task list item and no status column' }, '—');
}

function ticket(value: string | undefined): Element | string {
  if (!value) return '';
  return /^https?:\/\/\S+$/i.test(value) ? h('a', { href: value, className: ['pm-ticket'] }, value.replace(/^https?:\/\//i, '')) : value;
}

interface Column {
  title: string;
  /** How the note names it when no item has it. */
  noun: string;
  has(item: ActionItem): boolean;
  cell(item: ActionItem, now: Date | undefined): Element;
}

const COLUMNS: readonly Column[] = [
  { title: 'Owner', noun: 'an owner', has: (i) => i.owner !== undefined, cell: (i) => h('td', { className: ['pm-owner'] }, i.owner ?? '') },
  { title: 'Due', noun: 'a due date', has: (i) => i.due !== undefined || i.dueText !== undefined, cell: (i) => h('td', { className: ['pm-due'] }, i.due ? dateText(i.due) : (i.dueText ?? '')) },
  { title: 'Status', noun: 'a status', has: (i) => i.checked !== null, cell: (i, now) => h('td', { className: ['pm-state'] }, status(i, now)) },
  { title: 'Ticket', noun: 'a ticket', has: (i) => i.ticket !== undefined, cell: (i) => h('td', { className: ['pm-ticket-cell'] }, ticket(i.ticket)) },
];

export function actionItemsTable(model: PostmortemModel, now: Date | undefined): Element | undefined {
  const items = model.actionItems;
  if (items.length === 0) return undefined;
  const columns = COLUMNS.filter((c) => items.some((i) => c.has(i)));
  const missing = COLUMNS.filter((c) => !columns.includes(c)).map((c) => c.noun);
  return h(
    'section',
    { className: ['pm-section', 'pm-actions'], ariaLabel: 'Action items' },
    h('h2', { className: ['pm-section-title'] }, `Action items (${items.length})`),
    h(
      'div',
      { className: ['pm-table-wrap'] },
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Item'), columns.map((c) => h('th', { scope: 'col' }, c.title)))),
        h(
          'tbody',
          {},
          items.map((item) =>
            h(
              'tr',
              { dataLine: lineOf(model, item.range.start) },
              h('td', { className: ['pm-item'] }, stripMarkup(item.text).replace(/^\[[ xX]\]\s*/, '').replace(/\s+/g, ' ').trim()),
              columns.map((c) => c.cell(item, now)),
            ),
          ),
        ),
      ),
    ),
    missing.length > 0 ? h('p', { className: ['pm-note'] }, `No item states ${listText(missing)}.`) : null,
  );
}

function listText(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
