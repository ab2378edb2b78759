// `postmortem render FILE -o report.html`: the standalone report, from the same renderer and
// sanitiser as the editor's preview (server/src/render), with the config the linter would use
// for the file. The page has no script and fetches nothing when opened (remote images become
// links unless --remote-images), so it can be mailed, archived and printed.
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { analyze, BlockCache } from '../core';
import type { Theme } from '../render';
import { DEFAULT_BUDGET_MS, UsageError, type LintOptions } from './args';
import { CliConfigs } from './config';
import { readSource } from './fix-writer';

export const RENDER_HELP = `Usage: postmortem render FILE [-o report.html] [options]

Writes the postmortem as a standalone HTML report: a summary card, incident metrics, the
timeline chart, action items, problems found, and the document itself, sanitised. The page has
no script and loads nothing from the network (remote images become links). Without -o, the
page goes to standard output.

Options:
  -o, --output FILE       Write the report here (replaced if it exists).
  --theme auto|light|dark Colours: follow the reader's setting (default), or force one.
  --remote-images         Load https images when the report is opened.
  --config FILE           Use this config file.
  --no-config             Ignore .postmortemrc.json files.
  --template ID           Template when the front matter names none.
  --time-zone ZONE        Zone for times written without one (UTC, PST, +02:00).
  --force                 Render the card and chart even if the file does not look like a postmortem.
  -h, --help              Show this help.
`;

const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  theme: { type: 'string' },
  'remote-images': { type: 'boolean' },
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  template: { type: 'string' },
  'time-zone': { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ?? ''} (see postmortem render --help)`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UsageError(`${option ?? 'an option'} needs a value`);
    throw new UsageError(err.message.split('\n')[0]!);
  }
}

/** The linter's config lookup, fed with the options render shares with lint. */
function configOptions(values: ReturnType<typeof parse>['values'], file: string): LintOptions {
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together');
  return {
    inputs: [file],
    format: 'text',
    fix: false,
    config: values['no-config'] ? false : values.config,
    rules: {},
    force: values.force ?? false,
    jobs: 1,
    budgetMs: DEFAULT_BUDGET_MS,
    quiet: false,
    verbose: false,
    help: false,
    version: false,
    ...(values.template !== undefined ? { template: values.template } : {}),
    ...(values['time-zone'] !== undefined ? { timeZone: values['time-zone'] } : {}),
  };
}

export async function runRender(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(RENDER_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`render takes one file (got ${positionals.length}); see postmortem render --help`);
  const theme = (values.theme ?? 'auto') as Theme;
  if (!THEMES.includes(theme)) throw new UsageError(`--theme must be one of ${THEMES.join(', ')} (got "${values.theme}")`);
  if (values.output === '') throw new UsageError('--output needs a file name');
  const file = resolve(cwd, positionals[0]!);
  const options = configOptions(values, file);
  const { config, detectionPath } = new CliConfigs(options, cwd).forFile(file);
  let text: string;
  try {
    text = (await readSource(file)).text;
  } catch (e) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // Loaded here, not at the top: `postmortem lint` should not pay for rehype and parse5.
  const { renderStandalone } = await import('../render');
  const cache = new BlockCache(true);
  const analysis = analyze(text, { path: detectionPath, config, force: options.force, cache });
  // Every block is a hit: the trees the analysis read, rendered as they are.
  const html = renderStandalone(analysis, cache.parse(text), {
    theme,
    baseUrl: pathToFileURL(file).href,
    remoteImages: values['remote-images'] ?? false,
    fallbackTitle: basename(file),
    now: new Date(),
  });
  if (values.output === undefined || values.output === '-') process.stdout.write(html);
  else await writeFile(resolve(cwd, values.output), html, 'utf8');
  return 0;
}
