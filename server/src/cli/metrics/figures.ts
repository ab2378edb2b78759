// One incident's figures for `postmortem metrics`: date, severity, duration, the times to detect,
// acknowledge, mitigate and resolve (from timeline markers), and its action items.
import { incidentMetrics, type Analysis } from '../../core';
import { formatDate, incidentDate } from '../../core/rules/shared/dates';
import type { CalendarDate } from '../../core/time/types';

export interface IncidentFigures {
  /** As shown to people (relative to the working folder). */
  path: string;
  /** YYYY-MM-DD, or null when the document gives no full date. */
  date: string | null;
  severity: string | null;
  durationMinutes: number | null;
  ttdMinutes: number | null;
  ttaMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
  actionItems: number;
  openActionItems: number;
}

export const FIGURE_KEYS = ['durationMinutes', 'ttdMinutes', 'ttaMinutes', 'ttmMinutes', 'ttrMinutes'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export function figuresOf(path: string, analysis: Analysis): IncidentFigures {
  const { model } = analysis;
  const m = incidentMetrics(model);
  const { start, end, stated } = model.incident;
  // The stated window is the most exact length; a stated duration comes next.
  const duration = start && end && end.minutes > start.minutes ? Math.round(end.minutes - start.minutes) : stated ? stated.mention.minutes : undefined;
  const date: CalendarDate | undefined = incidentDate(model);
  const severity = model.fields.find((f) => f.key === 'severity' && f.value.trim() !== '');
  return {
    path,
    date: date?.year !== undefined ? formatDate(date) : null,
    severity: severity ? leadingWords(severity.value) : null,
    durationMinutes: duration ?? null,
    ttdMinutes: m.timeToDetect ?? null,
    ttaMinutes: m.timeToAcknowledge ?? null,
    ttmMinutes: m.timeToMitigate ?? null,
    ttrMinutes: m.timeToResolve ?? null,
    actionItems: model.actionItems.length,
    openActionItems: model.actionItems.filter((i) => i.checked === false).length,
  };
}

/** "SEV-1 – full halt" -> "SEV-1"; markup and entities dropped. */
function leadingWords(value: string): string | null {
  const plain = value.replace(/&#?\w+;|[*_`|]/g, ' ').trim();
  const m = /^[\p{L}\p{N}]+(?:[\s\-_][\p{N}]+)?/u.exec(plain);
  return m ? m[0] : plain.slice(0, 20) || null;
}
