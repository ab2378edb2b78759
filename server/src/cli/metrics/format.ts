// `postmortem metrics` output: an aligned table, JSON (schemas/metrics-output.schema.json) or CSV.
import { formatShortMinutes } from '../../core/time/format';
import { FIGURE_KEYS, type IncidentFigures } from './figures';
import type { Grouping, PeriodFigures } from './periods';

/** "2h 30m", "45m", "1d 2h"; "-" when unknown. */
export function shortDuration(minutes: number | null): string {
  return minutes === null ? '-' : formatShortMinutes(minutes);
}

function align(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n') + '\n';
}

const FIGURE_TITLES = ['Duration', 'TTD', 'TTA', 'TTM', 'TTR'];

export function formatTable(incidents: readonly IncidentFigures[], periods: readonly PeriodFigures[], by: Grouping): string {
  if (incidents.length === 0) return 'No postmortems found.\n';
  const rows = [['File', 'Date', 'Severity', ...FIGURE_TITLES, 'Open/all items']];
  for (const i of incidents) rows.push([i.path, i.date ?? '-', i.severity ?? '-', ...FIGURE_KEYS.map((k) => shortDuration(i[k])), `${i.openActionItems}/${i.actionItems}`]);
  const medians = [[by === 'month' ? 'Month' : 'Quarter', 'Incidents', ...FIGURE_TITLES.map((t) => `${t} (median)`), 'Open items']];
  for (const p of periods) medians.push([p.period, String(p.incidents), ...FIGURE_KEYS.map((k) => shortDuration(p.medians[k])), String(p.openActionItems)]);
  return `${align(rows)}\n${align(medians)}`;
}

export function formatJson(incidents: readonly IncidentFigures[], periods: readonly PeriodFigures[], by: Grouping): string {
  return JSON.stringify({ by, incidents, periods }, null, 2) + '\n';
}

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Quote what a spreadsheet would split on, and neutralise formulas ("=cmd()") in file names.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Incidents, one row each; with `--by`, the periods instead. Minutes as numbers. */
export function formatCsv(incidents: readonly IncidentFigures[], periods: readonly PeriodFigures[] | undefined): string {
  const rows: (string | number | null)[][] = [];
  if (periods) {
    rows.push(['period', 'incidents', ...FIGURE_KEYS.map((k) => `median_${k.replace(/Minutes$/, '')}_minutes`), 'open_action_items']);
    for (const p of periods) rows.push([p.period, p.incidents, ...FIGURE_KEYS.map((k) => p.medians[k]), p.openActionItems]);
  } else {
    rows.push(['file', 'date', 'severity', ...FIGURE_KEYS.map((k) => `${k.replace(/Minutes$/, '')}_minutes`), 'action_items', 'open_action_items']);
    for (const i of incidents) rows.push([i.path, i.date, i.severity, ...FIGURE_KEYS.map((k) => i[k]), i.actionItems, i.openActionItems]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
