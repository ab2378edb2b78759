// The contract with the language server (server/src/lsp): its commands, the status request and
// notification, and the shapes they answer with. Types are imported from the server so a change
// there fails the client's type check instead of a user's session; nothing of it is bundled.
export type { Status } from '../../server/src/lsp/status';
export type { CheckAllResult } from '../../server/src/lsp/commands/check-all';
export type { EditResult } from '../../server/src/lsp/commands/timeline-commands';
export type { IncidentIndexResult, IncidentRow, OpenActionItemRow, OpenActionItemsResult } from '../../server/src/lsp/commands/index-commands';

/** Executed with workspace/executeCommand; vscode-languageclient also registers them as commands. */
export const SERVER_COMMANDS = {
  checkAll: 'postmortem.server.checkAll',
  sortTimeline: 'postmortem.server.sortTimeline',
  insertTimelineEntry: 'postmortem.server.insertTimelineEntry',
  /** The workspace index: one row per postmortem (the Incidents view). */
  incidentIndex: 'postmortem.server.incidentIndex',
  /** The workspace index: every open action item (Show Open Action Items). */
  openActionItems: 'postmortem.server.openActionItems',
} as const;

export const STATUS_REQUEST = 'postmortem/status';
export const STATUS_CHANGED = 'postmortem/statusChanged';
