// Entry point of the language server (dist/server.js; `postmortem-language-server --stdio`).
// The transport comes from the command line: --stdio, --node-ipc, --socket=PORT or --pipe=NAME.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from './guard';
import { startServer } from './server';

// Editors other than VS Code often start servers without arguments: default to stdio.
if (!process.argv.some((a) => /^--(stdio|node-ipc|socket|pipe|clientProcessId)/.test(a))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);

// Nothing may end the server but the client: report and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught exception: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${describeError(reason)}`));

startServer(connection);
