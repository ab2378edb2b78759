// `postmortem/render` over stdio against the language server run from source: the report of the
// open document's current text (rendered in the analysis worker), its version, the export page,
// and null for what cannot be rendered. The preview's debounce and webview live in the client
// (test/ui covers them in a real VS Code).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { RenderResult } from '../../server/src/lsp/features/render';
import { TestClient } from '../server/client';
import { fromHtml } from 'hast-util-from-html';
import { elements, RENDER_FIXTURES } from './helpers';

const FILE = join(RENDER_FIXTURES, 'report.md');
const URI = pathToFileURL(FILE).href;

describe('postmortem/render', () => {
  let client: TestClient;

  before(async () => {
    // From source the worker compiles the renderer on first use: give it time on a busy machine.
    client = await TestClient.start({ settings: { budgetMs: 30_000 }, initializationOptions: { debounceMs: 20 }, fromSource: true });
    client.open(URI, readFileSync(FILE, 'utf8'));
  });
  after(async () => {
    await client?.stop();
  });

  it('answers with the report body of the open document and its version', async () => {
    const result = await client.request<RenderResult | null>('postmortem/render', { uri: URI });
    assert.ok(result);
    assert.equal(result.version, 1);
    assert.ok(result.html.startsWith('<main class="pm-report">'));
    assert.ok(result.html.includes('Payments API errors after a config push'));
    assert.ok(result.html.includes('class="pm-chart-svg"'));
    assert.ok(!/<style|<script/.test(result.html));
  });

  it('renders the current text right after an edit, without waiting for diagnostics', async () => {
    const version = client.replaceAll(URI, client.text(URI).replace('# Postmortem: Payments API errors after a config push', '# Postmortem: Edited title'));
    const result = await client.request<RenderResult | null>('postmortem/render', { uri: URI });
    assert.equal(result?.version, version);
    assert.ok(result!.html.includes('Postmortem: Edited title'));
  });

  it('resolves relative images against the resource base the preview gives', async () => {
    const resourceBase = 'https://file+.vscode-resource.vscode-cdn.net/reports/report.md';
    const result = await client.request<RenderResult | null>('postmortem/render', { uri: URI, resourceBase });
    assert.ok(result!.html.includes('src="https://file+.vscode-resource.vscode-cdn.net/reports/graphs/errors.png"'));
  });

  it('answers the export with a complete page under its own CSP and no script', async () => {
    const result = await client.request<RenderResult | null>('postmortem/render', { uri: URI, standalone: true });
    assert.ok(result!.html.startsWith('<!doctype html>'));
    const page = elements(fromHtml(result!.html));
    const csp = page.find((e) => e.tagName === 'meta' && String(e.properties['httpEquiv']).toLowerCase() === 'content-security-policy');
    assert.ok(String(csp?.properties['content']).startsWith("default-src 'none'"));
    assert.equal(page.filter((e) => e.tagName === 'script').length, 0);
  });

  it('answers null for a document that is not open, and for malformed parameters', async () => {
    assert.equal(await client.request('postmortem/render', { uri: 'file:///not/open.md' }), null);
    assert.equal(await client.request('postmortem/render', { uri: 42 }), null);
    assert.equal(await client.request('postmortem/render', { uri: URI, standalone: 'yes' }), null);
  });
});
