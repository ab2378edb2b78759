// The language server proper (dist/server-main.js), started by main.ts once the first analysis
// worker is on its way. The transport comes from the command line: --stdio, --node-ipc,
// --socket=PORT or --pipe=NAME.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './guard';
import { startServer, type StartOptions } from './server';

export function start(options: StartOptions = {}): void {
  // Editors other than VS Code often start servers without arguments: default to stdio.
  if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) process.argv.push('--stdio');

  const connection = createConnection(ProposedFeatures.all);

  // Nothing may end the server but the client: report and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${describeError(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${describeError(reason)}`));

  startServer(connection, options);
}
