// The Incidents view in the Explorer: every postmortem of the workspace, one row each, from the
// server's workspace index (postmortem.server.incidentIndex). The client only sorts and lays
// rows out. It asks again when Markdown files are saved, created or deleted (debounced; the
// server re-reads only files that changed), never on keystrokes, and only while the view is
// visible: a hidden view just remembers that it is out of date.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { withServerProgress } from '../commands/server-progress';
import type { PostmortemClient } from '../language-client';
import { SERVER_COMMANDS, type IncidentIndexResult, type IncidentRow } from '../protocol';
import { LOADED_CONTEXT_KEY, VIEW_ID } from './ids';
import { incidentDescription, incidentLabel, incidentTooltip } from './format';
import { DEFAULT_SORT, isSortKey, SORTS, sortIncidents, type SortKey } from './sort';

const SORT_STATE = 'postmortem.incidentIndex.sort';
const DEBOUNCE_MS = 800;

export class IncidentIndexProvider implements vscode.TreeDataProvider<IncidentRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows: IncidentRow[] | undefined;
  /** The fetch under way, shared by every getChildren until it answers. */
  private loading: Promise<IncidentRow[]> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private view: vscode.TreeView<IncidentRow> | undefined;
  private stale = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pm: PostmortemClient,
    private readonly state: vscode.Memento,
  ) {}

  get sort(): SortKey {
    const saved = this.state.get<string>(SORT_STATE);
    return isSortKey(saved) ? saved : DEFAULT_SORT;
  }

  attach(view: vscode.TreeView<IncidentRow>): void {
    this.view = view;
    view.description = SORTS.find((s) => s.key === this.sort)?.short;
  }

  async setSort(key: SortKey): Promise<void> {
    await this.state.update(SORT_STATE, key);
    if (this.view) this.view.description = SORTS.find((s) => s.key === key)?.short;
    this.changed.fire(); // same rows, new order: no new request
  }

  /** Ask the server again now (the refresh button). */
  refresh(): void {
    clearTimeout(this.timer);
    this.rows = undefined;
    this.stale = false;
    this.cancel?.cancel();
    this.loading = undefined;
    this.changed.fire();
  }

  /** Something on disk changed: refresh soon if the view is shown, else when it is. */
  invalidate(): void {
    if (!this.view?.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), DEBOUNCE_MS);
  }

  /** The view became visible. */
  shown(): void {
    if (this.stale) this.refresh();
  }

  getTreeItem(row: IncidentRow): vscode.TreeItem {
    const item = new vscode.TreeItem(incidentLabel(row), vscode.TreeItemCollapsibleState.None);
    const uri = vscode.Uri.parse(row.uri);
    item.id = row.uri;
    item.description = incidentDescription(row);
    item.tooltip = new vscode.MarkdownString(incidentTooltip(row));
    item.iconPath = row.overdueActionItems > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('report');
    item.command = { command: 'vscode.open', title: 'Open Postmortem', arguments: [uri] };
    item.contextValue = 'postmortem.incident';
    return item;
  }

  /** The rows in the chosen order (tests call this directly through the extension's exports). */
  async getChildren(element?: IncidentRow): Promise<IncidentRow[]> {
    if (element) return [];
    const rows = this.rows ?? (await (this.loading ??= this.load()));
    return sortIncidents(rows, this.sort);
  }

  private async load(): Promise<IncidentRow[]> {
    if (this.pm.client.state !== State.Running) {
      // The state listener in registerIncidentIndex refreshes once the server runs.
      this.setMessage('Waiting for the Postmortem language server…');
      return [];
    }
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    const result = await withServerProgress<IncidentIndexResult>(this.pm, SERVER_COMMANDS.incidentIndex, { location: { viewId: VIEW_ID }, title: 'Indexing postmortems', what: 'indexing the postmortems', token: cancel.token });
    // A newer refresh owns the view now: answer with its rows.
    if (cancel.token.isCancellationRequested) return (await this.loading) ?? [];
    this.loading = undefined;
    if (!result || result.cancelled) {
      this.setMessage(result === undefined ? 'The postmortems could not be indexed: see the Postmortem output.' : undefined);
      return [];
    }
    this.rows = result.incidents;
    void vscode.commands.executeCommand('setContext', LOADED_CONTEXT_KEY, true);
    this.setMessage(result.truncated ? `Only the first ${result.files} Markdown files were looked at.` : undefined);
    return result.incidents;
  }

  private setMessage(message: string | undefined): void {
    if (this.view) this.view.message = message;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.loading = undefined;
    this.cancel?.cancel();
    this.changed.dispose();
  }
}

export function registerIncidentIndex(pm: PostmortemClient, context: vscode.ExtensionContext): { provider: IncidentIndexProvider; disposable: vscode.Disposable } {
  const provider = new IncidentIndexProvider(pm, context.workspaceState);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider });
  provider.attach(view);
  const markdown = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
  const isMarkdown = (doc: vscode.TextDocument) => doc.languageId === 'markdown';
  const disposable = vscode.Disposable.from(
    provider,
    view,
    markdown,
    view.onDidChangeVisibility((e) => e.visible && provider.shown()),
    // Saves, and changes made outside the editor (git checkout, another tool).
    markdown.onDidCreate(() => provider.invalidate()),
    markdown.onDidChange(() => provider.invalidate()),
    markdown.onDidDelete(() => provider.invalidate()),
    vscode.workspace.onDidSaveTextDocument((doc) => isMarkdown(doc) && provider.invalidate()),
    // Closing a document without saving puts the file's text back in force.
    vscode.workspace.onDidCloseTextDocument((doc) => isMarkdown(doc) && provider.invalidate()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => provider.invalidate()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('postmortem') && provider.invalidate()),
    pm.client.onDidChangeState((e) => e.newState === State.Running && provider.refresh()),
  );
  return { provider, disposable };
}
