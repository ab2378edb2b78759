// The workspace index: every postmortem under the workspace folders as a summary row (core
// incidentSummary) with its open action items and problem count. Behind both the Incidents view
// and "Show Open Action Items" (index-commands.ts). Files are analysed in a worker of the index's
// own, so typing is not queued behind the workspace; an open document is analysed with its
// current, unsaved text. Results are kept per file by mtime and size, so refreshing after a save
// re-analyses only what changed, not the whole workspace.
// fs.promises, not node:fs/promises: loaded on first use, not with the server (~3 ms of start-up).
import { promises as fs } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, TextDocuments, WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IncidentSummary } from '../../core/incident-summary';
import type { SettingsStore } from '../settings-store';
import type { AnalysisWorkerHost } from '../worker-host';
import { MAX_FILE_BYTES, MAX_FILES, workspaceFileJob } from './check-all';
import { findMarkdownFiles } from './walk';

export interface IndexedPostmortem {
  uri: string;
  /** Relative to its workspace folder (prefixed with the folder's name when there are several), with "/". */
  path: string;
  problems: number;
  summary: IncidentSummary;
}

export interface IndexResult {
  /** Markdown files looked at. */
  files: number;
  postmortems: IndexedPostmortem[];
  truncated: boolean;
  cancelled: boolean;
}

interface Cached {
  /** What the entry was computed from: file stamp or open version, settings, config and day. */
  key: string;
  entry: IndexedPostmortem | null;
}

export class WorkspaceIndex {
  private readonly cache = new Map<string, Cached>();
  /** Bumped when config files change, which the file stamps do not show. */
  private configEpoch = 0;
  /** One build at a time: two at once would submit the same file twice to one worker, superseding each other. */
  private running: Promise<unknown> = Promise.resolve();
  private host: AnalysisWorkerHost | undefined;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly makeHost: () => AnalysisWorkerHost,
    private readonly folders: () => Promise<string[]>,
  ) {}

  configChanged(): void {
    this.configEpoch++;
  }

  collect(token: CancellationToken, progress: WorkDoneProgressReporter, title: string): Promise<IndexResult> {
    const run = this.running.then(() => this.build(token, progress, title));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async build(token: CancellationToken, progress: WorkDoneProgressReporter, title: string): Promise<IndexResult> {
    const roots = await this.folders();
    progress.begin(title, 0, 'finding Markdown files', true);
    const result: IndexResult = { files: 0, postmortems: [], truncated: false, cancelled: false };
    try {
      const walk = await findMarkdownFiles(roots, { cap: MAX_FILES, cancelled: () => token.isCancellationRequested });
      result.truncated = walk.truncated;
      await this.settings.ready;
      const seen = new Set<string>();
      for (const [i, path] of walk.files.entries()) {
        if (token.isCancellationRequested) break;
        result.files++;
        seen.add(path);
        const entry = await this.entryOf(path, roots);
        if (entry) result.postmortems.push(entry);
        if ((i + 1) % 25 === 0) progress.report(Math.round(((i + 1) / walk.files.length) * 100), `${i + 1} of ${walk.files.length} files`);
      }
      result.cancelled = token.isCancellationRequested;
      // Files gone from the workspace; a cancelled walk saw only some, so keep the rest.
      if (!result.cancelled) for (const path of this.cache.keys()) if (!seen.has(path)) this.cache.delete(path);
      return result;
    } finally {
      progress.done();
    }
  }

  private async entryOf(path: string, roots: readonly string[]): Promise<IndexedPostmortem | null> {
    const uri = pathToFileURL(path).href;
    const open = this.documents.get(uri);
    let stamp: string;
    if (open) stamp = `open:${open.version}`;
    else {
      try {
        const s = await fs.stat(path);
        if (s.size > MAX_FILE_BYTES) return null;
        stamp = `${s.mtimeMs}:${s.size}`;
      } catch {
        return null; // vanished since the walk
      }
    }
    // "Today" is part of the key: an item due yesterday is overdue now.
    const key = `${stamp}|${this.settings.generation}|${this.configEpoch}|${new Date().toISOString().slice(0, 10)}`;
    const cached = this.cache.get(path);
    if (cached?.key === key) return cached.entry;
    let text: string;
    try {
      text = open ? open.getText() : await fs.readFile(path, 'utf8');
    } catch {
      return null;
    }
    const job = workspaceFileJob(this.settings, { uri, path, text, ...(open ? { version: open.version } : {}) });
    const outcome = await (this.host ??= this.makeHost()).submit({ ...job, summary: true });
    // Cut short or failed: left out this time, tried again on the next build.
    if (outcome.kind !== 'done') return null;
    const { facts } = outcome;
    const entry = facts.isPostmortem && facts.summary ? { uri, path: displayPath(path, roots), problems: facts.findings.length, summary: facts.summary } : null;
    this.cache.set(path, { key, entry });
    return entry;
  }
}

function displayPath(path: string, roots: readonly string[]): string {
  const root = roots.filter((r) => path.startsWith(r.endsWith(sep) ? r : r + sep)).sort((a, b) => b.length - a.length)[0];
  if (!root) return path;
  const rel = relative(root, path).split(sep).join('/');
  return roots.length > 1 ? `${basename(root)}/${rel}` : rel;
}
