// One unit of work: analyse one version of one document. Runs in a worker (lint-worker.ts) or,
// when no worker bundle exists, in-process: both call this same function.
import { analyze, applyFixes, type ResolvedConfig } from '../core';
import { toFileReport, type FileReport } from './report';

export interface LintJob {
  text: string;
  /** The path detection sees (postmortems/, *incident-report*.md...). */
  detectionPath: string;
  config: ResolvedConfig;
  force: boolean;
  /** Also return the text with this analysis's safe fixes applied. */
  fix: boolean;
}

export interface LintJobResult {
  report: FileReport;
  /** Present only when `fix` was asked and the safe fixes changed the text. */
  fixedText?: string;
}

export function runLintJob(job: LintJob): LintJobResult {
  const analysis = analyze(job.text, { path: job.detectionPath, config: job.config, force: job.force });
  const report = toFileReport(analysis);
  if (!job.fix || analysis.findings.length === 0) return { report };
  const fixedText = applyFixes(job.text, analysis.findings);
  return fixedText === job.text ? { report } : { report, fixedText };
}
