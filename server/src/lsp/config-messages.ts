// A malformed `.postmortemrc.json` is shown once (not on every keystroke of every document under
// it); the worker keeps using the last good version meanwhile.
import type { Connection } from 'vscode-languageserver';
import type { ConfigProblem } from './analysis-protocol';
import { showWarning } from './notify';

export class ConfigMessages {
  /** file -> the message last shown for it. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  report(problem: ConfigProblem): void {
    if (this.shown.get(problem.file) === problem.message) return;
    this.shown.set(problem.file, problem.message);
    this.connection.console.warn(`config problem: ${problem.message}`);
    showWarning(this.connection, `Postmortem: ${problem.message}. The last good configuration stays in use until the file is fixed.`);
  }

  /** The file loads cleanly again: a later mistake in it is news and is shown. */
  good(file: string): void {
    this.shown.delete(file);
  }
}
