// Brings the preview back after a window reload. VS Code keeps a webview panel open across reloads
// only for an extension that registers a serializer for its view type (and is activated by
// `onWebviewPanel:postmortem.preview`); the panel then comes back with the state its page saved:
// the URI of the document it showed (webview-script.ts). That state was written inside the
// webview, so it is checked (restoredDocumentUri) before anything is opened from it.
import * as vscode from 'vscode';
import { restoredDocumentUri } from './messages';
import { isPreviewable } from './panel';

/** How long a restored preview with nothing to show waits for the window to bring its editors back. */
export const EDITORS_RESTORED_WAIT_MS = 5000;

/**
 * The document a restored preview should show: the one it showed before the reload when that can
 * still be opened as Markdown, else the active Markdown editor's, else the first Markdown editor
 * the window's restored editors make active within `waitMs`, else none (the panel closes).
 */
export async function documentToRestore(state: unknown, waitMs = EDITORS_RESTORED_WAIT_MS): Promise<vscode.TextDocument | undefined> {
  const saved = restoredDocumentUri(state);
  if (saved !== undefined) {
    const document = await openSaved(saved);
    if (document && isPreviewable(document)) return document;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && isPreviewable(active)) return active;
  // After a reload VS Code may hand back this panel before it has restored the editors (and a
  // page reloaded at once may not have kept the state the preview saved last).
  return nextPreviewableEditor(waitMs);
}

function nextPreviewableEditor(waitMs: number): Promise<vscode.TextDocument | undefined> {
  return new Promise((resolve) => {
    const done = (document: vscode.TextDocument | undefined) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(document);
    };
    const timer = setTimeout(() => done(undefined), waitMs);
    const subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor && isPreviewable(editor.document)) done(editor.document);
    });
  });
}

async function openSaved(text: string): Promise<vscode.TextDocument | undefined> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (open) return open;
  // An untitled document that was not restored with the window is gone: opening its URI would
  // make a new, empty one.
  if (uri.scheme !== 'file') return undefined;
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    return undefined; // deleted or moved since
  }
}
