// The preview panel: one webview that follows the active Markdown editor, asks the server for the
// report (`postmortem/render`, rendered in the server's analysis worker) when the document
// changes (debounced), keeps the editor's top line in view, and answers the webview's clicks.
// Answers can arrive out of order; only the latest request's answer is shown.
import * as vscode from 'vscode';
import type { PostmortemClient } from '../language-client';
import { classifyLink } from './links';
import { parseFromWebview, type ToWebview } from './messages';
import { PREVIEW_VIEW_TYPE } from './ids';
import { previewPage } from './shell';
import { RENDER_REQUEST, type RenderResult } from './render-request';

const DEBOUNCE_MS = 200;

export function isPreviewable(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && (document.uri.scheme === 'file' || document.uri.scheme === 'untitled');
}

function titleOf(document: vscode.TextDocument): string {
  const name = document.uri.path.split('/').pop() || 'Untitled';
  return `Preview ${name}`;
}

/** Whether a panel's title is the one a preview of `document` has (VS Code keeps titles across reloads). */
export function titleNames(title: string, document: vscode.TextDocument): boolean {
  return title === titleOf(document);
}

/** Scripts (ours only: the page's CSP) and local resources from the extension, the workspace and the document's folder. */
function webviewOptions(extensionUri: vscode.Uri, document: vscode.TextDocument): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  const roots = [vscode.Uri.joinPath(extensionUri, 'dist'), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  if (document.uri.scheme === 'file') roots.push(vscode.Uri.joinPath(document.uri, '..'));
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: roots };
}

export class PreviewPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private latest = 0;
  private ready = false;
  /** The last report, re-sent when the webview reloads (it is not kept while hidden). */
  private last: { html: string; version: number; uri: string } | undefined;
  /** Where the document's editor was last seen, so a reveal goes back to that group. */
  private editorColumn: vscode.ViewColumn | undefined;
  private disposed = false;

  /** Opens a new preview panel of `document` in `column`. */
  static create(pm: PostmortemClient, extensionUri: vscode.Uri, document: vscode.TextDocument, column: vscode.ViewColumn, onDispose: () => void): PreviewPanel {
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, titleOf(document), { viewColumn: column, preserveFocus: true }, webviewOptions(extensionUri, document));
    return new PreviewPanel(pm, extensionUri, document, panel, onDispose);
  }

  /** Takes over a panel VS Code restored after a window reload (restore.ts), showing `document` again. */
  static restore(pm: PostmortemClient, extensionUri: vscode.Uri, document: vscode.TextDocument, panel: vscode.WebviewPanel, onDispose: () => void): PreviewPanel {
    panel.webview.options = webviewOptions(extensionUri, document);
    panel.title = titleOf(document);
    return new PreviewPanel(pm, extensionUri, document, panel, onDispose);
  }

  private constructor(
    private readonly pm: PostmortemClient,
    private readonly extensionUri: vscode.Uri,
    private document: vscode.TextDocument,
    panel: vscode.WebviewPanel,
    private readonly onDispose: () => void,
  ) {
    this.panel = panel;
    const scriptUri = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'preview.js')).toString();
    this.panel.webview.html = previewPage({ cspSource: this.panel.webview.cspSource, scriptUri });
    this.editorColumn = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn;
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isPreviewable(editor.document)) this.follow(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document !== this.document) return;
        this.editorColumn = e.textEditor.viewColumn;
        const line = e.visibleRanges[0]?.start.line;
        if (line !== undefined) this.post({ type: 'scroll', line });
      }),
      pm.client.onDidChangeState(() => this.schedule()),
    );
    void this.refresh();
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  reveal(document: vscode.TextDocument, column: vscode.ViewColumn): void {
    this.follow(document);
    this.panel.reveal(column, true);
  }

  /** Shows another document (the active editor changed). */
  follow(document: vscode.TextDocument): void {
    if (document === this.document) return;
    this.document = document;
    this.editorColumn = vscode.window.visibleTextEditors.find((e) => e.document === document)?.viewColumn;
    this.panel.title = titleOf(document);
    // Images beside the new document must be loadable too.
    this.panel.webview.options = webviewOptions(this.extensionUri, document);
    this.last = undefined;
    void this.refresh();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
    this.onDispose();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  private post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private topLine(): number | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.document)?.visibleRanges[0]?.start.line;
  }

  private async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const request = ++this.latest;
    const document = this.document;
    if (!this.pm.running) {
      this.post({ type: 'notice', text: 'The Postmortem language server is not running: the preview will update when it is back.' });
      return;
    }
    try {
      const uri = this.pm.client.code2ProtocolConverter.asUri(document.uri);
      const resourceBase = this.panel.webview.asWebviewUri(document.uri).toString();
      const result = await this.pm.client.sendRequest<RenderResult | null>(RENDER_REQUEST, { uri, resourceBase });
      if (request !== this.latest || this.disposed) return;
      if (!result) {
        this.post({ type: 'notice', text: 'The preview is not available for this document yet.' });
        return;
      }
      this.last = { html: result.html, version: result.version, uri: document.uri.toString() };
      const line = this.topLine();
      this.post({ type: 'update', html: result.html, version: result.version, uri: document.uri.toString(), ...(line !== undefined ? { line } : {}) });
    } catch (error) {
      if (request !== this.latest || this.disposed) return;
      this.pm.output.warn(`${RENDER_REQUEST} failed: ${error instanceof Error ? error.message : String(error)}`);
      this.post({ type: 'notice', text: 'The preview could not be rendered; see the Postmortem output for details.' });
    }
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        const line = this.topLine();
        if (this.last) this.post({ type: 'update', ...this.last, ...(line !== undefined ? { line } : {}) });
        else void this.refresh();
        return;
      }
      case 'reveal':
        await this.revealLine(message.line);
        return;
      case 'open-link':
        await this.openLink(message.href);
        return;
    }
  }

  /** Shows the line in the document's editor (opening it where it was last seen if it is not visible). */
  private async revealLine(line: number): Promise<void> {
    const target = Math.min(line, Math.max(0, this.document.lineCount - 1));
    const position = new vscode.Position(target, 0);
    const selection = new vscode.Selection(position, position);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const column = visible?.viewColumn ?? this.editorColumn ?? vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: column, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async openLink(href: string): Promise<void> {
    const action = classifyLink(href);
    switch (action.kind) {
      case 'external':
        await vscode.env.openExternal(vscode.Uri.parse(action.url, true));
        return;
      case 'relative': {
        if (this.document.uri.scheme !== 'file') return;
        const target = vscode.Uri.joinPath(this.document.uri, '..', action.path);
        await vscode.commands.executeCommand('vscode.open', action.fragment ? target.with({ fragment: action.fragment }) : target);
        return;
      }
      case 'fragment':
        return;
      case 'blocked':
        vscode.window.setStatusBarMessage(`Postmortem preview: link not opened (${action.reason})`, 5000);
        return;
    }
  }
}
