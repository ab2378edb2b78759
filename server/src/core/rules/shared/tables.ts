// Tables as rows of cells (see action-items/cells.ts), for rules that read whole tables.
import type { PostmortemModel } from '../../model/types';
import type { DocLine } from '../../model/doc-lines';
import { cellOf, type Cell } from '../../action-items/cells';

export interface TableRow {
  line: DocLine;
  cells: Cell[];
}

export interface Table {
  header?: TableRow;
  rows: TableRow[];
}

export function rowOf(text: string, line: DocLine): TableRow {
  return { line, cells: (line.cells ?? []).map((c) => cellOf(text, c)) };
}

/** Consecutive table rows of one table (the header row starts a new one). */
const found = new WeakMap<PostmortemModel, Table[]>();

/**
 * Found once per model, for the rules that read tables. Callers must not change them. Keyed by the
 * model, not its lines array: that array is the previous version's, overwritten (parse/recycle.ts).
 */
export function tablesIn(model: PostmortemModel): Table[] {
  let tables = found.get(model);
  if (!tables) found.set(model, (tables = readTables(model.text, model.lines)));
  return tables;
}

function readTables(text: string, lines: readonly DocLine[]): Table[] {
  const tables: Table[] = [];
  let current: Table | undefined;
  let previous: DocLine | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.kind !== 'table-row' || !line.cells) {
      current = undefined;
      previous = undefined;
      continue;
    }
    if (!current || line.header || previous?.containerEnd !== line.containerEnd) {
      current = { rows: [] };
      tables.push(current);
    }
    const row = rowOf(text, line);
    if (line.header) current.header = row;
    else current.rows.push(row);
    previous = line;
  }
  return tables;
}

export type { Cell };

export const isEmptyRow = (row: TableRow) => row.cells.every((c) => c.text === '');
