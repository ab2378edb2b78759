// The two views of the workspace index the client shows: one row per postmortem (the Incidents
// view) and every open action item (Show Open Action Items). Plain JSON, ordered here, so the
// client only lays them out.
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { IncidentSummary, OpenActionItem } from '../../core/incident-summary';
import type { IndexResult, WorkspaceIndex } from './workspace-index';

interface Walked {
  /** Markdown files looked at, and how many of them are postmortems. */
  files: number;
  postmortems: number;
  truncated: boolean;
  cancelled: boolean;
}

export type IncidentRow = Omit<IncidentSummary, 'openItems'> & { uri: string; path: string; problems: number };

export interface IncidentIndexResult extends Walked {
  /** In file path order; the client sorts as the user chose. */
  incidents: IncidentRow[];
}

export interface OpenActionItemRow extends OpenActionItem {
  uri: string;
  path: string;
  /** The postmortem's title, else null. */
  incident: string | null;
}

export interface OpenActionItemsResult extends Walked {
  /** Overdue first (longest overdue first), then by due date, undated last; then by file and line. */
  items: OpenActionItemRow[];
}

function walked(r: IndexResult): Walked {
  return { files: r.files, postmortems: r.postmortems.length, truncated: r.truncated, cancelled: r.cancelled };
}

export async function incidentIndex(index: WorkspaceIndex, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<IncidentIndexResult> {
  const r = await index.collect(token, progress, 'Indexing postmortems');
  const incidents = r.postmortems.map(({ uri, path, problems, summary }) => {
    const { openItems: _, ...row } = summary;
    return { ...row, uri, path, problems };
  });
  return { ...walked(r), incidents };
}

export async function openActionItems(index: WorkspaceIndex, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<OpenActionItemsResult> {
  const r = await index.collect(token, progress, 'Finding open action items');
  const items = r.postmortems.flatMap(({ uri, path, summary }) => summary.openItems.map((item) => ({ ...item, uri, path, incident: summary.title })));
  items.sort(byUrgency);
  return { ...walked(r), items };
}

/** Dates as written sort as text ("2024-07-01"); yearless ones ("Jul 1") after dated ones. */
function byUrgency(a: OpenActionItemRow, b: OpenActionItemRow): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.overdue && b.overdue && a.daysLate !== b.daysLate) return (b.daysLate ?? 0) - (a.daysLate ?? 0);
  const da = dueKey(a.due);
  const db = dueKey(b.due);
  if (da !== db) return da < db ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line;
}

function dueKey(due: string | null): string {
  if (due === null) return '\uffff';
  return /^\d{4}-/.test(due) ? due : `~${due}`;
}
