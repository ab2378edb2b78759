// The `postmortem.activeIsPostmortem` context key, so the editor title shows the preview button on
// postmortems only (the Markdown preview's own button is there for every Markdown file). Asked
// of the server's `postmortem/status` when the active editor changes, when the server publishes
// new diagnostics for it (a new analysis), and when the server starts or stops.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { PostmortemClient } from '../language-client';
import { STATUS_REQUEST, type Status } from '../protocol';

export const ACTIVE_IS_POSTMORTEM = 'postmortem.activeIsPostmortem';

export class PostmortemContextKey implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private latest = 0;
  private value: boolean | undefined;

  constructor(private readonly pm: PostmortemClient) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.refresh();
      }),
      pm.client.onDidChangeState(() => void this.refresh()),
    );
    void this.refresh();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  private async refresh(): Promise<void> {
    const request = ++this.latest;
    const document = vscode.window.activeTextEditor?.document;
    let isPostmortem = false;
    if (document?.languageId === 'markdown' && this.pm.client.state === State.Running) {
      try {
        const uri = this.pm.client.code2ProtocolConverter.asUri(document.uri);
        isPostmortem = (await this.pm.client.sendRequest<Status | null>(STATUS_REQUEST, { uri }))?.isPostmortem === true;
      } catch {
        // The key stays false: the commands are still in the palette.
      }
    }
    if (request !== this.latest || isPostmortem === this.value) return;
    this.value = isPostmortem;
    await vscode.commands.executeCommand('setContext', ACTIVE_IS_POSTMORTEM, isPostmortem);
  }
}
