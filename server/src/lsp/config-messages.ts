// A malformed `.postmortemrc.json` is shown once (not on every keystroke of every document under
// it); the worker keeps using the last good version meanwhile.
import type { Connection } from 'vscode-languageserver';
import type { ConfigProblem } from './analysis-protocol';

export class ConfigMessages {
  /** file -> the message last shown for it. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  report(problem: ConfigProblem): void {
    if (this.shown.get(problem.file) === problem.message) return;
    this.shown.set(problem.file, problem.message);
    const where = problem.key ? ` (setting "${problem.key}")` : '';
    this.connection.console.warn(`config problem in ${problem.file}${where}: ${problem.message}`);
    void this.connection.window.showWarningMessage(`Postmortem: ${problem.message}. The last good configuration stays in use until the file is fixed.`);
  }

  /** The file loads cleanly again: a later mistake in it is news and is shown. */
  good(file: string): void {
    this.shown.delete(file);
  }
}
