// Postmortem: Sort Timeline. The server applies the timeline-order fixes as one edit.
import * as vscode from 'vscode';
import type { PostmortemClient } from '../language-client';
import { SERVER_COMMANDS, type EditResult } from '../protocol';
import { COMMANDS } from './ids';
import { activeMarkdownEditor, executeServerCommand, notApplied, serverReady } from './shared';

export function registerSortTimeline(pm: PostmortemClient): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.sortTimeline, async () => {
    const editor = activeMarkdownEditor();
    if (!editor || !serverReady(pm)) return;
    const result = await executeServerCommand<EditResult>(pm, SERVER_COMMANDS.sortTimeline, [pm.client.code2ProtocolConverter.asUri(editor.document.uri)]);
    if (!result?.applied) notApplied(pm, 'Sort timeline', result?.message);
  });
}
