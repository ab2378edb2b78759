// What the editor commands share: the active Markdown editor, a running server, and running one
// of the server's commands through workspace/executeCommand.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type CancellationToken, type ProgressToken } from 'vscode-languageclient/node';
import type { PostmortemClient } from '../language-client';
import { COMMANDS } from './ids';

export function activeMarkdownEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage('Postmortem: open a Markdown postmortem in the editor first.');
  return undefined;
}

/** False (and the user told how to fix it) when the server is not running. */
export function serverReady(pm: PostmortemClient): boolean {
  if (pm.running) return true;
  void vscode.window.showWarningMessage('The Postmortem language server is not running.', 'Restart Server').then((picked) => {
    if (picked) void vscode.commands.executeCommand(COMMANDS.restartServer);
  });
  return false;
}

export function executeServerCommand<R>(pm: PostmortemClient, command: string, args: unknown[], token?: CancellationToken, workDoneToken?: ProgressToken): Promise<R | null> {
  return pm.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, ...(workDoneToken !== undefined ? { workDoneToken } : {}) }, token) as Promise<R | null>;
}

/**
 * The server shows its own notifications for what it finds in the document ("already in
 * order"); other reasons an edit was not made go to the status bar and the log, so nothing is
 * said twice.
 */
export function notApplied(pm: PostmortemClient, what: string, message: string | undefined): void {
  if (!message) return;
  pm.output.info(`${what}: ${message}`);
  vscode.window.setStatusBarMessage(`Postmortem: ${message}`, 5000);
}

/**
 * Says why nothing was done, with a button to the settings concerned when they are the cause.
 * Returns undefined, a command's "nothing made" result, so callers can `return refuse(...)`.
 */
export function refuse(message: string, settings?: string): undefined {
  const actions = settings ? ['Open Settings'] : [];
  void vscode.window.showErrorMessage(`Postmortem: ${message}`, ...actions).then((picked) => {
    if (picked) void vscode.commands.executeCommand('workbench.action.openSettings', settings);
  });
  return undefined;
}
