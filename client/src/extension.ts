// The extension's entry point: start the language server, show its status, register commands.
// Everything else lives in the modules imported here.
import * as vscode from 'vscode';
import { registerCheckAll } from './commands/check-all';
import { registerInsertTimelineEntry } from './commands/insert-timeline-entry';
import { registerNewPostmortem } from './commands/new-postmortem';
import { registerOpenActionItems } from './commands/open-action-items';
import { registerRestart } from './commands/restart';
import { registerSortTimeline } from './commands/sort-timeline';
import { registerIncidents } from './incidents';
import type { IncidentIndexProvider } from './incidents/view';
import { registerPreview } from './preview';
import { PostmortemClient } from './language-client';
import { StatusItem } from './status';

let postmortem: PostmortemClient | undefined;

/** What activate returns: the Incidents view's provider, so extension-host tests can read its rows. */
export interface PostmortemApi {
  incidentIndex: IncidentIndexProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const output = vscode.window.createOutputChannel('Postmortem', { log: true });
  const pm = (postmortem = new PostmortemClient(context, output));
  const incidents = registerIncidents(pm, context);
  context.subscriptions.push(
    output,
    registerNewPostmortem(output),
    registerInsertTimelineEntry(pm),
    registerSortTimeline(pm),
    registerCheckAll(pm),
    registerOpenActionItems(pm),
    incidents.disposable,
    registerRestart(pm),
    registerPreview(context, pm),
    new StatusItem(pm),
  );
  await pm.start();
  return { incidentIndex: incidents.provider };
}

export async function deactivate(): Promise<void> {
  await postmortem?.dispose();
  postmortem = undefined;
}
