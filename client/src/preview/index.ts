// Postmortem: Open Preview, Open Preview to the Side and Export HTML, and the one preview panel
// they share (it follows the active Markdown editor). Registered from extension.ts.
import * as vscode from 'vscode';
import type { PostmortemClient } from '../language-client';
import { PostmortemContextKey } from './context-key';
import { exportHtml } from './export';
import { PREVIEW_VIEW_TYPE } from './ids';
import { isPreviewable, PreviewPanel } from './panel';
import { documentToRestore, EDITORS_RESTORED_WAIT_MS } from './restore';

export const PREVIEW_COMMANDS = {
  openPreview: 'postmortem.openPreview',
  openPreviewToSide: 'postmortem.openPreviewToSide',
  exportHtml: 'postmortem.exportHtml',
} as const;

/** The document a command is about: the one whose title button was clicked, the active one, or the previewed one. */
function documentFor(uri: unknown, panel: PreviewPanel | undefined): Thenable<vscode.TextDocument> | vscode.TextDocument | undefined {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && isPreviewable(active)) return active;
  return panel ? vscode.workspace.openTextDocument(panel.uri) : undefined;
}

export function registerPreview(context: vscode.ExtensionContext, pm: PostmortemClient): vscode.Disposable {
  let panel: PreviewPanel | undefined;

  const open = async (uri: unknown, toSide: boolean) => {
    const document = await documentFor(uri, panel);
    if (!document || !isPreviewable(document)) {
      void vscode.window.showInformationMessage('Postmortem: open a Markdown postmortem in the editor first.');
      return;
    }
    const active = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
    const column = toSide ? vscode.ViewColumn.Beside : active;
    if (panel) panel.reveal(document, column);
    else panel = PreviewPanel.create(pm, context.extensionUri, document, column, () => (panel = undefined));
  };

  // A preview that was open when the window reloaded comes back showing the same document.
  const restore = async (restored: vscode.WebviewPanel, state: unknown) => {
    const document = await documentToRestore(state, EDITORS_RESTORED_WAIT_MS, restored.title);
    // One preview at a time: one opened by a command while this was being restored stays.
    if (!document || panel) {
      if (!document) pm.output.info('Preview: closed the preview restored with the window: no document it showed or names could be opened, and no Markdown editor was active or visible.');
      restored.dispose();
      return;
    }
    panel = PreviewPanel.restore(pm, context.extensionUri, document, restored, () => (panel = undefined));
  };

  return vscode.Disposable.from(
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: restore }),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.openPreview, (uri?: unknown) => open(uri, false)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.openPreviewToSide, (uri?: unknown) => open(uri, true)),
    vscode.commands.registerCommand(PREVIEW_COMMANDS.exportHtml, async (uri?: unknown) => {
      const document = await documentFor(uri, panel);
      if (!document || !isPreviewable(document)) {
        void vscode.window.showInformationMessage('Postmortem: open a Markdown postmortem in the editor first.');
        return undefined;
      }
      return exportHtml(pm, document);
    }),
    new PostmortemContextKey(pm),
    { dispose: () => panel?.dispose() },
  );
}
