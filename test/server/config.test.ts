// Settings (pulled and pushed) and `.postmortemrc.json` files: rules turned off or re-graded,
// inlay hints switched off, a malformed config shown once while the last good one stays in use.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams, ShowMessageParams } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { buildServer, fixture, TempWorkspace } from './setup';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code)).sort();

describe('settings and config files', () => {
  let ws: TempWorkspace;
  const clients: TestClient[] = [];

  async function start(options: Parameters<typeof TestClient.start>[0]) {
    const client = await TestClient.start(options);
    clients.push(client);
    return client;
  }

  /** The next diagnostics for `uri` published after now. */
  function next(client: TestClient, uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true) {
    return client.waitFor<PublishDiagnosticsParams>('diagnostics', (p) => p.uri === uri && test(p));
  }

  before(() => {
    buildServer();
    ws = new TempWorkspace();
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    ws?.remove();
  });

  test('turning a rule off in settings removes its diagnostics; a severity setting re-grades one', async () => {
    const client = await start({ settings: {}, initializationOptions: { debounceMs: 0 } });
    const uri = ws.uriOf('virtual/postmortems/settings.md');
    client.open(uri, fixture('broken.md'));
    assert.ok(codes(await client.diagnosticsFor(uri, 1)).includes('timeline-order'));
    const changed = next(client, uri);
    await client.changeSettings({ rules: { 'timeline-order': 'off', 'duration-mismatch': 'hint' } });
    const p = await changed;
    assert.deepEqual(codes(p), ['duration-mismatch', 'missing-section', 'section-not-heading']);
    assert.equal(p.diagnostics.find((d) => d.code === 'duration-mismatch')!.severity, 4);
  });

  test('inlayHints.enabled: false turns the hints off', async () => {
    const client = await start({ settings: {}, initializationOptions: { debounceMs: 0 } });
    const uri = ws.uriOf('virtual/postmortems/hints.md');
    client.open(uri, fixture('broken.md'));
    await client.diagnosticsFor(uri, 1);
    const range = { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } };
    assert.equal(((await client.request('textDocument/inlayHint', { textDocument: { uri }, range })) as unknown[]).length, 4);
    const changed = next(client, uri);
    await client.changeSettings({ inlayHints: { enabled: false } });
    await changed;
    assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri }, range }), []);
  });

  test('a client without workspace/configuration: initializationOptions, then pushed settings', async () => {
    const client = await start({ noConfigurationPull: true, initializationOptions: { debounceMs: 0, rules: { 'missing-section': 'off' } } });
    const uri = ws.uriOf('virtual/postmortems/push.md');
    client.open(uri, fixture('broken.md'));
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1)), ['duration-mismatch', 'section-not-heading', 'timeline-order']);
    const changed = next(client, uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { postmortem: { rules: { 'section-not-heading': 'off' } } } });
    assert.deepEqual(codes(await changed), ['duration-mismatch', 'missing-section', 'timeline-order']);
  });

  test('.postmortemrc.json applies; a malformed one is shown once and the last good config is kept', async () => {
    const client = await start({ settings: {}, initializationOptions: { debounceMs: 0 } });
    const config = ws.write('project/.postmortemrc.json', JSON.stringify({ rules: { 'section-not-heading': 'off' } }));
    const uri = ws.write('project/postmortems/a.md', fixture('broken.md'));
    client.open(uri, fixture('broken.md'));
    assert.deepEqual(codes(await client.diagnosticsFor(uri, 1)), ['duration-mismatch', 'missing-section', 'timeline-order']);

    ws.write('project/.postmortemrc.json', '{ "rules": { "no-such-rule": "error" } }');
    const warned = client.waitFor<ShowMessageParams>('showMessage', () => true);
    const revalidated = next(client, uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    const message = await warned;
    assert.equal(message.type, 2);
    assert.match(message.message, /\.postmortemrc\.json/);
    assert.match(message.message, /rules\.no-such-rule/);
    assert.deepEqual(codes(await revalidated), ['duration-mismatch', 'missing-section', 'timeline-order'], 'the last good config still applies');

    // More edits under the same broken file: no second message.
    let version = 1;
    for (let i = 0; i < 3; i++) {
      const end = client.docs.get(uri)!.positionAt(client.text(uri).length);
      version = client.change(uri, [{ range: { start: end, end }, text: '\nMore detail.' }]);
    }
    await client.diagnosticsFor(uri, version);
    assert.equal(client.shown.length, 1);

    ws.write('project/.postmortemrc.json', JSON.stringify({ rules: { 'timeline-order': 'off' } }));
    const fixed = next(client, uri);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    assert.deepEqual(codes(await fixed), ['duration-mismatch', 'missing-section', 'section-not-heading']);
    assert.equal(client.shown.length, 1);
  });

  test('a config broken from the start: defaults apply and the problem is shown once', async () => {
    const client = await start({ settings: {}, initializationOptions: { debounceMs: 0 } });
    ws.write('broken-config/.postmortemrc.json', '{ "rules": ');
    const a = ws.write('broken-config/postmortems/a.md', fixture('broken.md'));
    const b = ws.write('broken-config/postmortems/b.md', fixture('broken.md'));
    const warned = client.waitFor<ShowMessageParams>('showMessage', () => true);
    client.open(a, fixture('broken.md'));
    client.open(b, fixture('broken.md'));
    assert.equal(codes(await client.diagnosticsFor(a, 1)).length, 4);
    assert.equal(codes(await client.diagnosticsFor(b, 1)).length, 4);
    assert.match((await warned).message, /is not valid JSON/);
    assert.equal(client.shown.length, 1);
  });
});
