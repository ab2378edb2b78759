// "Check all postmortems": every Markdown file under the workspace folder is analysed in the
// worker and postmortems get diagnostics even though they are not open.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { buildServer, fixture, TempWorkspace } from './setup';

describe('workspace check', () => {
  let client: TestClient;
  let ws: TempWorkspace;

  before(async () => {
    buildServer();
    ws = new TempWorkspace();
    ws.write('postmortems/2024-05-20-checkout.md', fixture('broken.md'));
    ws.write('postmortems/2024-05-20-web-app.md', fixture('clean.md'));
    ws.write('docs/readme.md', '# Project\n\nNothing to see.\n');
    ws.write('docs/deep/er/db-outage.md', fixture('broken.md'));
    ws.write('node_modules/pkg/postmortem.md', fixture('broken.md'));
    ws.write('.git/postmortem.md', fixture('broken.md'));
    ws.write('notes.txt', 'not markdown');
    client = await TestClient.start({ settings: {}, rootUri: ws.uri });
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  test('checkAll analyses every Markdown file and publishes problems of the postmortems', async () => {
    const result = await client.request('workspace/executeCommand', { command: 'postmortem.server.checkAll', arguments: [] });
    assert.deepEqual(result, { files: 4, postmortems: 3, problems: 8, cutShort: 0, truncated: false, cancelled: false });
    const checkout = await client.diagnosticsFor(ws.uriOf('postmortems/2024-05-20-checkout.md'));
    assert.equal(checkout.diagnostics.length, 4);
    const deep = await client.diagnosticsFor(ws.uriOf('docs/deep/er/db-outage.md'));
    assert.equal(deep.diagnostics.length, 4);
    assert.deepEqual((await client.diagnosticsFor(ws.uriOf('postmortems/2024-05-20-web-app.md'))).diagnostics, []);
    assert.equal(client.published.get(ws.uriOf('docs/readme.md')), undefined);
    assert.equal(client.published.get(ws.uriOf('node_modules/pkg/postmortem.md')), undefined);
  });

  test('an open document counts with its live text; a fixed file is cleared on the next run', async () => {
    const uri = ws.uriOf('postmortems/2024-05-20-checkout.md');
    client.open(uri, fixture('clean.md'));
    await client.diagnosticsFor(uri, 1, (p) => p.diagnostics.length === 0);
    ws.write('docs/deep/er/db-outage.md', '# Shopping list\n\nMilk, bread.\n');
    const cleared = client.waitFor<PublishDiagnosticsParams>('diagnostics', (p) => p.uri === ws.uriOf('docs/deep/er/db-outage.md') && p.diagnostics.length === 0);
    const result = await client.request('workspace/executeCommand', { command: 'postmortem.server.checkAll', arguments: [] });
    assert.deepEqual(result, { files: 4, postmortems: 2, problems: 0, cutShort: 0, truncated: false, cancelled: false });
    await cleared;
  });
});
