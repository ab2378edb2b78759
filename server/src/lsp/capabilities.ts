// What the client can do (read once from initialize) and what this server offers.
import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './convert';

export const COMMANDS = {
  checkAll: 'postmortem.server.checkAll',
  sortTimeline: 'postmortem.server.sortTimeline',
  insertTimelineEntry: 'postmortem.server.insertTimelineEntry',
  incidentIndex: 'postmortem.server.incidentIndex',
  openActionItems: 'postmortem.server.openActionItems',
} as const;

export interface ClientFeatures {
  /** workspace/configuration pulls. */
  configurationPull: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  versionedEdits: boolean;
  snippets: boolean;
  inlayHintRefresh: boolean;
  workspaceFolders: boolean;
}

export function clientFeatures(c: ClientCapabilities): ClientFeatures {
  return {
    configurationPull: c.workspace?.configuration === true,
    configurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    versionedEdits: c.workspace?.workspaceEdit?.documentChanges === true,
    snippets: c.textDocument?.completion?.completionItem?.snippetSupport === true,
    inlayHintRefresh: c.workspace?.inlayHint?.refreshSupport === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
  };
}

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    // "#" starts a heading: offer the missing sections as soon as it is typed.
    completionProvider: { triggerCharacters: ['#'] },
    hoverProvider: true,
    inlayHintProvider: true,
    documentSymbolProvider: { label: 'Postmortem' },
    executeCommandProvider: { commands: Object.values(COMMANDS) },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
