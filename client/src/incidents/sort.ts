// The orders the Incidents view offers (Sort By…). Pure, so test/client checks them. Ties fall
// back to the newest date, then the path, so an order never depends on the file system's.
import type { IncidentRow } from '../protocol';
import { incidentLabel } from './format';

export type SortKey = 'date' | 'severity' | 'duration' | 'openItems' | 'problems' | 'title';

export const DEFAULT_SORT: SortKey = 'date';

export const SORTS: readonly { key: SortKey; label: string; short: string }[] = [
  { key: 'date', label: 'Date (newest first)', short: 'by date' },
  { key: 'severity', label: 'Severity (most severe first)', short: 'by severity' },
  { key: 'duration', label: 'Duration (longest first)', short: 'by duration' },
  { key: 'openItems', label: 'Open action items (most first)', short: 'by open items' },
  { key: 'problems', label: 'Problems (most first)', short: 'by problems' },
  { key: 'title', label: 'Title (A to Z)', short: 'by title' },
];

export function isSortKey(value: unknown): value is SortKey {
  return SORTS.some((s) => s.key === value);
}

/** Larger first; unknown (null) last whatever the direction. */
function desc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

function byDate(a: IncidentRow, b: IncidentRow): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}

const ORDERS: Record<SortKey, (a: IncidentRow, b: IncidentRow) => number> = {
  date: byDate,
  // Rank 0 is the most severe: ascending, unknown last.
  severity: (a, b) => desc(a.severityRank === null ? null : -a.severityRank, b.severityRank === null ? null : -b.severityRank),
  duration: (a, b) => desc(a.durationMinutes, b.durationMinutes),
  openItems: (a, b) => desc(a.openActionItems, b.openActionItems) || desc(a.overdueActionItems, b.overdueActionItems),
  problems: (a, b) => desc(a.problems, b.problems),
  title: (a, b) => incidentLabel(a).localeCompare(incidentLabel(b), undefined, { sensitivity: 'base', numeric: true }),
};

export function sortIncidents(rows: readonly IncidentRow[], key: SortKey): IncidentRow[] {
  const order = ORDERS[key];
  return [...rows].sort((a, b) => order(a, b) || byDate(a, b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
