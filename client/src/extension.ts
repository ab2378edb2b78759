// The extension's entry point: start the language server, show its status, register commands.
// Everything else lives in the modules imported here.
import * as vscode from 'vscode';
import { registerCheckAll } from './commands/check-all';
import { registerInsertTimelineEntry } from './commands/insert-timeline-entry';
import { registerNewPostmortem } from './commands/new-postmortem';
import { registerRestart } from './commands/restart';
import { registerSortTimeline } from './commands/sort-timeline';
import { registerPreview } from './preview';
import { PostmortemClient } from './language-client';
import { StatusItem } from './status';

let postmortem: PostmortemClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Postmortem', { log: true });
  const pm = (postmortem = new PostmortemClient(context, output));
  context.subscriptions.push(
    output,
    registerNewPostmortem(output),
    registerInsertTimelineEntry(pm),
    registerSortTimeline(pm),
    registerCheckAll(pm),
    registerRestart(pm),
    registerPreview(context, pm),
    new StatusItem(pm),
  );
  await pm.start();
}

export async function deactivate(): Promise<void> {
  await postmortem?.dispose();
  postmortem = undefined;
}
