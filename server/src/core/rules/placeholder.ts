import type { PostmortemModel } from '../model/types';
import { intern } from '../text/intern';
import { defineRule, type Report } from './rule';
import { findPlaceholders, isFiller, type Placeholder } from './shared/placeholders';
import { proseLines, type ProseLine } from './shared/prose';
import { isEmptyRow, tablesIn, type Table, type TableRow } from './shared/tables';

const MAX_PER_DOCUMENT = 200;

function message(p: Placeholder): string {
  const q = `"${p.text.length > 60 ? p.text.slice(0, 57) + '...' : p.text}"`;
  switch (p.kind) {
    case 'template':
      return `Template placeholder ${q} was left in: fill it in.`;
    case 'marker':
      return `${q} was left in the text: finish it or remove it.`;
    case 'format':
      return /[:]/.test(p.text) && !/[yd]/i.test(p.text) ? `${q} is a format, not a time: write the time.` : `${q} is a format, not a date: write the date.`;
    case 'filler':
      return `Filler text ${q} was left from a template.`;
    default:
      return `Placeholder ${q} was left in: fill it in.`;
  }
}

/** Lower-cased labels of `[label]: url` definitions, so `[label]` reads as a link. */
function definitions(text: string): Set<string> {
  const labels = new Set<string>();
  // Found from each "]:" (rare in prose) back to its line's start, rather than by a regex over the
  // whole text that tried every line start on every keystroke.
  for (let at = text.indexOf(']:'); at !== -1; at = text.indexOf(']:', at + 2)) {
    let lineStart = at;
    while (lineStart > 0 && at - lineStart < 210 && !LINE_BREAK.test(text[lineStart - 1]!)) lineStart--;
    if (lineStart > 0 && !LINE_BREAK.test(text[lineStart - 1]!)) continue;
    const m = DEFINITION.exec(text.slice(lineStart, at + 2));
    if (m) labels.add(m[1]!.trim().toLowerCase());
  }
  return labels;
}

/** Markdown's line endings. */
const LINE_BREAK = /[\n\r]/;
const DEFINITION = /^ {0,3}\[([^\]\r\n]{1,200})\]:$/;

/**
 * A form rather than a data table: label/value pairs, told by a header with blank value columns
 * ("| Incident Summary | | | |") or a "Field | Value" header. A data table's empty cells can be
 * deliberate ("no notes"), a form's cannot.
 */
function isForm(table: Table): boolean {
  const header = table.header?.cells ?? [];
  if (header.length === 0 || header.length % 2 !== 0 || header.length > 6) return false;
  const names = header.map((c) => c.text.toLowerCase().replace(/[*_]/g, ''));
  if (names.length === 2 && /^(field|key|item|property|attribute|name)$/.test(names[0]!) && /^(value|details?|answer)$/.test(names[1]!)) return true;
  return header.some((c, i) => i % 2 === 1 && c.text === '') && header.some((c, i) => i % 2 === 0 && c.text !== '');
}

function checkTable(table: Table, report: (r: Report) => void): void {
  let run: TableRow[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const n = run.length;
    report({
      message: `${n === 1 ? 'An empty table row was' : `${n} empty table rows were`} left from the template: fill ${n === 1 ? 'it' : 'them'} in or remove ${n === 1 ? 'it' : 'them'}.`,
      range: { start: run[0]!.line.start, end: run[n - 1]!.line.end },
      data: { kind: 'empty-row', rows: n },
    });
    run = [];
  };
  for (const row of table.rows) {
    if (isEmptyRow(row)) {
      run.push(row);
      continue;
    }
    flush();
    const filled = row.cells.filter((c) => c.text !== '');
    if (filled.length > 1 && filled.every((c) => isFiller(c.text))) {
      report({ message: `A table row of "${filled[0]!.text}" was left from the template: fill it in or remove it.`, range: { start: filled[0]!.range.start, end: filled[filled.length - 1]!.range.end }, data: { kind: 'filler' } });
      continue;
    }
    for (const c of filled) if (isFiller(c.text)) report({ message: `"${c.text}" stands in for content: fill it in.`, range: c.range, data: { kind: 'filler' } });
  }
  flush();
  if (isForm(table)) checkForm(table, report);
}

/** Labels without values: one finding per blank value, or one for a form left entirely blank. */
function checkForm(table: Table, report: (r: Report) => void): void {
  const header = table.header!;
  const rows = [...(header.cells.filter((c, i) => i % 2 === 0 && c.text !== '').length >= 2 ? [header] : []), ...table.rows.filter((r) => !isEmptyRow(r))];
  const pairs: { label: string; value: TableRow['cells'][number] }[] = [];
  for (const row of rows) {
    for (let i = 0; i + 1 < row.cells.length; i += 2) {
      if (row.cells[i]!.text !== '') pairs.push({ label: row.cells[i]!.text.replace(/[*_]/g, ''), value: row.cells[i + 1]! });
    }
  }
  const blanks = pairs.filter((p) => p.value.text === '');
  if (blanks.length === 0) return;
  if (blanks.length === pairs.length && pairs.length > 2) {
    const names = blanks.slice(0, 4).map((b) => `"${b.label}"`).join(', ');
    report({
      message: `This form was left blank: none of its ${pairs.length} fields (${names}${pairs.length > 4 ? ', ...' : ''}) has a value.`,
      range: { start: header.line.start, end: (table.rows[table.rows.length - 1] ?? header).line.end },
      data: { kind: 'blank-form', fields: pairs.length },
    });
    return;
  }
  for (const b of blanks) report({ message: `"${b.label}" has no value: fill it in.`, range: b.value.range, data: { kind: 'empty-cell', label: b.label } });
}

const NONE: Placeholder[] = [];

interface PlaceholderMemo {
  defsKey: string;
  found: Placeholder[];
  /** The whole line is filler ("etc.", "..."). */
  filler: boolean;
}

/** The memos of lines with no placeholder for the latest definitions, filler or not. */
let noPlaceholders = { defsKey: '', plain: emptyMemo('', false), filler: emptyMemo('', true) };

function emptyMemo(defsKey: string, filler: boolean): PlaceholderMemo {
  return { defsKey, found: NONE, filler };
}

/**
 * findPlaceholders for one line, remembered on its prose line (which lives as long as the line,
 * and clears the memo when its text changes): a keystroke then re-scans only the lines it
 * changed. Offsets are relative to the line's text. Most lines have none and share one memo (an
 * object per line was ~3 MB at 5 MB, issue 7).
 */
function placeholdersOf(p: ProseLine, defs: ReadonlySet<string>, defsKey: string): PlaceholderMemo {
  const text = p.text;
  const cached = p.placeholders as PlaceholderMemo | undefined;
  if (cached && cached.defsKey === defsKey) return cached;
  const all = findPlaceholders(text, { definitions: defs });
  const filler = isFiller(text);
  let made: PlaceholderMemo;
  if (all.length > 0) made = { defsKey, found: all, filler };
  else {
    if (noPlaceholders.defsKey !== defsKey) noPlaceholders = { defsKey, plain: emptyMemo(defsKey, false), filler: emptyMemo(defsKey, true) };
    made = filler ? noPlaceholders.filler : noPlaceholders.plain;
  }
  p.placeholders = made;
  return made;
}

/**
 * Starts of the rows of tables that use TODO and DONE as statuses (the Google SRE action item
 * table: "b/88232 **TODO**" beside "b/88231 **DONE**"): there a TODO is a state, not a leftover.
 */
function statusTableRows(model: PostmortemModel): Set<number> {
  const rows = new Set<number>();
  for (const table of tablesIn(model)) {
    const all = table.header ? [table.header, ...table.rows] : table.rows;
    // A Status column, or DONE beside the TODOs, makes TODO a state.
    const statusColumn = table.header?.cells.some((c) => /^\W*(?:status|state)\W*$/i.test(c.text)) ?? false;
    if (!statusColumn && !all.some((row) => row.cells.some((c) => /\bDONE\b/.test(c.text)))) continue;
    for (const row of all) rows.add(row.line.start);
  }
  return rows;
}

function check(model: PostmortemModel, report: (r: Report) => void): void {
  const defs = definitions(model.text);
  const defsKey = intern([...defs].join('\n'));
  const lines = proseLines(model);
  let statusRows: Set<number> | undefined;
  for (let n = 0; n < lines.length; n++) {
    const p = lines[n]!;
    const line = placeholdersOf(p, defs, defsKey);
    for (let i = 0; i < line.found.length; i++) {
      const found = line.found[i]!;
      if (found.text === 'TODO' && p.line.kind === 'table-row' && (statusRows ??= statusTableRows(model)).has(p.line.start)) continue;
      report({ message: message(found), range: { start: p.offset + found.start, end: p.offset + found.end }, data: { kind: found.kind, text: found.text } });
    }
    if (line.filler && p.line.kind === 'list-item') {
      const start = p.offset + p.text.search(/\S/);
      report({ message: `"${p.text.trim()}" stands in for content: fill it in or remove it.`, range: { start, end: start + p.text.trim().length }, data: { kind: 'filler' } });
    }
  }
  for (const table of tablesIn(model)) checkTable(table, report);
}

export default defineRule({
  id: 'placeholder',
  description: 'Leftovers from templates and snippets: {{...}}, TODO, TBD, FIXME, XXX, YYYY-MM-DD, HH:MM, [date], <owner>, [???], Lorem ipsum, DATE RANGE, "etc" rows, empty table rows and blank form cells. Never inside code.',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    // A template file can hold hundreds; past a point more findings add nothing.
    let count = 0;
    check(model, (r) => {
      if (count++ < MAX_PER_DOCUMENT) report(r);
    });
  },
});
