// `--format json`: exactly the shape of schemas/lint-output.schema.json, nothing more.
import type { LintedFile } from './results';

export function formatJson(files: readonly LintedFile[]): string {
  const out = {
    files: files.map(({ display, report }) => ({
      path: display,
      isPostmortem: report.isPostmortem,
      template: report.template,
      sections: report.sections.map((s) => ({ id: s.id, title: s.title, line: s.line, kind: s.kind })),
      incident: {
        start: report.incident.start,
        end: report.incident.end,
        statedMinutes: report.incident.statedMinutes,
        computedMinutes: report.incident.computedMinutes,
      },
      findings: report.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        data: f.data,
      })),
    })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
