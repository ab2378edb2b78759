// Renders findings as the one-line form fixture expectations are written in:
// `line:col-endLine:endCol severity [rule] message`.
import type { Analysis, Finding } from '../../server/src/core';

export function formatFinding(analysis: Analysis, f: Finding): string {
  const s = analysis.model.index.position(f.range.start);
  const e = analysis.model.index.position(f.range.end);
  return `${s.line}:${s.column}-${e.line}:${e.column} ${f.severity} [${f.ruleId}] ${f.message}`;
}
