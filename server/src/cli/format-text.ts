// `file:line:col severity message [rule]`, one finding per line, then the summary line.
import type { LintedFile, Totals } from './results';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatText(files: readonly LintedFile[], totals: Totals, verbose: boolean): string {
  const out: string[] = [];
  for (const file of files) {
    const { report } = file;
    if (verbose) out.push(`${file.display}: ${describe(file)}`);
    for (const f of report.findings) {
      // A message is one line by contract; keep a stray break from splitting a record in two.
      const message = f.message.replace(/[\r\n]+/g, ' ');
      out.push(`${file.display}:${f.line}:${f.column} ${f.severity} ${message} [${f.ruleId}]`);
    }
  }
  const fixed = files.filter((f) => f.fixed).length;
  if (fixed > 0) out.push(`Fixed ${plural(fixed, 'file')}.`);
  const other = totals.other > 0 ? `, ${totals.other} information/hints` : '';
  out.push(`${plural(totals.problems, 'problem')} (${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}${other}) in ${plural(totals.files, 'file')}`);
  return out.join('\n') + '\n';
}

function describe(file: LintedFile): string {
  const { report } = file;
  if (report.isPostmortem === null) return 'analysis cut short';
  const fixed = file.fixed ? ', fixed' : '';
  if (!report.isPostmortem) return `not a postmortem (${report.reason ?? 'no reason given'})`;
  return `postmortem, template ${report.template}${fixed}${report.reason ? ` (${report.reason})` : ''}`;
}
