// Command-line options of `postmortem lint`, parsed with node:util's parseArgs (no dependency)
// and checked here so every mistake becomes one line on stderr and exit code 2.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { RULES, type SeveritySetting } from '../core';

/** Bad usage: main prints `postmortem: <message>` and exits with 2. */
export class UsageError extends Error {}

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface LintOptions {
  inputs: string[];
  format: OutputFormat;
  fix: boolean;
  /** A config file for every document; `false` for --no-config; undefined: nearest .postmortemrc.json. */
  config: string | false | undefined;
  template?: string;
  timeZone?: string;
  rules: Record<string, SeveritySetting>;
  force: boolean;
  jobs: number;
  budgetMs: number;
  maxWarnings?: number;
  quiet: boolean;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
export const DEFAULT_BUDGET_MS = 10_000;

const OPTIONS = {
  format: { type: 'string' },
  fix: { type: 'boolean' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  template: { type: 'string' },
  'time-zone': { type: 'string' },
  rule: { type: 'string', multiple: true },
  force: { type: 'boolean' },
  jobs: { type: 'string' },
  'budget-ms': { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export function parseLintArgs(argv: readonly string[]): LintOptions {
  const { values, positionals } = parse(argv);
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got "${format}")`);
  if (values.config === '') throw new UsageError('--config needs a file name');
  const options: LintOptions = {
    inputs: positionals,
    format: format as OutputFormat,
    fix: values.fix ?? false,
    config: values['no-config'] ? false : values.config,
    rules: parseRules(values.rule ?? []),
    force: values.force ?? false,
    jobs: values.jobs === undefined ? Math.max(1, availableParallelism()) : integer('--jobs', values.jobs, 1),
    budgetMs: values['budget-ms'] === undefined ? DEFAULT_BUDGET_MS : integer('--budget-ms', values['budget-ms'], 1),
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
  if (values.template !== undefined) options.template = nonEmpty('--template', values.template);
  if (values['time-zone'] !== undefined) options.timeZone = nonEmpty('--time-zone', values['time-zone']);
  if (values['max-warnings'] !== undefined) options.maxWarnings = integer('--max-warnings', values['max-warnings'], 0);
  return options;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // parseArgs explains at length; one short line is what a terminal or CI log needs.
    const err = e as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? ''} (see postmortem lint --help)`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option ?? 'an option'} needs a value`);
    throw new UsageError(err.message.split('\n')[0]!);
  }
}

function integer(flag: string, value: string, min: number): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < min) throw new UsageError(`${flag} must be a whole number of at least ${min} (got "${value}")`);
  return Number(value);
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs a value`);
  return value.trim();
}

/** `--rule timeline-order=off`, repeatable; the last setting of a rule wins. */
function parseRules(specs: readonly string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const id = spec.slice(0, eq).trim();
    const severity = spec.slice(eq + 1).trim();
    if (eq < 0 || !id) throw new UsageError(`--rule expects id=severity, e.g. --rule timeline-order=off (got "${spec}")`);
    if (!RULES.some((r) => r.id === id)) throw new UsageError(`--rule: unknown rule "${id}" (known: ${RULES.map((r) => r.id).join(', ')})`);
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')} (got "${severity}")`);
    rules[id] = severity as SeveritySetting;
  }
  return rules;
}

export const LINT_HELP = `Usage: postmortem lint [options] [paths or globs...]

Checks incident postmortems written in Markdown. Folders are searched for *.md files
(node_modules and .git skipped); the default is the current folder. Files that are not
postmortems are skipped silently.

Output: file:line:col severity message [rule], then
  "N problems (E errors, W warnings) in F files" (F = files checked).

Options:
  --format text|json|sarif  Output format (default: text). json follows
                            schemas/lint-output.schema.json; sarif is SARIF 2.1.0.
  --fix                     Apply safe fixes and write the files that change (atomically,
                            keeping BOM, line endings and file mode); report what remains.
  --config FILE             Use this config file for every document.
  --no-config               Ignore .postmortemrc.json files.
  --template ID             Template for documents whose front matter names none.
  --time-zone ZONE          Zone for times written without one (UTC, PST, +02:00).
  --rule ID=SEVERITY        Set a rule's severity: error, warning, information, hint, off.
                            Repeatable. Wins over the config file.
  --force                   Treat every file as a postmortem.
  --jobs N                  Worker threads (default: number of cores).
  --budget-ms N             Time budget per document analysis (default: ${DEFAULT_BUDGET_MS}). A document
                            over budget gets an analysis-budget warning; the run goes on.
  --max-warnings N          Exit 1 when there are more than N warnings.
  -q, --quiet               Report errors only.
  --verbose                 Also say which files are not postmortems, and why.
  -h, --help                Show this help.
  --version                 Show the version.

Exit codes: 0 no errors; 1 errors remain (or too many warnings);
            2 bad usage, bad config or a file that cannot be read.
`;
