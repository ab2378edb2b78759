// `postmortem.server.checkAll`: analyses every Markdown file in the workspace folders in a worker
// of its own (so typing in open documents is not queued behind thousands of files) and publishes
// diagnostics for the postmortems among them, so the Problems panel shows them all.
// fs.promises, not node:fs/promises: loaded on first use, not with the server (~3 ms of start-up).
import { promises as fs } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Connection, WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses } from '../analyses';
import { cutShortDiagnostic, toDiagnostic } from '../convert';
import { engineSettings } from '../settings';
import type { SettingsStore } from '../settings-store';
import type { AnalysisWorkerHost, Job } from '../worker-host';
import { findMarkdownFiles } from './walk';

export const MAX_FILES = 5000;
/** Larger files are left out of a workspace check (they are analysed when opened). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The worker job for a workspace file checked outside the editor: one-off, findings only. */
export function workspaceFileJob(settings: SettingsStore, file: { uri: string; path: string; text: string; version?: number }): Job {
  return {
    uri: file.uri,
    version: file.version ?? 0,
    text: file.text,
    path: file.path,
    onDisk: true,
    settings: engineSettings(settings.forUri(file.uri)),
    settingsGeneration: settings.generation,
    keep: false,
    findingsOnly: true,
  };
}

export interface CheckAllResult {
  files: number;
  postmortems: number;
  problems: number;
  cutShort: number;
  truncated: boolean;
  cancelled: boolean;
}

export class WorkspaceCheck {
  /** Closed files we published diagnostics for, so a later run can clear ones that stopped being postmortems. */
  private readonly published = new Set<string>();
  private host: AnalysisWorkerHost | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly analyses: Analyses,
    private readonly settings: SettingsStore,
    private readonly makeHost: () => AnalysisWorkerHost,
    private readonly folders: () => Promise<string[]>,
  ) {}

  dispose(): void {
    this.host?.dispose();
  }

  /** An open document's own diagnostics now come from live analysis. */
  forget(uri: string): void {
    this.published.delete(uri);
  }

  async run(token: CancellationToken, progress: WorkDoneProgressReporter): Promise<CheckAllResult> {
    const roots = await this.folders();
    progress.begin('Checking postmortems', 0, 'finding Markdown files', true);
    const result: CheckAllResult = { files: 0, postmortems: 0, problems: 0, cutShort: 0, truncated: false, cancelled: false };
    try {
      const walk = await findMarkdownFiles(roots, { cap: MAX_FILES, cancelled: () => token.isCancellationRequested });
      result.truncated = walk.truncated;
      await this.settings.ready;
      const host = (this.host ??= this.makeHost());
      let done = 0;
      for (const path of walk.files) {
        if (token.isCancellationRequested) break;
        result.files++;
        await this.checkOne(host, path, result, token);
        if (++done % 25 === 0) progress.report(Math.round((done / walk.files.length) * 100), `${done} of ${walk.files.length} files`);
      }
      result.cancelled = token.isCancellationRequested;
      return result;
    } finally {
      progress.done();
    }
  }

  private async checkOne(host: AnalysisWorkerHost, path: string, result: CheckAllResult, token: CancellationToken): Promise<void> {
    const uri = pathToFileURL(path).href;
    if (this.analyses.isOpen(uri)) {
      const got = await this.analyses.factsFor(uri, token);
      if (got?.facts.isPostmortem) {
        result.postmortems++;
        result.problems += got.facts.findings.length;
      }
      return;
    }
    let text: string;
    try {
      if ((await fs.stat(path)).size > MAX_FILE_BYTES) return;
      text = await fs.readFile(path, 'utf8');
    } catch {
      return;
    }
    const outcome = await host.submit(workspaceFileJob(this.settings, { uri, path, text }));
    // Opened while it was being checked: live analysis owns its diagnostics now.
    if (this.analyses.isOpen(uri)) return;
    if (outcome.kind === 'cut-short') {
      result.cutShort++;
      this.published.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [cutShortDiagnostic(outcome.budgetMs)] });
      return;
    }
    if (outcome.kind !== 'done') return;
    const { facts } = outcome;
    if (facts.isPostmortem) {
      result.postmortems++;
      result.problems += facts.findings.length;
      const doc = TextDocument.create(uri, 'markdown', 0, text);
      this.published.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: facts.findings.map((f) => toDiagnostic(doc, f)) });
    } else if (this.published.delete(uri)) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
