// `postmortem <command> [...]`: a small dispatcher so `render` and `metrics` can slot in beside
// `lint`. Without a command, the arguments are lint's (`postmortem docs/` lints docs/).
import { existsSync } from 'node:fs';
import { ConfigError } from '../core';
import { LINT_HELP, UsageError } from './args';
import { runLint } from './lint';
import { runMetrics } from './metrics-command';
import { runRender } from './render-command';
import { VERSION } from './version';

export interface Command {
  summary: string;
  run(argv: readonly string[]): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  lint: { summary: 'Check postmortems (the default command).', run: runLint },
  metrics: { summary: 'Incident metrics (TTD, TTA, TTM, TTR, durations, open action items) and medians by month or quarter.', run: runMetrics },
  render: { summary: 'Write a postmortem as a standalone HTML report (-o report.html).', run: runRender },
};

const DEFAULT_COMMAND = 'lint';

function generalHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length)) + 2;
  const commands = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`)
    .join('\n');
  return `Usage: postmortem <command> [options]\n       postmortem [lint options] [paths...]   (same as postmortem lint)\n\nCommands:\n${commands}\n\n${LINT_HELP}`;
}

/** Returns the exit code; prints usage and config errors as one line on stderr (exit 2). */
export async function dispatch(argv: readonly string[]): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === '--help' || first === '-h' || first === 'help') {
      const command = first === 'help' && rest[0] !== undefined ? COMMANDS[rest[0]] : undefined;
      if (command) return await command.run(['--help']);
      process.stdout.write(generalHelp());
      return 0;
    }
    if (first === '--version') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (first !== undefined && Object.hasOwn(COMMANDS, first)) return await COMMANDS[first]!.run(rest);
    // A bare word that names nothing is more likely a mistyped command than a missing file.
    if (first !== undefined && /^[a-z][a-z-]*$/.test(first) && !existsSync(first)) {
      throw new UsageError(`"${first}" is neither a command (${Object.keys(COMMANDS).join(', ')}) nor a file or folder`);
    }
    return await COMMANDS[DEFAULT_COMMAND]!.run(argv);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError) {
      process.stderr.write(`postmortem: ${e.message}\n`);
      return 2;
    }
    const error = e as Error;
    process.stderr.write(`postmortem: internal error: ${error.message}\n`);
    if (process.env['POSTMORTEM_DEBUG']) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
