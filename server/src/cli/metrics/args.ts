// Command-line options of `postmortem metrics`, parsed with node:util's parseArgs; every mistake
// becomes one line on stderr and exit code 2 (UsageError, as for lint).
import { parseArgs } from 'node:util';
import { UsageError } from '../args';
import type { Grouping } from './periods';

export type MetricsFormat = 'table' | 'json' | 'csv';

export interface MetricsOptions {
  inputs: string[];
  format: MetricsFormat;
  by: Grouping;
  /** --by was given (CSV then prints the periods instead of the incidents). */
  byGiven: boolean;
  config: string | false | undefined;
  template?: string;
  timeZone?: string;
  force: boolean;
  help: boolean;
}

const FORMATS: readonly MetricsFormat[] = ['table', 'json', 'csv'];
const GROUPINGS: readonly Grouping[] = ['month', 'quarter'];

export function parseMetricsArgs(argv: readonly string[]): MetricsOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        by: { type: 'string' },
        config: { type: 'string' },
        'no-config': { type: 'boolean' },
        template: { type: 'string' },
        'time-zone': { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? ''} (see postmortem metrics --help)`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option ?? 'an option'} needs a value`);
    throw new UsageError(err.message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  const by = values.by ?? 'month';
  if (!(GROUPINGS as readonly string[]).includes(by)) throw new UsageError(`--by must be one of ${GROUPINGS.join(', ')} (got "${by}")`);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  if (values.config === '') throw new UsageError('--config needs a file name');
  const options: MetricsOptions = {
    inputs: positionals,
    format: format as MetricsFormat,
    by: by as Grouping,
    byGiven: values.by !== undefined,
    config: values['no-config'] ? false : values.config,
    force: values.force ?? false,
    help: values.help ?? false,
  };
  if (values.template !== undefined) options.template = values.template.trim();
  if (values['time-zone'] !== undefined) options.timeZone = values['time-zone'].trim();
  return options;
}

export const METRICS_HELP = `Usage: postmortem metrics [options] [paths or globs...]

Incident metrics over a folder of postmortems: per incident the date, severity, duration and the
times to detect, acknowledge, mitigate and resolve (TTD, TTA, TTM, TTR, from Detected/
Acknowledged/Mitigated fields and the stated end, else from timeline markers such as [detected]
or the template's keywords), with its open and total action items; then medians by month or
quarter. Files that are not postmortems are skipped.

Options:
  --format table|json|csv  Output format (default: table). json follows
                           schemas/metrics-output.schema.json. csv prints one row per
                           incident, or one per period when --by is given.
  --by month|quarter       Group the medians by month or quarter (default: month).
  --config FILE            Use this config file for every document.
  --no-config              Ignore .postmortemrc.json files.
  --template ID            Template for documents whose front matter names none.
  --time-zone ZONE         Zone for times written without one (UTC, PST, +02:00).
  --force                  Treat every file as a postmortem.
  -h, --help               Show this help.

Exit codes: 0 done; 2 bad usage, bad config or a file that cannot be read.
`;
