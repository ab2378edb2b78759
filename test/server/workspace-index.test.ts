// The workspace index over the protocol: `postmortem.server.incidentIndex` (the Incidents view)
// and `postmortem.server.openActionItems` (Show Open Action Items) on a temporary workspace, with
// one document open whose unsaved text differs from the file on disk.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import type { IncidentIndexResult, OpenActionItemsResult } from '../../server/src/lsp/commands/index-commands';
import { analyze } from '../../server/src/core';
import { TestClient } from './client';
import { buildServer, TempWorkspace } from './setup';

const DB = `# Postmortem: Database failover

**Severity:** SEV-2

## Issue Summary

**Duration:** May 20, 2024, 14:00 - 16:30 UTC (2 hours 30 minutes)

**Impact:** Writes failed for 90% of users.

## Timeline

- **14:00 UTC:** Writes start failing.
- **14:05 UTC:** [detected] Error-rate alert.
- **16:30 UTC:** [resolved] Service restored.

## Root Cause

A stale replica was promoted.

## Corrective and Preventative Measures

- [ ] Check replica lag before promotion (owner: @amy, due: 2024-06-30)
- [x] Page on replication lag (owner: @bo, due: 2024-06-01)
- [ ] Write the failover runbook (owner: @cy)
`;

const QUEUE = `# Incident report: queue backlog

**Severity:** SEV1

## Summary

**Duration:** July 2, 2024, 09:00 - 09:30 UTC (30 minutes)

## Timeline

- **09:00 UTC:** Queue depth grows.
- **09:30 UTC:** Backlog drained.

## Root Cause

A consumer crashed.

## Action Items

| Action | Owner | Due | Status |
| --- | --- | --- | --- |
| Add a dead-letter queue | @ines | 2099-01-15 | open |
| Alert on consumer lag | @ola | 2099-01-10 | done |
`;

/** On disk: one open item; in the editor (unsaved): a different one, and a new severity. */
const CACHE_DISK = `# Postmortem: Cache stampede

**Severity:** SEV3

## Summary

**Duration:** August 1, 2024, 10:00 - 10:45 UTC (45 minutes)

## Timeline

- **10:00 UTC:** Cache cleared.

## Root Cause

TTLs expired together.

## Action Items

- [ ] Item only on disk (owner: @dan, due: 2099-03-01)
`;
const CACHE_EDITOR = CACHE_DISK.replace('SEV3', 'SEV0').replace('- [ ] Item only on disk (owner: @dan, due: 2099-03-01)', '- [x] Item only on disk\n- [ ] Item only in the editor (owner: @eve, due: 2099-02-01)');

/** 0-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle));
}

describe('workspace index', () => {
  let client: TestClient;
  let ws: TempWorkspace;

  const run = <R>(command: string, token?: CancellationTokenSource) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [] }, token?.token) as Promise<R>;

  before(async () => {
    buildServer();
    ws = new TempWorkspace();
    ws.write('postmortems/2024-05-20-db.md', DB);
    ws.write('incidents/2024-07-02-queue.md', QUEUE);
    ws.write('postmortems/2024-08-01-cache.md', CACHE_DISK);
    ws.write('docs/readme.md', '# Project\n\n- [ ] buy milk (a task list, but not from an incident)\n');
    ws.write('node_modules/pkg/postmortem.md', DB);
    client = await TestClient.start({ settings: {}, rootUri: ws.uri, initializationOptions: { debounceMs: 0 } });
    client.open(ws.uriOf('postmortems/2024-08-01-cache.md'), CACHE_EDITOR);
    await client.diagnosticsFor(ws.uriOf('postmortems/2024-08-01-cache.md'), 1);
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  test('incidentIndex: one row per postmortem with date, severity, duration, items and problems; open documents as edited', async () => {
    const result = await run<IncidentIndexResult>('postmortem.server.incidentIndex');
    assert.equal(result.files, 4);
    assert.equal(result.postmortems, 3, JSON.stringify(result.incidents.map((r) => r.path)));
    assert.equal(result.cancelled, false);
    const rows = result.incidents.map((r) => [r.path, r.title, r.date, r.severity, r.severityRank, r.durationMinutes, r.openActionItems, r.actionItems, r.overdueActionItems]);
    assert.deepEqual(rows, [
      ['incidents/2024-07-02-queue.md', 'Incident report: queue backlog', '2024-07-02', 'SEV1', 1, 30, 1, 2, 0],
      ['postmortems/2024-05-20-db.md', 'Postmortem: Database failover', '2024-05-20', 'SEV-2', 2, 150, 2, 3, 1],
      ['postmortems/2024-08-01-cache.md', 'Postmortem: Cache stampede', '2024-08-01', 'SEV0', 0, 45, 1, 2, 0],
    ]);
    const db = result.incidents.find((r) => r.path.endsWith('db.md'))!;
    assert.equal(db.uri, ws.uriOf('postmortems/2024-05-20-db.md'));
    assert.deepEqual([db.ttdMinutes, db.ttaMinutes, db.ttmMinutes, db.ttrMinutes], [5, null, null, 150]);
    // Problems are the engine's findings for the same text (the overdue item is one of them).
    const findings = analyze(DB, { path: join(ws.dir, 'postmortems', '2024-05-20-db.md') }).findings;
    assert.ok(findings.some((f) => f.ruleId === 'action-item-overdue'));
    assert.equal(db.problems, findings.length);
    const cache = result.incidents.find((r) => r.path.endsWith('cache.md'))!;
    assert.equal(cache.problems, analyze(CACHE_EDITOR, { path: join(ws.dir, 'postmortems', '2024-08-01-cache.md') }).findings.length);
    assert.ok(!('openItems' in db), 'rows leave the items to openActionItems');
  });

  test('openActionItems: every open item, overdue first, with owner, due date and line; unsaved text wins', async () => {
    const result = await run<OpenActionItemsResult>('postmortem.server.openActionItems');
    assert.equal(result.postmortems, 3);
    const items = result.items.map((i) => [i.text, i.owner, i.due, i.overdue, i.path, i.line]);
    assert.deepEqual(items, [
      ['Check replica lag before promotion (owner: @amy, due: 2024-06-30)', '@amy', '2024-06-30', true, 'postmortems/2024-05-20-db.md', lineOf(DB, 'Check replica lag')],
      ['Add a dead-letter queue', '@ines', '2099-01-15', false, 'incidents/2024-07-02-queue.md', lineOf(QUEUE, 'dead-letter')],
      ['Item only in the editor (owner: @eve, due: 2099-02-01)', '@eve', '2099-02-01', false, 'postmortems/2024-08-01-cache.md', lineOf(CACHE_EDITOR, 'only in the editor')],
      ['Write the failover runbook (owner: @cy)', '@cy', null, false, 'postmortems/2024-05-20-db.md', lineOf(DB, 'failover runbook')],
    ]);
    assert.deepEqual(items.map((i) => i[5]), [22, 21, 19, 24], 'lines are 0-based');
    const overdue = result.items[0]!;
    assert.ok(overdue.daysLate !== null && overdue.daysLate > 100, `daysLate ${overdue.daysLate}`);
    assert.equal(overdue.incident, 'Postmortem: Database failover');
    assert.equal(overdue.uri, ws.uriOf('postmortems/2024-05-20-db.md'));
  });

  test('a later run sees files changed on disk and edits of open documents; closed documents are read from disk again', async () => {
    ws.write('incidents/2024-07-02-queue.md', QUEUE.replace('| open |', '| done |'));
    const cacheUri = ws.uriOf('postmortems/2024-08-01-cache.md');
    const version = client.replaceAll(cacheUri, CACHE_EDITOR.replace('Item only in the editor', 'Renamed in the editor'));
    await client.diagnosticsFor(cacheUri, version);
    let texts = (await run<OpenActionItemsResult>('postmortem.server.openActionItems')).items.map((i) => i.text.split(' (')[0]);
    assert.deepEqual(texts, ['Check replica lag before promotion', 'Renamed in the editor', 'Write the failover runbook']);
    client.close(cacheUri);
    texts = (await run<OpenActionItemsResult>('postmortem.server.openActionItems')).items.map((i) => i.text.split(' (')[0]);
    assert.deepEqual(texts, ['Check replica lag before promotion', 'Item only on disk', 'Write the failover runbook']);
  });

  test('a cancelled request stops the walk and says so', async () => {
    // Enough files that the walk is still going when the cancellation arrives.
    for (let i = 0; i < 40; i++) ws.write(`notes/n${i}/note-${i}.md`, `# Note ${i}\n\nNothing here.\n`);
    const source = new CancellationTokenSource();
    const pending = run<IncidentIndexResult | null>('postmortem.server.incidentIndex', source);
    source.cancel();
    const result = await pending.catch((e: Error) => e);
    // Either the server noticed and answered "cancelled", or the connection gave up on the request.
    if (result instanceof Error) assert.match(result.message, /cancel/i);
    else assert.equal(result?.cancelled, true, JSON.stringify(result));
  });
});
