import type { ActionItem } from '../model/types';
import { defineRule } from './rule';
import { findPlaceholders, isFiller } from './shared/placeholders';
import { proseLineAt, proseLines, type ProseLine } from './shared/prose';
import { tablesIn, type Table } from './shared/tables';
import { classifyColumn } from '../action-items/parts';

type Part = 'owner' | 'due' | 'ticket';
type Source = ActionItem['source'];

interface Options {
  require: Part[];
  sources: Source[];
}

const NAMES: Record<Part, string> = { owner: 'an owner', due: 'a due date', ticket: 'a ticket or link' };
const COLUMNS: Record<Part, string> = { owner: 'Owner', due: 'Due', ticket: 'Ticket' };
const HINTS: Record<Part, string> = { owner: 'owner: @name', due: 'due: YYYY-MM-DD', ticket: 'a link or ABC-123' };

function has(item: ActionItem, part: Part): boolean {
  return part === 'owner' ? item.owner !== undefined : part === 'due' ? item.due !== undefined || item.dueText !== undefined : item.ticket !== undefined;
}

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** An item still holding a template blank is reported by `placeholder`; once is enough. */
function holdsPlaceholder(lines: readonly ProseLine[], item: ActionItem): boolean {
  if (isFiller(item.text)) return true;
  const line = proseLineAt(lines, item.range.start);
  return line !== undefined && findPlaceholders(line.text).length > 0;
}

/** Required parts a table has no column for and none of its rows states otherwise. */
function absentColumns(table: Table, items: readonly ActionItem[], required: Part[]): Part[] {
  if (!table.header) return [];
  const columns = table.header.cells.map((c) => classifyColumn(c.text));
  return required.filter((p) => !columns.includes(p) && !items.some((o) => has(o, p)));
}

export default defineRule<Options>({
  id: 'action-item-incomplete',
  description: 'An action item (a task list item or a table row under the corrective actions) lacks what the team requires of it: by default an owner and a due date; a ticket can be required too. Done items and plain prose lists are not checked.',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      require: { type: 'array', items: { enum: ['owner', 'due', 'ticket'] }, uniqueItems: true, description: 'What every action item must have.' },
      sources: { type: 'array', items: { enum: ['task', 'table', 'list'] }, uniqueItems: true, description: 'Which items are checked: task list items (- [ ]), table rows, plain list items.' },
    },
  },
  defaultOptions: { require: ['owner', 'due'], sources: ['task', 'table'] },
  check({ model, options, report }) {
    // Lookups built once (or searched), so a document with thousands of items stays linear.
    const prose = proseLines(model);
    const tableOfRow = new Map<number, Table>();
    for (const t of tablesIn(model)) for (const r of t.rows) tableOfRow.set(r.line.start, t);
    const itemsOf = new Map<Table, ActionItem[]>();
    for (const item of model.actionItems) {
      const t = tableOfRow.get(item.range.start);
      if (!t) continue;
      const list = itemsOf.get(t) ?? [];
      list.push(item);
      itemsOf.set(t, list);
    }
    const reportedTables = new Set<Table>();
    for (const item of model.actionItems) {
      if (!options.sources.includes(item.source) || item.checked === true || holdsPlaceholder(prose, item)) continue;
      let missing = options.require.filter((p) => !has(item, p));
      if (item.source === 'table') {
        // A table without a Due column is one problem, not one per row.
        const table = tableOfRow.get(item.range.start);
        const absent = table ? absentColumns(table, itemsOf.get(table) ?? [], missing) : [];
        if (table?.header && absent.length > 0 && !reportedTables.has(table)) {
          reportedTables.add(table);
          report({
            message: `This action-item table has no ${list(absent.map((p) => COLUMNS[p]))} column: add ${absent.length === 1 ? 'it' : 'them'} so every item gets ${list(absent.map((p) => NAMES[p]))}.`,
            range: { start: table.header!.line.start, end: table.header!.line.end },
            data: { missing: absent, table: true },
          });
        }
        missing = missing.filter((p) => !absent.includes(p));
      }
      if (missing.length === 0) continue;
      const how = item.source === 'table' ? `fill in the ${list(missing.map((p) => COLUMNS[p]))} column${missing.length > 1 ? 's' : ''}` : `add ${missing.map((p) => `"${HINTS[p]}"`).join(' and ')}`;
      report({
        message: `This action item has no ${list(missing.map((p) => NAMES[p].replace(/^an? /, '')))}: ${how}.`,
        range: item.range,
        data: { missing },
      });
    }
  },
});
