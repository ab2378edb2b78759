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

  test('multi-root: each workspace folder\'s settings apply to its documents; folder changes re-read them', async () => {
    const [a, b, nested, later] = ['multi/a', 'multi/b', 'multi/a/nested', 'multi/later'].map((f) => ws.uriOf(f));
    const client = await start({
      settings: { rules: { 'section-not-heading': 'off' } },
      folderSettings: { [b!]: { rules: { 'timeline-order': 'off' } }, [nested!]: { rules: { 'duration-mismatch': 'off' } }, [later!]: { rules: { 'missing-section': 'off' } } },
      workspaceFolders: [a!, b!, nested!],
      initializationOptions: { debounceMs: 0 },
    });
    const docs = { a: `${a}/postmortems/x.md`, b: `${b}/postmortems/x.md`, nested: `${nested}/postmortems/x.md`, outside: ws.uriOf('elsewhere/postmortems/x.md'), later: `${later}/postmortems/x.md` };
    for (const uri of Object.values(docs)) client.open(uri, fixture('broken.md'));
    // The window's settings where no folder has its own; the innermost folder's where one does.
    assert.deepEqual(codes(await client.diagnosticsFor(docs.a, 1)), ['duration-mismatch', 'missing-section', 'timeline-order']);
    assert.deepEqual(codes(await client.diagnosticsFor(docs.b, 1)), ['duration-mismatch', 'missing-section', 'section-not-heading']);
    assert.deepEqual(codes(await client.diagnosticsFor(docs.nested, 1)), ['missing-section', 'section-not-heading', 'timeline-order']);
    assert.deepEqual(codes(await client.diagnosticsFor(docs.outside, 1)), ['duration-mismatch', 'missing-section', 'timeline-order']);
    assert.deepEqual(codes(await client.diagnosticsFor(docs.later, 1)), ['duration-mismatch', 'missing-section', 'timeline-order']);
    // One pull: the window's item, then one per folder with its URI as scope.
    assert.deepEqual(client.configurationItems[0]!.map((i) => i.scopeUri), [undefined, nested, a, b].map((u) => u));

    // Folder b leaves the workspace and `later` joins it: both documents are checked again.
    const bAgain = next(client, docs.b);
    const laterAgain = next(client, docs.later);
    await client.changeFolders([later!], [b!]);
    assert.deepEqual(codes(await bAgain), ['duration-mismatch', 'missing-section', 'timeline-order']);
    assert.deepEqual(codes(await laterAgain), ['duration-mismatch', 'section-not-heading', 'timeline-order']);
  });

  test('the project file\'s default template wins over the setting; the setting\'s rule severity wins over the file', async () => {
    const client = await start({ settings: { defaultTemplate: 'google-sre', rules: { 'missing-section': 'hint' } }, initializationOptions: { debounceMs: 0 } });
    ws.write('precedence/.postmortemrc.json', JSON.stringify({ defaultTemplate: 'generic', rules: { 'missing-section': 'error' } }));
    // Every section of the generic template, few of google-sre's.
    const text = '# DB outage\n\n## Summary\n\nThe primary failed.\n\n## Timeline\n\n- 10:00 UTC alert\n- 10:30 UTC resolved\n\n## Root Cause\n\nDisk full.\n\n## Action Items\n\n- [ ] Alert on disk usage\n';
    const generic = ws.write('precedence/postmortems/a.md', text);
    client.open(generic, text);
    assert.deepEqual(codes(await client.diagnosticsFor(generic, 1)).filter((c) => c === 'missing-section'), []);
    const shorter = text.slice(0, text.indexOf('## Action Items'));
    const noActions = ws.write('precedence/postmortems/b.md', shorter);
    client.open(noActions, shorter);
    const missingHere = (await client.diagnosticsFor(noActions, 1)).diagnostics.filter((d) => d.code === 'missing-section');
    assert.equal(missingHere.length, 1, 'only the generic template\'s Action Items');
    assert.equal(missingHere[0]!.severity, 4, 'the setting\'s severity');
    // Without the file, the setting's template applies, and its missing sections are hints.
    const sre = ws.uriOf('virtual/postmortems/sre.md');
    client.open(sre, text);
    const missing = (await client.diagnosticsFor(sre, 1)).diagnostics.filter((d) => d.code === 'missing-section');
    assert.ok(missing.length > 0);
    assert.ok(missing.every((d) => d.severity === 4));
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
