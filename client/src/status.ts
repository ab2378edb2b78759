// The language status item for Markdown files (the {} next to "Markdown" in the status bar):
// the active postmortem's template and problem count, from the server's `postmortem/status`.
// Refreshed when the active editor changes, when the server says it published new results for
// the active document, and when the server starts or stops.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { COMMANDS } from './commands/ids';
import { describe, type PostmortemClient } from './language-client';
import { STATUS_CHANGED, STATUS_REQUEST, type Status } from './protocol';

const SHOW_PROBLEMS: vscode.Command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('postmortem.status', { language: 'markdown' });
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Answers can arrive out of order; only the latest request's answer is shown. */
  private latest = 0;

  constructor(private readonly pm: PostmortemClient) {
    this.item.name = 'Postmortem';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      pm.client.onNotification(STATUS_CHANGED, (params: { uri?: unknown }) => {
        if (params?.uri === this.activeUri()) void this.refresh();
      }),
      pm.client.onDidChangeState(() => void this.refresh()),
    );
    void this.refresh();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private activeUri(): string | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === 'markdown' ? this.pm.client.code2ProtocolConverter.asUri(doc.uri) : undefined;
  }

  async refresh(): Promise<void> {
    const uri = this.activeUri();
    // Nothing to say: the item is only shown for Markdown editors anyway.
    if (!uri) return;
    const request = ++this.latest;
    if (this.pm.client.state !== State.Running) {
      const starting = this.pm.client.state === State.Starting;
      this.set({ text: starting ? 'Postmortem: starting' : 'Postmortem: server stopped', busy: starting, severity: starting ? 'info' : 'error', command: starting ? undefined : { title: 'Restart', command: COMMANDS.restartServer } });
      return;
    }
    try {
      const status = await this.pm.client.sendRequest<Status | null>(STATUS_REQUEST, { uri });
      if (request === this.latest) this.show(status);
    } catch (error) {
      if (request !== this.latest) return;
      this.pm.output.warn(`postmortem/status failed: ${describe(error)}`);
      this.set({ text: 'Postmortem', detail: 'status unavailable', severity: 'info' });
    }
  }

  private show(status: Status | null): void {
    if (!status || status.analysedVersion === null) {
      this.set({ text: 'Postmortem: checking', busy: true, severity: 'info' });
      return;
    }
    if (!status.isPostmortem) {
      this.set({
        text: 'Not a postmortem',
        detail: 'no "type: postmortem" front matter, postmortem title or sections, or postmortem.files match',
        severity: 'info',
        command: { title: 'New Postmortem…', command: COMMANDS.newPostmortem },
      });
      return;
    }
    const { errors, warnings, infos } = status.problems;
    const parts = [errors && count(errors, 'error'), warnings && count(warnings, 'warning'), infos && count(infos, 'note')].filter(Boolean);
    const detail = (parts.length ? parts.join(', ') : 'no problems') + (status.cutShort ? ' (analysis cut short: see postmortem.budgetMs)' : '');
    this.set({
      text: `Postmortem: ${status.templateName ?? status.template ?? 'unknown template'}`,
      detail,
      severity: errors ? 'error' : warnings || status.cutShort ? 'warning' : 'info',
      command: SHOW_PROBLEMS,
    });
  }

  private set(s: { text: string; detail?: string; busy?: boolean; severity: 'info' | 'warning' | 'error'; command?: vscode.Command | undefined }): void {
    this.item.text = s.text;
    this.item.detail = s.detail;
    this.item.busy = s.busy ?? false;
    this.item.severity = s.severity === 'error' ? vscode.LanguageStatusSeverity.Error : s.severity === 'warning' ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = s.command;
  }
}
