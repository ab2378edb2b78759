// Protocol basics over stdio against the bundled server: initialize, diagnostics on open and on
// incremental edits (UTF-16 ranges), latest-version-wins, closing, status, unknown documents.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams, Registration } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { buildServer, fixture, TempWorkspace } from './setup';

describe('language server protocol', () => {
  let client: TestClient;
  let ws: TempWorkspace;

  before(async () => {
    buildServer();
    ws = new TempWorkspace();
    client = await TestClient.start({ settings: {}, initializationOptions: { debounceMs: 40 } });
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  test('initialize announces incremental sync and every feature', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.hoverProvider);
    assert.ok(caps.inlayHintProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.postmortem']);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['postmortem.server.checkAll', 'postmortem.server.sortTimeline', 'postmortem.server.insertTimelineEntry', 'postmortem.server.incidentIndex', 'postmortem.server.openActionItems']);
    assert.equal(client.initializeResult.serverInfo?.name, 'postmortem-language-server');
  });

  test('registers a watcher for .postmortemrc.json once initialized', async () => {
    const isWatcher = (r: Registration) => r.method === 'workspace/didChangeWatchedFiles';
    const watcher = await client.waitFor('registration', isWatcher, 5000, () => client.registrations.find(isWatcher));
    assert.deepEqual(watcher.registerOptions, { watchers: [{ globPattern: '**/.postmortemrc.json' }] });
  });

  test('didOpen publishes diagnostics whose UTF-16 ranges cover the right text', async () => {
    const uri = ws.uriOf('postmortems/broken.md');
    client.open(uri, fixture('broken.md'));
    const published = await client.diagnosticsFor(uri, 1);
    const codes = published.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order']);
    const duration = published.diagnostics.find((d) => d.code === 'duration-mismatch')!;
    // Two astral emoji (two UTF-16 units each) precede the stated duration on its line.
    assert.deepEqual(duration.range.start, { line: 4, character: 52 });
    assert.equal(client.docs.get(uri)!.getText(duration.range), '2 hours');
    assert.equal(duration.severity, 1);
    assert.equal(duration.source, 'postmortem');
    const order = published.diagnostics.find((d) => d.code === 'timeline-order')!;
    assert.equal(order.range.start.line, 12);
    assert.equal(order.severity, 2);
  });

  test('incremental edits: diagnostics follow the text', async () => {
    const uri = ws.uriOf('postmortems/broken.md');
    // Correct the stated duration in place: "(2 hours)" -> "(2 hours 30 minutes)".
    const v2 = client.change(uri, [{ range: { start: { line: 4, character: 59 }, end: { line: 4, character: 59 } }, text: ' 30 minutes' }]);
    const p2 = await client.diagnosticsFor(uri, v2);
    assert.ok(!p2.diagnostics.some((d) => d.code === 'duration-mismatch'), JSON.stringify(p2.diagnostics));
    // Two lines above everything: every range moves down by two.
    const v3 = client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Written by the checkout team.\n\n' }]);
    const p3 = await client.diagnosticsFor(uri, v3);
    assert.equal(p3.diagnostics.find((d) => d.code === 'timeline-order')!.range.start.line, 14);
  });

  test('a burst of edits publishes only the latest version', async () => {
    const uri = ws.uriOf('postmortems/burst.md');
    client.open(uri, fixture('broken.md'));
    await client.diagnosticsFor(uri, 1);
    const seen = client.published.get(uri)!.length;
    let version = 1;
    for (let i = 0; i < 30; i++) {
      const end = client.docs.get(uri)!.positionAt(client.text(uri).length);
      version = client.change(uri, [{ range: { start: end, end }, text: `\nline ${i}` }]);
    }
    await client.diagnosticsFor(uri, version);
    const after = client.published.get(uri)!.slice(seen);
    assert.deepEqual(after.map((p) => p.version), [version]);
  });

  test('the worker, sent edits rather than texts, reaches the same diagnostics as a fresh open', async () => {
    // Edits of every kind, some waited for and some in bursts (skipped versions join their edits),
    // several changes in one notification, CRLF and astral characters.
    const uri = ws.uriOf('postmortems/edited.md');
    client.open(uri, fixture('broken.md'));
    await client.diagnosticsFor(uri, 1);
    const pieces = ['x', '\n', '\r\n', '- **14:05 UTC:** paged\n', '😀', '', '## Timeline\n\n', 'TODO '];
    let version = 1;
    for (let i = 0; i < 40; i++) {
      const doc = client.docs.get(uri)!;
      const n = doc.getText().length;
      const at = (k: number) => doc.positionAt(Math.floor(((k * 0.618034) % 1) * n));
      const first = { range: { start: at(i), end: at(i) }, text: pieces[i % pieces.length]! };
      version = client.change(uri, i % 5 === 4 ? [first, { range: { start: at(i + 7), end: at(i + 9) }, text: '' }] : [first]);
      if (i % 3 === 0) await client.diagnosticsFor(uri, version);
    }
    const edited = await client.diagnosticsFor(uri, version);
    const fresh = ws.uriOf('postmortems/edited-fresh.md');
    client.open(fresh, client.text(uri));
    const opened = await client.diagnosticsFor(fresh, 1);
    const shape = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => [d.code, d.message, d.range]);
    assert.ok(edited.diagnostics.length > 0);
    assert.deepEqual(shape(edited), shape(opened));
  });

  test('a request sent as soon as diagnostics arrive answers from the version they are for', async () => {
    // Diagnostics go out before the worker has built the facts requests read: such a request
    // must wait for them rather than answer from the previous version.
    const uri = ws.uriOf('postmortems/early.md');
    const text = fixture('broken.md');
    client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const line = text.split('\n').indexOf('## Resolution');
    const version = client.change(uri, [{ range: { start: { line, character: 3 }, end: { line, character: 13 } }, text: 'Recovery' }]);
    await client.diagnosticsFor(uri, version);
    const symbols = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })) as { children?: { name: string }[] }[];
    assert.deepEqual(symbols[0]!.children!.map((c) => c.name), ['Issue Summary', 'Timeline', 'Recovery']);
    const status = (await client.request('postmortem/status', { uri })) as { analysedVersion: number };
    assert.equal(status.analysedVersion, version);
  });

  test('statusChanged follows publication and postmortem/status answers', async () => {
    const uri = ws.uriOf('postmortems/status.md');
    const status = client.waitFor<{ uri: string; analysedVersion: number }>('status', (s) => s.uri === uri);
    client.open(uri, fixture('broken.md'));
    const notified = await status;
    assert.equal(notified.analysedVersion, 1);
    const { analysisMs, ...answer } = (await client.request('postmortem/status', { uri })) as { analysisMs: number };
    assert.ok(typeof analysisMs === 'number' && analysisMs > 0, `analysisMs: ${analysisMs}`);
    assert.deepEqual(answer, {
      uri,
      isPostmortem: true,
      template: 'issue-summary',
      templateName: 'Issue Summary',
      problems: { errors: 1, warnings: 3, infos: 0 },
      analysedVersion: 1,
      cutShort: false,
    });
  });

  test('ordinary Markdown gets no diagnostics and is not a postmortem', async () => {
    const uri = ws.uriOf('docs/readme.md');
    client.open(uri, '# Installing\n\nRun `npm install`.\n\n## Usage\n\nSee the docs.\n');
    const p = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(p.diagnostics, []);
    assert.equal(((await client.request('postmortem/status', { uri })) as { isPostmortem: boolean }).isPostmortem, false);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = ws.uriOf('postmortems/close.md');
    client.open(uri, fixture('broken.md'));
    await client.diagnosticsFor(uri, 1, (p) => p.diagnostics.length > 0);
    const cleared = client.waitFor<PublishDiagnosticsParams>('diagnostics', (p) => p.uri === uri && p.diagnostics.length === 0);
    client.close(uri);
    await cleared;
    assert.equal(await client.request('postmortem/status', { uri }), null);
  });

  test('requests about unknown or closed documents answer empty, never fail', async () => {
    const uri = 'file:///nowhere/never-opened.md';
    const td = { textDocument: { uri } };
    const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
    assert.equal(await client.request('textDocument/hover', { ...td, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/completion', { ...td, position: { line: 0, character: 0 } }), []);
    assert.deepEqual(await client.request('textDocument/documentSymbol', td), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { ...td, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await client.request('textDocument/inlayHint', { ...td, range }), []);
    assert.equal(await client.request('postmortem/status', { uri }), null);
    assert.equal(await client.request('postmortem/status', null), null);
    const sorted = (await client.request('workspace/executeCommand', { command: 'postmortem.server.sortTimeline', arguments: [uri] })) as { applied: boolean };
    assert.equal(sorted.applied, false);
    const inserted = (await client.request('workspace/executeCommand', { command: 'postmortem.server.insertTimelineEntry', arguments: [42, 'x'] })) as { applied: boolean };
    assert.equal(inserted.applied, false);
    assert.equal(await client.request('workspace/executeCommand', { command: 'postmortem.server.unknown', arguments: [] }), null);
  });

  test('malformed incremental edits do not crash the server', async () => {
    const uri = ws.uriOf('postmortems/malformed.md');
    client.open(uri, fixture('broken.md'));
    await client.diagnosticsFor(uri, 1);
    const send = (version: number, contentChanges: unknown[]) => client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    await send(2, [{ range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 5 } }, text: 'past the end' }]);
    await send(3, [{ range: { start: { line: 5, character: 10 }, end: { line: 2, character: 0 } }, text: 'backwards' }]);
    await send(4, [{ range: { start: { line: -3, character: -1 }, end: { line: 0, character: 99999 } }, text: '# Postmortem: replaced' }]);
    await send(5, [{ range: { start: { line: 0, character: 0 } }, text: 'no end' }]);
    await send(6, []);
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///not/open.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    // Out-of-order versions: an older version number after a newer one.
    await send(3, [{ text: fixture('broken.md') }]);
    await send(10, [{ text: fixture('broken.md') }]);
    const p = await client.diagnosticsFor(uri, 10);
    assert.equal(p.diagnostics.length, 4);
    assert.notEqual(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 6 } }), null);
  });

  test('the server also runs from source under tsx, with its TypeScript worker', async () => {
    const source = await TestClient.start({ settings: {}, fromSource: true });
    try {
      const uri = ws.uriOf('postmortems/source.md');
      source.open(uri, fixture('broken.md'));
      assert.equal((await source.diagnosticsFor(uri, 1, () => true, 30_000)).diagnostics.length, 4);
    } finally {
      await source.stop();
    }
  });
});
