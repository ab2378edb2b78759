// Starts the bundled language server (dist/server.js) over Node IPC and keeps it running: a
// crashed server is restarted at most RestartPolicy's 5 times in 3 minutes, and each crash is
// said in a notification and the "Postmortem" output channel rather than passing silently.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { COMMANDS } from './commands/ids';
import { RestartPolicy } from './restart-policy';

const SHOW_OUTPUT = 'Show Output';
const RESTART = 'Restart Server';

export class PostmortemClient implements vscode.Disposable {
  readonly client: LanguageClient;
  private readonly policy = new RestartPolicy();

  constructor(
    context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // Untitled documents too: New Postmortem opens one when no folder is open.
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
      ],
      outputChannel: output,
      diagnosticCollectionName: 'postmortem',
      // Settings are pulled by the server; the debounce is also needed before the first pull
      // answers. A function, so a restarted server gets the current value.
      initializationOptions: () => ({ debounceMs: vscode.workspace.getConfiguration('postmortem').get<number>('debounceMs', 150) }),
      errorHandler: this.errorHandler(),
    };
    // The id "postmortem" makes the client read the `postmortem.trace.server` setting.
    this.client = new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
  }

  get running(): boolean {
    return this.client.state === State.Running;
  }

  async start(): Promise<void> {
    try {
      await this.client.start();
    } catch (error) {
      this.output.error(`The Postmortem language server did not start: ${describe(error)}`);
      void this.offer(vscode.window.showErrorMessage('The Postmortem language server did not start.', SHOW_OUTPUT, RESTART));
    }
  }

  /** The user's restart: from any state, and the crash count starts afresh. */
  async restart(): Promise<void> {
    this.policy.reset();
    this.output.info('Restarting the language server on request.');
    if (this.client.state === State.Running) {
      try {
        await this.client.restart();
        return;
      } catch (error) {
        this.output.error(`Restarting failed: ${describe(error)}`);
      }
    }
    await this.start();
  }

  async dispose(): Promise<void> {
    if (this.client.state === State.Stopped || this.client.state === State.StartFailed) return;
    try {
      await this.client.stop();
    } catch (error) {
      this.output.warn(`Stopping the language server: ${describe(error)}`);
    }
  }

  private errorHandler(): ErrorHandler {
    return {
      // vscode-languageclient's default: a few broken messages are survivable, a stream of them is not.
      error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: (): CloseHandlerResult => {
        const d = this.policy.crashed(Date.now());
        const minutes = d.windowMs / 60_000;
        if (d.restart) {
          const message = `The Postmortem language server stopped unexpectedly and was restarted (crash ${d.crashes} of ${d.maxRestarts} allowed in ${minutes} minutes).`;
          void this.offer(vscode.window.showWarningMessage(message, SHOW_OUTPUT));
          // handled: the client only logs the message; the notification above has the buttons.
          return { action: CloseAction.Restart, message, handled: true };
        }
        const message = `The Postmortem language server stopped ${d.crashes} times in ${minutes} minutes and will not be restarted. Run "Postmortem: Restart Server" once the cause is fixed.`;
        void this.offer(vscode.window.showErrorMessage(message, SHOW_OUTPUT, RESTART));
        return { action: CloseAction.DoNotRestart, message, handled: true };
      },
    };
  }

  private async offer(choice: Thenable<string | undefined>): Promise<void> {
    const picked = await choice;
    if (picked === SHOW_OUTPUT) this.output.show(true);
    else if (picked === RESTART) await vscode.commands.executeCommand(COMMANDS.restartServer);
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
