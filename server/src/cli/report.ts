// What the CLI keeps of one document's analysis: plain, structured-cloneable data with 1-based
// positions, computed in the worker so the main thread never needs the model or the text's LineIndex.
import type { Analysis, Finding, LineIndex, Moment, Severity } from '../core';

export interface ReportedEdit {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface ReportedFix {
  title: string;
  safe: boolean;
  edits: ReportedEdit[];
}

export interface ReportedFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data: Record<string, unknown> | null;
  /** Kept for SARIF; the JSON format leaves them out. */
  fixes: ReportedFix[];
}

export interface ReportedSection {
  id: string | null;
  title: string;
  line: number;
  kind: string;
}

export interface ReportedIncident {
  start: string | null;
  end: string | null;
  statedMinutes: number | null;
  computedMinutes: number | null;
}

export interface FileReport {
  /** null when the analysis was cut short before detection could be reported. */
  isPostmortem: boolean | null;
  template: string | null;
  /** Why the document was (or was not) taken for a postmortem, for --verbose. */
  reason: string | null;
  sections: ReportedSection[];
  incident: ReportedIncident;
  findings: ReportedFinding[];
}

export function toFileReport(analysis: Analysis): FileReport {
  const { model } = analysis;
  const index = model.index;
  return {
    isPostmortem: analysis.isPostmortem,
    template: analysis.isPostmortem ? model.template.id : null,
    reason: model.detection.reason,
    sections: model.sections.map((s) => ({ id: s.ids[0] ?? null, title: s.title, line: index.position(s.headerRange.start).line, kind: s.kind })),
    incident: reportIncident(model.incident),
    findings: analysis.findings.map((f) => reportFinding(f, index)),
  };
}

function reportFinding(f: Finding, index: LineIndex): ReportedFinding {
  const start = index.position(f.range.start);
  const end = index.position(f.range.end);
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    data: f.data ?? null,
    fixes: (f.fixes ?? []).map((fix) => ({
      title: fix.title,
      safe: fix.safe,
      edits: fix.edits.map((e) => {
        const a = index.position(e.start);
        const b = index.position(e.end);
        return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column, newText: e.newText };
      }),
    })),
  };
}

function reportIncident(incident: Analysis['model']['incident']): ReportedIncident {
  const { start, end, stated } = incident;
  // Minutes on different axes (one end dated, the other not) cannot be subtracted meaningfully.
  const comparable = start !== undefined && end !== undefined && start.dateKnown === end.dateKnown;
  return {
    start: start ? formatMoment(start) : null,
    end: end ? formatMoment(end) : null,
    statedMinutes: stated ? stated.mention.minutes : null,
    computedMinutes: comparable ? end.minutes - start.minutes : null,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * With a date: ISO 8601 in UTC ("2024-05-20T14:00Z"), or without the "Z" when the document gave no
 * zone (a wall-clock time, zone unknown). Without a date: "HH:MM" as written on the 24-hour clock,
 * since a bare clock time has no day to place it on. (schemas/lint-output.schema.json says the same.)
 */
export function formatMoment(m: Moment): string {
  if (!m.dateKnown) {
    const t = m.mention.time;
    if (t) return `${pad(t.endOfDay ? 24 : t.hour)}:${pad(t.endOfDay ? 0 : t.minute)}`;
    const minutes = ((Math.floor(m.minutes) % 1440) + 1440) % 1440;
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  const d = new Date(Math.round(m.minutes * 60_000));
  const iso = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const seconds = d.getUTCSeconds();
  return `${iso}${seconds ? `:${pad(seconds)}` : ''}${m.zoneKnown ? 'Z' : ''}`;
}

/** Stands in for a document whose analysis ran past --budget-ms: every file gets an answer. */
export function budgetReport(budgetMs: number): FileReport {
  return {
    isPostmortem: null,
    template: null,
    reason: null,
    sections: [],
    incident: { start: null, end: null, statedMinutes: null, computedMinutes: null },
    findings: [
      {
        ruleId: 'analysis-budget',
        severity: 'warning',
        message: `Analysis was cut short after ${budgetMs} ms (--budget-ms); this file was not fully checked.`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        data: { budgetMs },
        fixes: [],
      },
    ],
  };
}
