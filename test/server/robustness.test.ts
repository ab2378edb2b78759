// The server under load and faults: a document the parser is slow on must not block requests on
// other documents and is cut short at its budget; 1,000 open documents; random incremental edits
// whose diagnostics must equal a fresh analysis of the same text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { buildServer, fixture, TempWorkspace } from './setup';

describe('robustness', () => {
  let ws: TempWorkspace;
  const clients: TestClient[] = [];
  async function start(options: Parameters<typeof TestClient.start>[0]) {
    const client = await TestClient.start(options);
    clients.push(client);
    return client;
  }

  before(() => {
    buildServer();
    ws = new TempWorkspace();
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
    ws?.remove();
  });

  test('a pathological document does not block requests on others and is cut short at its budget', async () => {
    const client = await start({ settings: {}, initializationOptions: { debounceMs: 0, budgetMs: 1500 } });
    const other = ws.uriOf('postmortems/other.md');
    client.open(other, fixture('broken.md'));
    await client.diagnosticsFor(other, 1);

    // 5,000 nested block quotes: remark-parse needs several seconds (far over the budget).
    const slow = ws.uriOf('postmortems/quotes.md');
    const cutShort = client.diagnosticsFor(slow, 1, (p) => p.diagnostics.some((d) => d.code === 'analysis-cut-short'), 30_000);
    let cut = false;
    void cutShort.then(() => (cut = true));
    client.open(slow, `# Postmortem: quotes\n\n## Timeline\n\n${'> '.repeat(5000)}deep\n`);

    const timings: number[] = [];
    while (!cut && timings.length < 20) {
      const t = performance.now();
      const [symbols, hover] = await Promise.all([
        client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: other } }),
        client.request<Hover | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 11, character: 6 } }),
      ]);
      if (cut) break; // answered after the worker was replaced: does not count
      timings.push(performance.now() - t);
      assert.equal(symbols.length, 1);
      assert.ok(hover);
    }
    const published = await cutShort;
    assert.ok(timings.length >= 3, `only ${timings.length} request rounds ran during the slow analysis`);
    assert.ok(Math.max(...timings) < 1000, `requests on another document took ${timings.map(Math.round).join(', ')} ms`);
    const note = published.diagnostics.find((d) => d.code === 'analysis-cut-short')!;
    assert.equal(note.severity, 3);
    assert.match(note.message as string, /cut short after 1500 ms/);
    assert.equal(((await client.request('postmortem/status', { uri: slow })) as { cutShort: boolean }).cutShort, true);

    // A fresh worker took over: the other document is still analysed.
    const end = client.docs.get(other)!.positionAt(client.text(other).length);
    const version = client.change(other, [{ range: { start: end, end }, text: '\nOne more line.\n' }]);
    assert.equal((await client.diagnosticsFor(other, version)).diagnostics.length, 4);
  });

  test('1,000 documents open at once', async () => {
    const client = await start({ settings: {}, initializationOptions: { debounceMs: 0 } });
    const broken = fixture('broken.md');
    const uris = Array.from({ length: 1000 }, (_, i) => ws.uriOf(i % 2 === 0 ? `postmortems/many-${i}.md` : `docs/many-${i}.md`));
    const started = performance.now();
    uris.forEach((uri, i) => client.open(uri, i % 2 === 0 ? broken : `# Note ${i}\n\nJust notes.\n`));
    const all = await Promise.all(uris.map((uri) => client.diagnosticsFor(uri, 1, () => true, 120_000)));
    const ms = performance.now() - started;
    assert.ok(all.every((p, i) => p.diagnostics.length === (i % 2 === 0 ? 4 : 0)));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uris[500] }, position: { line: 11, character: 6 } });
    assert.ok(hover);
    const cleared = Promise.all(uris.map((uri) => client.waitFor<PublishDiagnosticsParams>('diagnostics', (p) => p.uri === uri && p.diagnostics.length === 0 && p.version === undefined, 60_000)));
    for (const uri of uris) client.close(uri);
    await cleared;
    console.log(`# 1,000 documents: all diagnostics in ${Math.round(ms)} ms`);
  });

  test('random incremental edits: diagnostics always equal a fresh analysis of the text', async () => {
    const client = await start({ settings: {}, initializationOptions: { debounceMs: 0 } });
    const uri = ws.uriOf('postmortems/chaos.md');
    client.open(uri, fixture('broken.md'));
    await client.diagnosticsFor(uri, 1);
    let seed = 20240520;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['\n', ' ', '- **15:00 UTC:** Something.\n', '## Timeline\n', '**Root Cause:**\n', '14:', '> ', '```\n', '| a | b |\n', '🔥', '\r\n', '2 hours', '---\n', ''];
    const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`;
    for (let burst = 0; burst < 12; burst++) {
      let version = 0;
      for (let i = 0; i < 8; i++) {
        const doc = client.docs.get(uri)!;
        const length = doc.getText().length;
        const a = Math.floor(random() * (length + 1));
        const b = Math.min(length, a + Math.floor(random() * 12 * (random() < 0.4 ? 1 : 0)));
        const text = pieces[Math.floor(random() * pieces.length)]!;
        version = client.change(uri, [{ range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text }]);
      }
      const incremental = await client.diagnosticsFor(uri, version);
      const fresh = ws.uriOf(`postmortems/fresh-${burst}.md`);
      client.open(fresh, client.text(uri));
      const expected = await client.diagnosticsFor(fresh, 1);
      client.close(fresh);
      assert.deepEqual(incremental.diagnostics.map(key), expected.diagnostics.map(key), `burst ${burst}:\n${client.text(uri)}`);
    }
  });

  // Blocks reused from the cache shift when text above them changes: per-line memos must keep
  // line-relative offsets (a regression once read fields from the wrong place).
  test('edits above unchanged blocks give the same diagnostics as a fresh analysis', async () => {
    const client = await start({ settings: {}, initializationOptions: { debounceMs: 0 } });
    const uri = ws.uriOf('postmortems/shift.md');
    client.open(uri, fixture('broken.md'));
    await client.diagnosticsFor(uri, 1);
    let version = 1;
    for (let i = 0; i < 3; i++) {
      version = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
      await client.diagnosticsFor(uri, version);
    }
    const codes = (await client.diagnosticsFor(uri, version)).diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order']);
  });
});
