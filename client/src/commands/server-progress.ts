// Runs a long server command (a walk of the workspace) under a VS Code progress indicator: the
// server reports through a work-done token, shown here; cancelling the notification, or the
// caller's own token, cancels the request.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { describe, type PostmortemClient } from '../language-client';
import { executeServerCommand } from './shared';

export interface ProgressOptions {
  location: vscode.ProgressLocation | { viewId: string };
  title: string;
  /** Said in the log and an error notification when the request fails: "checking the workspace". */
  what: string;
  /** Cancels the request too (e.g. a newer refresh of a view). */
  token?: vscode.CancellationToken;
}

/** The command's result; null when cancelled; undefined when it failed (already said to the user). */
export async function withServerProgress<R>(pm: PostmortemClient, command: string, options: ProgressOptions): Promise<R | null | undefined> {
  const cancellable = options.location === vscode.ProgressLocation.Notification;
  return vscode.window
    .withProgress({ location: options.location, title: options.title, cancellable }, async (progress, shown) => {
      const source = new vscode.CancellationTokenSource();
      const links = [shown.onCancellationRequested(() => source.cancel()), options.token?.onCancellationRequested(() => source.cancel())];
      if (options.token?.isCancellationRequested) source.cancel();
      const workDoneToken = randomUUID();
      let reported = 0;
      const listening = pm.client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const { message, percentage } = value as WorkDoneProgressBegin | WorkDoneProgressReport;
        // VS Code adds increments; the server reports totals.
        const increment = percentage !== undefined && percentage > reported ? percentage - reported : undefined;
        if (increment !== undefined) reported = percentage!;
        progress.report({ ...(message ? { message } : {}), ...(increment !== undefined ? { increment } : {}) });
      });
      try {
        // A cancelled walk may still answer, with what it found so far and `cancelled: true`.
        return await executeServerCommand<R>(pm, command, [], source.token, workDoneToken);
      } catch (error) {
        if (!source.token.isCancellationRequested) throw error;
        return null;
      } finally {
        listening.dispose();
        for (const l of links) l?.dispose();
        source.dispose();
      }
    })
    .then(undefined, (error: unknown) => {
      pm.output.error(`${options.what} failed: ${describe(error)}`);
      void vscode.window.showErrorMessage(`Postmortem: ${options.what} failed: ${describe(error)}`);
      return undefined;
    });
}
