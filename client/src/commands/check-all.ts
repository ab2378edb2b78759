// Postmortem: Check All Postmortems. The server checks every Markdown file of the workspace and
// publishes diagnostics for the postmortems among them; this shows its progress (it reports
// through a work-done token, server-progress.ts) in a cancellable notification, then the result
// and the Problems panel.
import * as vscode from 'vscode';
import type { PostmortemClient } from '../language-client';
import { SERVER_COMMANDS, type CheckAllResult } from '../protocol';
import { COMMANDS } from './ids';
import { withServerProgress } from './server-progress';
import { serverReady } from './shared';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summary(r: CheckAllResult): string {
  let text = `Checked ${plural(r.files, 'Markdown file')}: ${plural(r.postmortems, 'postmortem')}, ${plural(r.problems, 'problem')}.`;
  if (r.cutShort) text += ` ${plural(r.cutShort, 'file was', 'files were')} cut short by postmortem.budgetMs.`;
  if (r.truncated) text += ` Stopped after the first ${r.files} files.`;
  if (r.cancelled) text += ' Cancelled before the end.';
  return text;
}

export function registerCheckAll(pm: PostmortemClient): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.checkAll, async () => {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Postmortem: open a folder to check all the postmortems in it.');
      return;
    }
    if (!serverReady(pm)) return;
    const result = await withServerProgress<CheckAllResult>(pm, SERVER_COMMANDS.checkAll, { location: vscode.ProgressLocation.Notification, title: 'Checking postmortems', what: 'checking the workspace' });
    if (result === undefined) return;
    if (result === null) {
      vscode.window.setStatusBarMessage('Postmortem: check cancelled', 5000);
      return;
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(summary(result));
  });
}
