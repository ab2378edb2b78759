// Postmortem: Show Open Action Items. The server lists every open action item of every
// postmortem in the workspace folders (postmortem.server.openActionItems: open documents as
// edited, overdue first); this shows them in a quick pick and opens the one picked at its line.
import * as vscode from 'vscode';
import { actionItemPick, actionItemsTitle, plural } from '../incidents/format';
import type { PostmortemClient } from '../language-client';
import { SERVER_COMMANDS, type OpenActionItemRow, type OpenActionItemsResult } from '../protocol';
import { COMMANDS } from './ids';
import { withServerProgress } from './server-progress';
import { serverReady } from './shared';

interface Pick extends vscode.QuickPickItem {
  item: OpenActionItemRow;
}

/** Opens the item's document with its line selected. */
export async function revealActionItem(pm: PostmortemClient, item: OpenActionItemRow): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(pm.client.protocol2CodeConverter.asUri(item.uri));
  const line = doc.lineAt(Math.min(item.line, doc.lineCount - 1));
  const selection = new vscode.Selection(line.range.start.translate(0, line.firstNonWhitespaceCharacterIndex), line.range.end);
  const editor = await vscode.window.showTextDocument(doc, { selection, preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** The command returns the item it opened (undefined when none), so scripts and tests can follow it. */
export function registerOpenActionItems(pm: PostmortemClient): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.showOpenActionItems, async (): Promise<OpenActionItemRow | undefined> => {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Postmortem: open a folder to list the action items of its postmortems.');
      return undefined;
    }
    if (!serverReady(pm)) return undefined;
    const result = await withServerProgress<OpenActionItemsResult>(pm, SERVER_COMMANDS.openActionItems, {
      location: vscode.ProgressLocation.Notification,
      title: 'Finding open action items',
      what: 'finding the open action items',
    });
    if (!result || result.cancelled) {
      if (result !== undefined) vscode.window.setStatusBarMessage('Postmortem: listing action items cancelled', 5000);
      return undefined;
    }
    if (result.items.length === 0) {
      const looked = result.truncated ? ` (only the first ${result.files} Markdown files were looked at)` : '';
      void vscode.window.showInformationMessage(`Postmortem: no open action items were found in ${plural(result.postmortems, 'postmortem')}${looked}.`);
      return undefined;
    }
    const picks: Pick[] = result.items.map((item) => ({ ...actionItemPick(item), item }));
    const picked = await vscode.window.showQuickPick(picks, {
      title: `Open Action Items: ${actionItemsTitle(result.items, result.postmortems)}`,
      placeHolder: 'Pick an action item to open it (type to filter by text, owner, date or file)',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return undefined;
    await revealActionItem(pm, picked.item);
    return picked.item;
  });
}
