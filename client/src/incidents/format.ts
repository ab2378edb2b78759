// What the Incidents view and the open action items quick pick say about the server's rows. Pure
// (no vscode), so test/client checks the wording; the rows come from the server's workspace index.
import { formatMinutes, formatShortMinutes } from '../../../server/src/core/time/format';
import type { IncidentRow, OpenActionItemRow } from '../protocol';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Postmortem: Checkout outage" -> "Checkout outage": in a list of postmortems the prefix says nothing. */
export function incidentLabel(row: Pick<IncidentRow, 'title' | 'path'>): string {
  const title = row.title?.replace(/^(?:post-?mortem|incident(?: report| review| postmortem)?|outage report)\s*[:\-–—]\s*/i, '').trim();
  if (title) return title;
  return (row.path.split('/').pop() ?? row.path).replace(/\.(md|markdown)$/i, '');
}

/** "2024-03-05 · SEV2 · 2h 30m · 3 open (1 overdue) · 2 problems"; unknown parts are left out. */
export function incidentDescription(row: IncidentRow): string {
  const open = row.overdueActionItems > 0 ? `${row.openActionItems} open (${row.overdueActionItems} overdue)` : `${row.openActionItems} open`;
  return [row.date, row.severity, row.durationMinutes !== null ? formatShortMinutes(row.durationMinutes) : null, open, plural(row.problems, 'problem')]
    .filter((p): p is string => p !== null)
    .join(' · ');
}

function cell(text: string): string {
  return text.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** The tooltip: every figure, as a Markdown table. */
export function incidentTooltip(row: IncidentRow): string {
  const minutes = (m: number | null) => (m === null ? '—' : formatMinutes(m));
  const items = row.actionItems === 0 ? 'none' : `${row.openActionItems} open of ${row.actionItems}${row.overdueActionItems ? `, ${row.overdueActionItems} overdue` : ''}`;
  const rows: [string, string][] = [
    ['Date', row.date ?? '—'],
    ['Severity', row.severity ?? '—'],
    ['Duration', minutes(row.durationMinutes)],
    ['Time to detect', minutes(row.ttdMinutes)],
    ['Time to acknowledge', minutes(row.ttaMinutes)],
    ['Time to mitigate', minutes(row.ttmMinutes)],
    ['Time to resolve', minutes(row.ttrMinutes)],
    ['Action items', items],
    ['Problems', String(row.problems)],
  ];
  return [`**${cell(row.title ?? incidentLabel(row))}**`, `\`${row.path.replace(/`/g, "'")}\``, ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`)].join('\n')].join('\n\n');
}

export interface ActionItemPick {
  label: string;
  description: string;
  detail: string;
}

/**
 * label = the action; description = owner · due date, an overdue item flagged first (so a narrow
 * quick pick still shows it); detail = path:line (1-based).
 */
export function actionItemPick(item: OpenActionItemRow): ActionItemPick {
  const late = item.overdue ? `$(warning) overdue${item.daysLate ? ` by ${plural(item.daysLate, 'day')}` : ''}` : null;
  const description = [late, item.owner ?? 'no owner', item.due ? `due ${item.due}` : 'no due date'].filter((p): p is string => p !== null).join(' · ');
  return { label: item.text || '(no text)', description, detail: `${item.path}:${item.line + 1}` };
}

/** "4 open action items in 3 postmortems, 1 overdue". */
export function actionItemsTitle(items: readonly OpenActionItemRow[], postmortems: number): string {
  const overdue = items.filter((i) => i.overdue).length;
  return `${plural(items.length, 'open action item')} in ${plural(postmortems, 'postmortem')}${overdue ? `, ${overdue} overdue` : ''}`;
}
