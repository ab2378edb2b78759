// Postmortem: Insert Timeline Entry. The server writes the entry (stamped now, in the document's
// zone and style) through workspace/applyEdit, so it is one undoable edit; the cursor then goes
// where the server says the entry's text starts.
import * as vscode from 'vscode';
import type { PostmortemClient } from '../language-client';
import { SERVER_COMMANDS, type EditResult } from '../protocol';
import { COMMANDS } from './ids';
import { activeMarkdownEditor, executeServerCommand, notApplied, serverReady } from './shared';

export function registerInsertTimelineEntry(pm: PostmortemClient): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.insertTimelineEntry, async () => {
    const editor = activeMarkdownEditor();
    if (!editor || !serverReady(pm)) return;
    const c2p = pm.client.code2ProtocolConverter;
    const result = await executeServerCommand<EditResult>(pm, SERVER_COMMANDS.insertTimelineEntry, [c2p.asUri(editor.document.uri), c2p.asPosition(editor.selection.active)]);
    if (!result?.applied) return notApplied(pm, 'Insert timeline entry', result?.message);
    // The user may have switched editors while the server worked.
    if (result.position && vscode.window.activeTextEditor === editor) {
      const at = pm.client.protocol2CodeConverter.asPosition(result.position);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at));
    }
  });
}
