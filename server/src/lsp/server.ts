// Wires the connection to the pieces: document sync and analysis, features, commands, settings
// and config-file watching. Each handler is guarded (see guard.ts); none parses on this thread.
import { fileURLToPath } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type ExecuteCommandParams,
  type InitializeParams,
  type WorkDoneProgressReporter,
  type InitializeResult,
} from 'vscode-languageserver';
import { Analyses } from './analyses';
import { clientFeatures, COMMANDS, serverCapabilities, type ClientFeatures } from './capabilities';
import { WorkspaceCheck } from './commands/check-all';
import { incidentIndex, openActionItems } from './commands/index-commands';
import { WorkspaceIndex } from './commands/workspace-index';
import { insertTimelineEntry, sortTimeline } from './commands/timeline-commands';
import { ConfigMessages } from './config-messages';
import { codeActions } from './features/code-actions';
import { completion } from './features/completion';
import { hover } from './features/hover';
import { inlayHints } from './features/inlay-hints';
import { documentSymbols } from './features/symbols';
import { registerRender } from './features/render';
import { guard, guardNotification } from './guard';
import { SettingsStore } from './settings-store';
import { STATUS_REQUEST } from './status';
import { EditJournal } from './edit-journal';
import { AnalysisWorkerHost } from './worker-host';
import { resolveWorkerScript } from './worker-script';
import type { PrestartedWorker } from './worker-spawn';

const VERSION = '0.1.0';
const CONFIG_GLOB = '**/.postmortemrc.json';

interface Parts {
  features: ClientFeatures;
  settings: SettingsStore;
  analyses: Analyses;
  hosts: AnalysisWorkerHost[];
  check: WorkspaceCheck;
  index: WorkspaceIndex;
  folders: () => Promise<string[]>;
}

export interface StartOptions {
  /** The first analysis worker, started before the server was loaded (main.ts). */
  prestarted?: PrestartedWorker;
  /** Called once start-up (initialize, initialized) has run: main.ts writes its code cache then. */
  onStartedUp?(): void;
}

function folderUrisOf(params: InitializeParams): string[] {
  return params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
}

function foldersOf(params: InitializeParams): string[] {
  const uris = folderUrisOf(params);
  const paths = uris.flatMap((u) => (u.startsWith('file:') ? [fileURLToPath(u)] : []));
  return paths.length > 0 || !params.rootPath ? paths : [params.rootPath];
}

export function startServer(connection: Connection, options: StartOptions = {}): void {
  // The documents record their edits, so the analysis worker is sent keystrokes, not whole texts.
  const journal = new EditJournal();
  const documents = new TextDocuments(journal.configuration);
  let parts: Parts | undefined;
  const log = (message: string) => connection.console.log(message);

  connection.onInitialize((params): InitializeResult => {
    const features = clientFeatures(params.capabilities);
    const settings = new SettingsStore(connection, params.initializationOptions, features.configurationPull, folderUrisOf(params));
    const configMessages = new ConfigMessages(connection);
    const script = resolveWorkerScript();
    const newHost = (name: string, prestarted?: PrestartedWorker, edits?: EditJournal) =>
      new AnalysisWorkerHost({ name, script, budgetMs: () => settings.current.budgetMs, log, onConfigGood: (file) => configMessages.good(file), prestarted, journal: edits });
    const host = newHost('analysis', options.prestarted, journal);
    // Loading the engine takes longer than the client's initialized/didOpen round trip: take over
    // the worker main.ts started, or start one now.
    host.warm();
    const analyses = new Analyses(connection, documents, host, settings, configMessages);
    const initialFolders = foldersOf(params);
    const folders = async () => {
      if (!features.workspaceFolders) return initialFolders;
      const current = await connection.workspace.getWorkspaceFolders();
      return current ? current.flatMap((f) => (f.uri.startsWith('file:') ? [fileURLToPath(f.uri)] : [])) : initialFolders;
    };
    const hosts = [host];
    // Batch workers start only when first needed, and are told of config changes like the others.
    const batchHost = (name: string) => () => {
      const batch = newHost(name);
      hosts.push(batch);
      return batch;
    };
    const check = new WorkspaceCheck(connection, analyses, settings, batchHost('workspace-check'), folders);
    const index = new WorkspaceIndex(documents, settings, batchHost('workspace-index'), folders);
    parts = { features, settings, analyses, hosts, check, index, folders };
    return { capabilities: serverCapabilities(), serverInfo: { name: 'postmortem-language-server', version: VERSION } };
  });

  connection.onInitialized(
    guardNotification(connection, 'initialized', async () => {
      const p = parts!;
      // After this turn, while the client answers the configuration pull and the worker loads.
      if (options.onStartedUp) setImmediate(options.onStartedUp);
      if (p.features.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' });
      if (p.features.watchedFilesRegistration) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] });
      if (p.features.workspaceFolders) watchFolders(p);
      if (p.features.configurationPull) {
        if (await p.settings.refresh()) p.analyses.revalidateAll();
      } else p.settings.markReadyNow();
    }),
  );

  /** Added and removed workspace folders change which folder's settings a document takes. */
  function watchFolders(p: Parts): void {
    connection.workspace.onDidChangeWorkspaceFolders(
      guardNotification(connection, 'didChangeWorkspaceFolders', async () => {
        // The client's list, as for the workspace walk (folders() above): no second copy to keep in step.
        const current = (await connection.workspace.getWorkspaceFolders()) ?? [];
        if (await p.settings.setFolders(current.map((f) => f.uri))) p.analyses.revalidateAll();
      }),
    );
  }

  connection.onDidChangeConfiguration(
    guardNotification(connection, 'didChangeConfiguration', async (params) => {
      const p = parts;
      if (!p) return;
      if (!(await p.settings.refresh(params.settings))) return;
      p.analyses.revalidateAll();
      if (p.features.inlayHintRefresh) void connection.languages.inlayHint.refresh();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(connection, 'didChangeWatchedFiles', (params) => {
      const p = parts;
      if (!p || !params.changes.some((c) => c.uri.endsWith('.postmortemrc.json'))) return;
      for (const h of p.hosts) h.configChanged();
      p.index.configChanged();
      p.analyses.revalidateAll();
    }),
  );

  // TextDocuments raises didChangeContent for opens too; the first one for a URI is its open.
  documents.onDidChangeContent(
    guardNotification(connection, 'didChange', (e) => {
      const p = parts;
      if (!p) return;
      if (p.analyses.isOpen(e.document.uri)) p.analyses.changed(e.document.uri);
      else {
        p.check.forget(e.document.uri);
        p.analyses.opened(e.document.uri);
      }
    }),
  );
  documents.onDidClose(guardNotification(connection, 'didClose', (e) => parts?.analyses.closed(e.document.uri)));

  connection.onCodeAction(guard(connection, 'codeAction', [], (params, token) => (parts ? codeActions(parts.analyses, params, token, { versionedEdits: parts.features.versionedEdits }) : [])));
  connection.onCompletion(guard(connection, 'completion', [], (params, token) => (parts ? completion(parts.analyses, params, token, { snippets: parts.features.snippets }) : [])));
  connection.onHover(guard(connection, 'hover', null, (params, token) => (parts ? hover(parts.analyses, params, token) : null)));
  connection.languages.inlayHint.on(guard(connection, 'inlayHint', [], (params, token) => (parts ? inlayHints(parts.analyses, params, token, parts.settings.current.inlayHints.enabled) : [])));
  connection.onDocumentSymbol(guard(connection, 'documentSymbol', [], (params, token) => (parts ? documentSymbols(parts.analyses, params, token) : [])));
  connection.onRequest(
    STATUS_REQUEST,
    guard(connection, STATUS_REQUEST, null, (params: { uri?: unknown } | undefined) => (parts && typeof params?.uri === 'string' ? parts.analyses.status(params.uri) : null)),
  );

  registerRender(connection, documents, () => parts && { host: parts.hosts[0]!, settings: parts.settings });

  connection.onExecuteCommand(
    guard(connection, 'executeCommand', null as unknown, (params: ExecuteCommandParams, token: CancellationToken, workDone: WorkDoneProgressReporter): unknown => {
      const p = parts;
      if (!p) return null;
      const args = params.arguments ?? [];
      const options = { versionedEdits: p.features.versionedEdits };
      switch (params.command) {
        case COMMANDS.checkAll:
          return p.check.run(token, workDone);
        case COMMANDS.sortTimeline:
          return sortTimeline(connection, p.analyses, args[0], token, options);
        case COMMANDS.insertTimelineEntry:
          return insertTimelineEntry(connection, p.analyses, args[0], args[1], token, options);
        case COMMANDS.incidentIndex:
          return incidentIndex(p.index, token, workDone);
        case COMMANDS.openActionItems:
          return openActionItems(p.index, token, workDone);
        default:
          return null;
      }
    }),
  );

  connection.onShutdown(() => {
    for (const h of parts?.hosts ?? []) h.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
