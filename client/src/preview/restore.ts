// Brings the preview back after a window reload. VS Code keeps a webview panel open across reloads
// only for an extension that registers a serializer for its view type (and is activated by
// `onWebviewPanel:postmortem.preview`); the panel then comes back with the state its page saved:
// the URI of the document it showed (webview-script.ts). That state was written inside the
// webview, so it is checked (restoredDocumentUri) before anything is opened from it.
import * as vscode from 'vscode';
import { restoredDocumentUri } from './messages';
import { isPreviewable, titleNames } from './panel';

/** How long a restored preview with nothing to show waits for the window to bring its editors back. */
export const EDITORS_RESTORED_WAIT_MS = 5000;

/**
 * The document a restored preview should show: the one its page saved when that can still be
 * opened as Markdown; else, now or as the window restores its editors (for up to `waitMs`), the
 * one open document its kept title names, the active Markdown editor's, or a visible one's; else
 * none (the panel closes).
 *
 * Why the fallbacks: a page reloaded right after the preview first rendered may not have kept the
 * state the page saved, VS Code may hand the panel back before it has restored the editors, and a
 * preview that had the focus leaves no active text editor (the webview is the active editor).
 */
export async function documentToRestore(state: unknown, waitMs = EDITORS_RESTORED_WAIT_MS, title?: string): Promise<vscode.TextDocument | undefined> {
  const saved = restoredDocumentUri(state);
  if (saved !== undefined) {
    const document = await openSaved(saved);
    if (document && isPreviewable(document)) return document;
  }
  return fromWindow(title) ?? fromWindowSoon(title, waitMs);
}

function fromWindow(title: string | undefined): vscode.TextDocument | undefined {
  if (title !== undefined) {
    const named = vscode.workspace.textDocuments.filter((d) => isPreviewable(d) && titleNames(title, d));
    if (named.length === 1) return named[0];
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && isPreviewable(active)) return active;
  return vscode.window.visibleTextEditors.map((e) => e.document).find(isPreviewable);
}

function fromWindowSoon(title: string | undefined, waitMs: number): Promise<vscode.TextDocument | undefined> {
  return new Promise((resolve) => {
    const done = (document: vscode.TextDocument | undefined) => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      resolve(document);
    };
    const timer = setTimeout(() => done(undefined), waitMs);
    const retry = () => {
      const document = fromWindow(title);
      if (document) done(document);
    };
    const subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(retry),
      vscode.window.onDidChangeVisibleTextEditors(retry),
      vscode.workspace.onDidOpenTextDocument(retry),
    ];
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
