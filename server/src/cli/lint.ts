// `postmortem lint`: expand inputs, load configs, analyse every file on the worker pool (fixing
// and re-analysing when --fix), then print in input order and choose the exit code.
import { LINT_HELP, parseLintArgs, type LintOptions } from './args';
import { CliConfigs, type FileConfig } from './config';
import { displayPath, expandInputs } from './files';
import { matchLineEndings, readSource, writeAtomic } from './fix-writer';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { createRunner, type JobRunner } from './pool';
import { Progress } from './progress';
import { budgetReport, type FileReport } from './report';
import { errorsOnly, totals, type LintedFile } from './results';
import { VERSION } from './version';

/** Fixes can enable other fixes (a label made a heading, then the timeline sorted): a few rounds, never unbounded. */
export const MAX_FIX_PASSES = 10;

type Outcome = LintedFile | { error: string };

export async function runLint(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const options = parseLintArgs(argv);
  if (options.help) {
    process.stdout.write(LINT_HELP);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const configs = new CliConfigs(options, cwd);
  const { files, errors: failures } = expandInputs(options.inputs, cwd);
  // Every config is read and validated before any work, so a bad one stops the run with exit 2.
  const fileConfigs = files.map((file) => configs.forFile(file));

  const progress = new Progress(process.stderr, files.length);
  const runner = createRunner(options.jobs, options.budgetMs, files.length, (message) => {
    progress.clear();
    process.stderr.write(`postmortem: warning: ${message}\n`);
  });
  let done = 0;
  let outcomes: Outcome[];
  try {
    outcomes = await mapInOrder(files, options.jobs * 2, async (file, i) => {
      const outcome = await lintFile(file, fileConfigs[i]!, options, runner, cwd);
      progress.update(++done, displayPath(file, cwd));
      return outcome;
    });
  } finally {
    progress.clear();
    await runner.close();
  }

  let linted: LintedFile[] = [];
  for (const outcome of outcomes) {
    if ('error' in outcome) failures.push(outcome.error);
    else linted.push(outcome);
  }
  if (options.quiet) linted = linted.map(errorsOnly);
  for (const failure of failures) process.stderr.write(`postmortem: ${failure}\n`);

  const sum = totals(linted);
  const output =
    options.format === 'json' ? formatJson(linted) : options.format === 'sarif' ? formatSarif(linted, cwd, failures) : formatText(linted, sum, options.verbose);
  process.stdout.write(output);

  if (failures.length > 0) return 2;
  if (sum.errors > 0) return 1;
  if (options.maxWarnings !== undefined && sum.warnings > options.maxWarnings) {
    process.stderr.write(`postmortem: ${sum.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

async function lintFile(file: string, { config, detectionPath }: FileConfig, options: LintOptions, runner: JobRunner, cwd: string): Promise<Outcome> {
  const display = displayPath(file, cwd);
  let source;
  try {
    source = await readSource(file);
  } catch (e) {
    return { error: `${display}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let text = source.text;
  let report: FileReport | undefined;
  for (let pass = 0; report === undefined; pass++) {
    const fix = options.fix && pass < MAX_FIX_PASSES;
    const outcome = await runner.run({ text, detectionPath, config, force: options.force, fix });
    if (outcome.kind === 'failed') return { error: `${display}: analysis failed: ${outcome.message}` };
    if (outcome.kind === 'budget') {
      // Fixes from passes that completed were computed on whole analyses, so they are still written.
      report = budgetReport(options.budgetMs);
    } else if (outcome.result.fixedText === undefined) {
      report = outcome.result.report;
    } else {
      text = matchLineEndings(source.text, outcome.result.fixedText);
    }
  }
  const fixed = text !== source.text;
  if (fixed) {
    try {
      await writeAtomic(file, source, text);
    } catch (e) {
      return { error: `${display}: ${(e as Error).message}` };
    }
  }
  return { path: file, display, report, fixed };
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the items' order. */
async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
