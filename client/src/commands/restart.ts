// Postmortem: Restart Server. Also the way back after the server crashed too often.
import * as vscode from 'vscode';
import type { PostmortemClient } from '../language-client';
import { COMMANDS } from './ids';

export function registerRestart(pm: PostmortemClient): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.restartServer, () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting the Postmortem server' }, () => pm.restart()),
  );
}
