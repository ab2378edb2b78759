// The outcome of linting one file, as the formatters and the exit code see it.
import type { FileReport, ReportedFinding } from './report';

export interface LintedFile {
  /** Absolute path. */
  path: string;
  /** As shown to people: relative to the working folder when inside it. */
  display: string;
  report: FileReport;
  /** --fix wrote a new version of the file. */
  fixed: boolean;
}

export interface Totals {
  problems: number;
  errors: number;
  warnings: number;
  /** information and hints */
  other: number;
  files: number;
}

export function totals(files: readonly LintedFile[]): Totals {
  const t: Totals = { problems: 0, errors: 0, warnings: 0, other: 0, files: files.length };
  for (const f of files) {
    for (const finding of f.report.findings) {
      t.problems++;
      if (finding.severity === 'error') t.errors++;
      else if (finding.severity === 'warning') t.warnings++;
      else t.other++;
    }
  }
  return t;
}

/** --quiet: only errors are reported, counted and allowed to change the exit code. */
export function errorsOnly(file: LintedFile): LintedFile {
  const findings: ReportedFinding[] = file.report.findings.filter((f) => f.severity === 'error');
  return { ...file, report: { ...file.report, findings } };
}
