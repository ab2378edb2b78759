// Postmortem: Export HTML. The server renders the standalone report (same renderer and
// sanitiser as the preview, no script, its own CSP); the file goes where the save dialog says,
// and only there: the dialog is what asks before replacing an existing file.
import * as vscode from 'vscode';
import type { PostmortemClient } from '../language-client';
import { RENDER_REQUEST, type RenderParams, type RenderResult } from './render-request';

const OPEN = 'Open in Browser';

function defaultTarget(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.uri.scheme !== 'file') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return folder ? vscode.Uri.joinPath(folder, 'postmortem-report.html') : undefined;
  }
  return document.uri.with({ path: document.uri.path.replace(/\.(md|markdown)$/i, '') + '.html' });
}

export async function exportHtml(pm: PostmortemClient, document: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  const defaultUri = defaultTarget(document);
  const target = await vscode.window.showSaveDialog({
    title: 'Export Postmortem Report',
    saveLabel: 'Export',
    filters: { HTML: ['html', 'htm'] },
    ...(defaultUri ? { defaultUri } : {}),
  });
  if (!target) return undefined;
  const params: RenderParams = { uri: pm.client.code2ProtocolConverter.asUri(document.uri), standalone: true };
  let result: RenderResult | null;
  try {
    result = await pm.client.sendRequest<RenderResult | null>(RENDER_REQUEST, params);
  } catch (error) {
    pm.output.error(`Export: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage('The postmortem report could not be rendered; see the Postmortem output.');
    return undefined;
  }
  if (!result) {
    void vscode.window.showErrorMessage('The postmortem report could not be rendered: the server does not have this document open.');
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.html));
  void vscode.window.showInformationMessage(`Exported the report to ${vscode.workspace.asRelativePath(target)}.`, OPEN).then((picked) => {
    if (picked === OPEN) void vscode.env.openExternal(target);
  });
  return target;
}
