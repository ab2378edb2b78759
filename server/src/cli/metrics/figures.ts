// One incident's figures for `postmortem metrics`: date, severity, duration, the times to detect,
// acknowledge, mitigate and resolve (from timeline markers), and its action items.
// The figures themselves are the engine's per-document summary (core/incident-summary.ts), which
// the editor's incident index uses too.
import type { Analysis } from '../../core';
import { incidentSummary, type ActionItemOptions, type IncidentSummary } from '../../core/incident-summary';

/** The summary's fields the CLI prints (its JSON schema: schemas/metrics-output.schema.json). */
type Printed = 'date' | 'severity' | 'durationMinutes' | 'ttdMinutes' | 'ttaMinutes' | 'ttmMinutes' | 'ttrMinutes' | 'actionItems' | 'openActionItems';

export type IncidentFigures = {
  /** As shown to people (relative to the working folder). */
  path: string;
} & Pick<IncidentSummary, Printed>;

export const FIGURE_KEYS = ['durationMinutes', 'ttdMinutes', 'ttaMinutes', 'ttmMinutes', 'ttrMinutes'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export function figuresOf(path: string, analysis: Analysis, options: ActionItemOptions = {}): IncidentFigures {
  const s = incidentSummary(analysis.model, options);
  return {
    path,
    date: s.date,
    severity: s.severity,
    durationMinutes: s.durationMinutes,
    ttdMinutes: s.ttdMinutes,
    ttaMinutes: s.ttaMinutes,
    ttmMinutes: s.ttmMinutes,
    ttrMinutes: s.ttrMinutes,
    actionItems: s.actionItems,
    openActionItems: s.openActionItems,
  };
}
