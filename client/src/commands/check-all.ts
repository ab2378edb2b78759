// Postmortem: Check All Postmortems. The server checks every Markdown file of the workspace and
// publishes diagnostics for the postmortems among them; this shows its progress (it reports
// through a work-done token) in a cancellable notification, then the result and the Problems panel.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { describe, type PostmortemClient } from '../language-client';
import { SERVER_COMMANDS, type CheckAllResult } from '../protocol';
import { COMMANDS } from './ids';
import { executeServerCommand, serverReady } from './shared';

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
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking postmortems', cancellable: true },
      async (progress, token) => {
        const workDoneToken = randomUUID();
        let shown = 0;
        const listening = pm.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const { message, percentage } = value as WorkDoneProgressBegin | WorkDoneProgressReport;
          // VS Code adds increments; the server reports totals.
          const increment = percentage !== undefined && percentage > shown ? percentage - shown : undefined;
          if (increment !== undefined) shown = percentage!;
          progress.report({ ...(message ? { message } : {}), ...(increment !== undefined ? { increment } : {}) });
        });
        try {
          return await executeServerCommand<CheckAllResult>(pm, SERVER_COMMANDS.checkAll, [], token, workDoneToken);
        } catch (error) {
          if (!token.isCancellationRequested) throw error;
          return null;
        } finally {
          listening.dispose();
        }
      },
    ).then(undefined, (error: unknown) => {
      pm.output.error(`Check All Postmortems failed: ${describe(error)}`);
      void vscode.window.showErrorMessage(`Postmortem: checking the workspace failed: ${describe(error)}`);
      return undefined;
    });
    if (result === undefined) return;
    if (result === null) {
      vscode.window.setStatusBarMessage('Postmortem: check cancelled', 5000);
      return;
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(summary(result));
  });
}
