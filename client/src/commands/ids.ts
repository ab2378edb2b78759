// The client's command ids, contributed in package.json. The server's own commands
// (protocol.ts) are registered by vscode-languageclient under other ids.
export const COMMANDS = {
  newPostmortem: 'postmortem.newPostmortem',
  insertTimelineEntry: 'postmortem.insertTimelineEntry',
  sortTimeline: 'postmortem.sortTimeline',
  checkAll: 'postmortem.checkAll',
  restartServer: 'postmortem.restartServer',
  showOpenActionItems: 'postmortem.showOpenActionItems',
  refreshIncidents: 'postmortem.incidentIndex.refresh',
  sortIncidents: 'postmortem.incidentIndex.sortBy',
} as const;
