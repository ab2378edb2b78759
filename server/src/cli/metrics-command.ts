// `postmortem metrics`: analyse every postmortem under the given paths (in-process: metrics need
// the model, not findings) and print per-incident figures and medians by month or quarter.
import { analyze } from '../core';
import { actionItemOptions } from '../core/incident-summary';
import { parseLintArgs } from './args';
import { CliConfigs } from './config';
import { displayPath, expandInputs } from './files';
import { readSource } from './fix-writer';
import { METRICS_HELP, parseMetricsArgs } from './metrics/args';
import { figuresOf, type IncidentFigures } from './metrics/figures';
import { formatCsv, formatJson, formatTable } from './metrics/format';
import { byPeriod } from './metrics/periods';

export async function runMetrics(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const options = parseMetricsArgs(argv);
  if (options.help) {
    process.stdout.write(METRICS_HELP);
    return 0;
  }
  // Config lookup is lint's (nearest .postmortemrc.json, --config, --no-config, flags on top).
  const lintOptions = {
    ...parseLintArgs([]),
    config: options.config,
    ...(options.template !== undefined ? { template: options.template } : {}),
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
  };
  const configs = new CliConfigs(lintOptions, cwd);
  const { files, errors } = expandInputs(options.inputs, cwd);
  const fileConfigs = files.map((file) => configs.forFile(file));
  const incidents: IncidentFigures[] = [];
  for (const [i, file] of files.entries()) {
    let text: string;
    try {
      text = (await readSource(file)).text;
    } catch (e) {
      errors.push(`${displayPath(file, cwd)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    const { config, detectionPath } = fileConfigs[i]!;
    const analysis = analyze(text, { path: detectionPath, config, force: options.force });
    if (analysis.isPostmortem) incidents.push(figuresOf(displayPath(file, cwd), analysis, actionItemOptions(config)));
  }
  for (const error of errors) process.stderr.write(`postmortem: ${error}\n`);
  const periods = byPeriod(incidents, options.by);
  const output =
    options.format === 'json' ? formatJson(incidents, periods, options.by) : options.format === 'csv' ? formatCsv(incidents, options.byGiven ? periods : undefined) : formatTable(incidents, periods, options.by);
  process.stdout.write(output);
  return errors.length > 0 ? 2 : 0;
}
