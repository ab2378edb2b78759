// Medians by month or quarter over incidents' figures.
import { FIGURE_KEYS, type FigureKey, type IncidentFigures } from './figures';

export type Grouping = 'month' | 'quarter';

export interface PeriodFigures {
  /** "2024-05", "2024-Q2", or "undated". */
  period: string;
  incidents: number;
  /** Median of each figure over the incidents that have it (null when none has). */
  medians: Record<FigureKey, number | null>;
  /** How many incidents each median is taken over. */
  counts: Record<FigureKey, number>;
  openActionItems: number;
}

export function periodOf(date: string | null, by: Grouping): string {
  if (!date) return 'undated';
  const [year, month] = date.split('-');
  return by === 'month' ? `${year}-${month}` : `${year}-Q${Math.ceil(Number(month) / 3)}`;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Periods in time order; undated incidents last. */
export function byPeriod(incidents: readonly IncidentFigures[], by: Grouping): PeriodFigures[] {
  const groups = new Map<string, IncidentFigures[]>();
  for (const i of incidents) {
    const key = periodOf(i.date, by);
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a.localeCompare(b)));
  return keys.map((period) => {
    const list = groups.get(period)!;
    const medians = {} as Record<FigureKey, number | null>;
    const counts = {} as Record<FigureKey, number>;
    for (const key of FIGURE_KEYS) {
      const values = list.map((i) => i[key]).filter((v): v is number => v !== null);
      medians[key] = median(values);
      counts[key] = values.length;
    }
    return { period, incidents: list.length, medians, counts, openActionItems: list.reduce((a, i) => a + i.openActionItems, 0) };
  });
}
