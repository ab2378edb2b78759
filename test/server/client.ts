// A real LSP client for protocol tests: spawns the bundled server (`node dist/server.js --stdio`)
// and talks to it with vscode-jsonrpc over the child's stdio. It answers the server's requests
// (workspace/configuration, applyEdit, registrations) the way an editor would, keeps its own copy
// of each open document, and lets tests wait for events with timeouts instead of sleeping.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  WorkspaceFoldersRequest,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    applyEdit: true,
    workspaceFolders: false,
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true },
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    inlayHint: {},
  },
  window: { workDoneProgress: false },
};

export interface StartOptions {
  initializationOptions?: unknown;
  /** Answer to workspace/configuration for section `postmortem`; null when no settings. */
  settings?: Record<string, unknown> | null;
  /** Answers for items whose scopeUri is one of these workspace folders (else `settings`). */
  folderSettings?: Record<string, Record<string, unknown> | null>;
  /** Workspace folder URIs: the client then declares workspace folder support (multi-root). */
  workspaceFolders?: string[];
  /** Client without workspace/configuration support. */
  noConfigurationPull?: boolean;
  rootUri?: string;
  /** Run the TypeScript sources under tsx instead of the bundle. */
  fromSource?: boolean;
  /** Extra environment variables for the server process. */
  env?: Record<string, string>;
}

export class TestClient {
  readonly events = new EventEmitter();
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly shown: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  readonly docs = new Map<string, TextDocument>();
  settings: Record<string, unknown> | null;
  folderSettings: Record<string, Record<string, unknown> | null>;
  /** The workspace folders, when the client declares support for them. */
  folders: string[] | undefined;
  /** Every workspace/configuration request's items, in order. */
  readonly configurationItems: Array<{ scopeUri?: string | undefined; section?: string | undefined }[]> = [];
  initializeResult!: InitializeResult;
  private exited = false;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? null;
    this.folderSettings = options.folderSettings ?? {};
    this.folders = options.workspaceFolders ? [...options.workspaceFolders] : undefined;
    this.events.setMaxListeners(0);
    child.on('exit', () => {
      this.exited = true;
      this.events.emit('exit');
    });
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const args = options.fromSource ? ['--import', 'tsx', join(ROOT, 'server', 'src', 'lsp', 'main.ts'), '--stdio'] : [SERVER, '--stdio'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', (d: Buffer) => client.logs.push(`[stderr] ${d.toString()}`));
    client.wire();
    connection.listen();
    const capabilities: ClientCapabilities = structuredClone(CAPABILITIES);
    if (options.noConfigurationPull) capabilities.workspace!.configuration = false;
    if (options.workspaceFolders) capabilities.workspace!.workspaceFolders = true;
    const folders = options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? (options.rootUri ? [{ uri: options.rootUri, name: 'root' }] : null);
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? options.workspaceFolders?.[0] ?? null,
      capabilities,
      initializationOptions: options.initializationOptions,
      workspaceFolders: folders,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      this.events.emit('diagnostics', p);
    });
    c.onNotification(ShowMessageNotification.type, (p) => {
      this.shown.push(p);
      this.events.emit('showMessage', p);
    });
    c.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
    });
    c.onNotification('postmortem/statusChanged', (p: unknown) => {
      this.events.emit('status', p);
    });
    c.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationItems.push(p.items);
      // Like an editor: a folder's answer is its own settings where it has any, the window's otherwise.
      return p.items.map((item) => (item.section !== 'postmortem' ? null : item.scopeUri !== undefined && item.scopeUri in this.folderSettings ? this.folderSettings[item.scopeUri]! : this.settings));
    });
    c.onRequest(WorkspaceFoldersRequest.type, () => this.folders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null);
    c.onRequest(RegistrationRequest.type, (p) => {
      for (const r of p.registrations) {
        this.registrations.push(r);
        this.events.emit('registration', r);
      }
    });
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/inlayHint/refresh', () => null);
    c.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.applied.push(p);
      for (const change of p.edit.documentChanges ?? []) {
        if (!('textDocument' in change)) continue;
        const doc = this.docs.get(change.textDocument.uri);
        if (!doc || (change.textDocument.version !== null && change.textDocument.version !== doc.version)) return { applied: false, failureReason: 'version mismatch' };
        this.replaceAll(change.textDocument.uri, applyTextEdits(doc.getText(), change.edits as TextEdit[]));
      }
      for (const [uri, edits] of Object.entries(p.edit.changes ?? {})) {
        const doc = this.docs.get(uri);
        if (doc) this.replaceAll(uri, applyTextEdits(doc.getText(), edits));
      }
      return { applied: true };
    });
  }

  open(uri: string, text: string, version = 1): void {
    this.docs.set(uri, TextDocument.create(uri, 'markdown', version, text));
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Sends incremental changes and mirrors them in the client's copy. Returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    TextDocument.update(doc, changes, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the whole text with one incremental change (as an editor does after applyEdit). */
  replaceAll(uri: string, text: string): number {
    const doc = this.docs.get(uri)!;
    return this.change(uri, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, text }]);
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** Adds and removes workspace folders, as an editor does when the user changes them. */
  async changeFolders(added: string[], removed: string[]): Promise<void> {
    this.folders = [...(this.folders ?? []).filter((u) => !removed.includes(u)), ...added];
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: added.map((uri) => ({ uri, name: uri })), removed: removed.map((uri) => ({ uri, name: uri })) },
    });
  }

  async changeSettings(settings: Record<string, unknown> | null): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Waits for an event whose payload satisfies `test`, checking what already arrived via `already`. */
  waitFor<T>(event: string, test: (payload: T) => boolean, timeoutMs = 10_000, already?: () => T | undefined): Promise<T> {
    const found = already?.();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off(event, listener);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${event}\n${this.logs.slice(-20).join('\n')}`));
      }, timeoutMs);
      const listener = (payload: T) => {
        if (!test(payload)) return;
        clearTimeout(timer);
        this.events.off(event, listener);
        resolve(payload);
      };
      this.events.on(event, listener);
    });
  }

  /** The next (or already received) diagnostics for `uri` at `version`, optionally matching `test`. */
  diagnosticsFor(uri: string, version?: number, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const ok = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version) && test(p);
    return this.waitFor('diagnostics', ok, timeoutMs, () => [...(this.published.get(uri) ?? [])].reverse().find(ok));
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.events.once('exit', () => resolve()));
    let patience: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => (patience = setTimeout(r, 2000)))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    } finally {
      clearTimeout(patience);
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** Applies LSP text edits (non-overlapping, positions in the original text) to a string. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const doc = TextDocument.create('x:', 'markdown', 0, text);
  return TextDocument.applyEdits(doc, [...edits]);
}
