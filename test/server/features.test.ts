// Features over the protocol: code actions (applied to the text and re-checked by the server),
// fix-all, completion, hover, inlay hints, document symbols and the timeline commands.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, DocumentSymbol, Hover, InlayHint, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyTextEdits, TestClient } from './client';
import { buildServer, fixture, TempWorkspace } from './setup';

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  return (changes?.find((c) => c.textDocument.uri === uri)?.edits as TextEdit[] | undefined) ?? action.edit?.changes?.[uri] ?? [];
}

describe('language features', () => {
  let client: TestClient;
  let ws: TempWorkspace;
  let n = 0;

  /** Opens a fresh copy of a fixture and waits for its first diagnostics. */
  async function open(text = fixture('broken.md')) {
    const uri = ws.uriOf(`postmortems/doc-${++n}.md`);
    client.open(uri, text);
    const published = await client.diagnosticsFor(uri, 1);
    return { uri, published };
  }

  async function actions(uri: string, line: number, character: number, only?: string[]): Promise<CodeAction[]> {
    const range = { start: { line, character }, end: { line, character } };
    return client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], ...(only ? { only } : {}) } });
  }

  before(async () => {
    buildServer();
    ws = new TempWorkspace();
    client = await TestClient.start({ settings: {}, initializationOptions: { debounceMs: 0 } });
  });
  after(async () => {
    await client?.stop();
    ws?.remove();
  });

  test('the clean reference postmortem has no problems', async () => {
    const { published } = await open(fixture('clean.md'));
    assert.deepEqual(published.diagnostics, []);
  });

  test('quick fix: the duration-mismatch fix corrects the stated duration', async () => {
    const { uri, published } = await open();
    const found = await actions(uri, 4, 55);
    const fix = found.find((a) => a.title === 'Change the stated duration to 2 hours 30 minutes')!;
    assert.ok(fix, JSON.stringify(found.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, undefined, 'an unsafe fix is not preferred');
    assert.deepEqual(fix.diagnostics, published.diagnostics.filter((d) => d.code === 'duration-mismatch'));
    const fixed = applyTextEdits(client.text(uri), editsOf(fix, uri));
    assert.match(fixed.split('\n')[4]!, /\(2 hours 30 minutes\)$/);
    const version = client.replaceAll(uri, fixed);
    const after = await client.diagnosticsFor(uri, version);
    assert.ok(!after.diagnostics.some((d) => d.code === 'duration-mismatch'));
  });

  test('quick fix: a safe fix is preferred (bold label made a heading)', async () => {
    const { uri } = await open();
    const fix = (await actions(uri, 19, 3)).find((a) => a.title === 'Make "Root Cause" a heading')!;
    assert.equal(fix.isPreferred, true);
    const fixed = applyTextEdits(client.text(uri), editsOf(fix, uri));
    assert.equal(fixed.split('\n')[19], '## Root Cause');
  });

  test('"Insert missing section X" places the skeleton where the template expects it', async () => {
    const { uri } = await open();
    const found = await actions(uri, 0, 0);
    const insert = found.find((a) => a.title === 'Insert missing section "Corrective and Preventative Measures"')!;
    assert.ok(insert, JSON.stringify(found.map((a) => a.title)));
    assert.equal(insert.kind, 'quickfix');
    const fixed = applyTextEdits(client.text(uri), editsOf(insert, uri));
    assert.match(fixed, /\n## Corrective and Preventative Measures\n\n- \[ \] \{\{action\}\}/);
    const version = client.replaceAll(uri, fixed);
    const after = await client.diagnosticsFor(uri, version);
    assert.ok(!after.diagnostics.some((d) => d.code === 'missing-section'), JSON.stringify(after.diagnostics));
  });

  test('fix all applies every safe fix and nothing else', async () => {
    const { uri } = await open();
    const found = await actions(uri, 0, 0, ['source.fixAll']);
    assert.deepEqual(found.map((a) => [a.title, a.kind]), [['Fix all postmortem problems', 'source.fixAll.postmortem']]);
    assert.deepEqual(await actions(uri, 0, 0, ['quickfix']).then((a) => a.filter((x) => x.kind !== 'quickfix')), []);
    const fixed = applyTextEdits(client.text(uri), editsOf(found[0]!, uri));
    const lines = fixed.split('\n');
    assert.deepEqual(lines.slice(10, 14).map((l) => l.slice(0, 16)), ['- **14:00 UTC:**', '- **14:10 UTC:**', '- **14:20 UTC:**', '- **16:30 UTC:**']);
    assert.equal(lines[19], '## Root Cause');
    assert.match(lines[4]!, /\(2 hours\)$/, 'the unsafe duration fix is left to the writer');
    const version = client.replaceAll(uri, fixed);
    const after = await client.diagnosticsFor(uri, version);
    const codes = after.diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('timeline-order') && !codes.includes('section-not-heading'), codes.join());
    assert.ok(codes.includes('duration-mismatch'));
  });

  test('completion: missing section headings at the start of a line, in template order', async () => {
    const text = '---\ntemplate: issue-summary\n---\n# Postmortem: DNS outage\n\n## Issue Summary\n\n**Duration:** 10:00 - 10:30 UTC (30 minutes)\n\n';
    const { uri } = await open(text);
    const items = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 0 } })) as CompletionItem[];
    const headings = items.filter((i) => i.label.startsWith('## '));
    assert.deepEqual(headings.map((i) => i.label), ['## Timeline', '## Root Cause', '## Resolution', '## Corrective and Preventative Measures']);
    assert.equal((headings[0]!.textEdit as TextEdit).newText, '## Timeline\n\n- **{{HH:MM}} {{zone}}:** {{what happened}}\n');
  });

  test('completion: summary field names not yet written', async () => {
    const { uri } = await open();
    const items = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 0 } })) as CompletionItem[];
    const fields = items.filter((i) => i.kind === 5).map((i) => (i.textEdit as TextEdit).newText);
    assert.deepEqual(fields, ['**Start:** ', '**End:** ', '**Root Cause:** ', '**Severity:** ']);
  });

  test('completion: a timeline entry stamped now in the timeline zone, written like the others', async () => {
    const { uri } = await open();
    const items = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 14, character: 0 } })) as CompletionItem[];
    const entry = items.find((i) => i.kind === 23)!;
    const now = new Date();
    const newText = (entry.textEdit as TextEdit).newText;
    assert.match(newText, /^- \*\*\d\d:\d\d UTC:\*\* $/);
    const [h, m] = newText.slice(4, 9).split(':').map(Number);
    const diff = Math.abs((h! * 60 + m!) - (now.getUTCHours() * 60 + now.getUTCMinutes()));
    assert.ok(diff <= 1 || diff >= 1439, `${newText} is not now (UTC)`);
  });

  test('hover on a timestamp: normalised time and elapsed since the incident start', async () => {
    const { uri } = await open();
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 6 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*14:20 UTC\*\* · 2024-05-20/);
    assert.match(value, /\*\*T\+20m\*\* since the incident start \(14:00 UTC\)/);
    assert.deepEqual(hover.range, { start: { line: 11, character: 4 }, end: { line: 11, character: 13 } });
  });

  test('hover on a timestamp in another zone gives the UTC equivalent', async () => {
    const text = '# Incident report: login errors\n\n## Summary\n\n**Duration:** 09:00 - 09:45 PST (45 minutes)\n\n## Timeline\n\n- **09:00 PST:** Errors began.\n- **09:45 PST:** Resolved.\n\n## Root Cause\n\nA bad certificate.\n';
    const { uri } = await open(text);
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 6 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /09:45 PST/);
    assert.match(value, /17:45 UTC/);
    assert.match(value, /T\+45m/);
  });

  test('hover on the duration statement shows the arithmetic', async () => {
    const { uri } = await open();
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 55 } })) as Hover;
    assert.match((hover.contents as { value: string }).value, /^14:00 → 16:30 UTC = 2 hours 30 minutes; stated: 2 hours ✗/);
    const clean = await open(fixture('clean.md'));
    const ok = (await client.request('textDocument/hover', { textDocument: { uri: clean.uri }, position: { line: 7, character: 70 } })) as Hover;
    assert.match((ok.contents as { value: string }).value, /^14:00 → 16:30 UTC = 2 hours 30 minutes; stated: 2 hours 30 minutes ✓/);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }), null);
  });

  test('hover on a milestone entry: the milestone and the metric it ends; on the Timeline heading: all four', async () => {
    const text = [
      '# Postmortem: API errors', '', '## Summary', '', '**Duration:** May 20, 2024, 14:00 - 15:00 UTC (1 hour)', '', '## Timeline', '',
      '- **14:00 UTC:** Errors begin.', '- **14:12 UTC:** [detected] Error-rate alert fires.', '- **14:20 UTC:** [acknowledged] On-call takes the page.',
      '- **14:45 UTC:** [mitigated] Bad deploy rolled back.', '', '## Root Cause', '', 'A bad deploy.', '',
    ].join('\n');
    const { uri } = await open(text);
    const hoverAt = async (line: number, character: number) => ((await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null);
    const detected = (await hoverAt(9, 6))!;
    const value = (detected.contents as { value: string }).value;
    assert.match(value, /\*\*14:12 UTC\*\*/, 'the entry hover is still there');
    assert.match(value, /\*\*Detected\*\* · Time to detect: \*\*12 minutes\*\* \(from the stated start, 14:00 UTC\)/);
    assert.match(((await hoverAt(11, 6))!.contents as { value: string }).value, /\*\*Mitigated\*\* · Time to mitigate: \*\*45 minutes\*\*/);
    assert.doesNotMatch(((await hoverAt(8, 6))!.contents as { value: string }).value, /Time to/, 'an entry that marks nothing');
    const heading = (await hoverAt(6, 5))!;
    const table = (heading.contents as { value: string }).value;
    assert.match(table, /^\*\*Incident metrics\*\*, counted from the stated start, 14:00 UTC/);
    assert.match(table, /\| Time to detect \| 12 minutes \| 14:12 UTC \|/);
    assert.match(table, /\| Time to acknowledge \| 20 minutes \| 14:20 UTC \|/);
    assert.match(table, /\| Time to mitigate \| 45 minutes \| 14:45 UTC \|/);
    assert.match(table, /\| Time to resolve \| 1 hour \| the stated end \(15:00 UTC\) \|/);
    assert.deepEqual(heading.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 11 } });
  });

  test('hover on the Timeline heading: a time stated as a field is named as that field', async () => {
    const text = [
      '# Postmortem: search', '', '## Summary', '', '**Duration:** 10:00 - 11:30 UTC', '', '**Mitigated:** 10:40 UTC', '',
      '## Timeline', '', '- **10:00 UTC:** Indexer stops.', '- **10:12 UTC:** [detected] Freshness alert fires.', '- **11:30 UTC:** Index caught up.', '',
    ].join('\n');
    const { uri } = await open(text);
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 4 } })) as Hover;
    const table = (hover.contents as { value: string }).value;
    assert.match(table, /\| Time to mitigate \| 40 minutes \| the stated Mitigated field \(10:40 UTC\) \|/);
    assert.match(table, /\| Time to resolve \| 1 hour 30 minutes \| the stated end \(11:30 UTC\) \|/);
  });

  test('hover on the Timeline heading without markers: the metrics are missing and how to get them', async () => {
    const text = '# Postmortem: queue\n\n## Timeline\n\n- **09:00 UTC:** Queue grows.\n- **09:30 UTC:** Queue drained.\n\n## Root Cause\n\nA crash.\n';
    const { uri } = await open(text);
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } })) as Hover;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /counted from the first entry, 09:00 UTC/);
    assert.match(value, /\| Time to detect \| — \| no entry marked `\[detected\]` \|/);
    assert.match(value, /Mark timeline entries with `\[detected\]`/);
  });

  test('inlay hints: elapsed time after each timestamp', async () => {
    const { uri } = await open();
    const hints = (await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } })) as InlayHint[];
    assert.deepEqual(hints.map((h) => [h.position.line, h.position.character, h.label]), [
      [10, 13, 'T+0m'],
      [11, 13, 'T+20m'],
      [12, 13, 'T+10m'],
      [13, 13, 'T+2h30m'],
    ]);
    assert.ok(hints.every((h) => h.paddingLeft === true));
    const partial = (await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 11, character: 0 }, end: { line: 12, character: 99 } } })) as InlayHint[];
    assert.equal(partial.length, 2);
  });

  test('document symbols: sections nested by level, timeline entries as events', async () => {
    const { uri } = await open();
    const symbols = (await client.request('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    const root = symbols[0]!;
    assert.equal(root.name, 'Postmortem: 🔥 Checkout outage');
    assert.equal(root.kind, 3);
    assert.deepEqual(root.children!.map((c) => [c.name, c.kind]), [['Issue Summary', 2], ['Timeline', 2], ['Resolution', 2]]);
    // The bold "Root Cause" label under Resolution is a section one level below it.
    assert.deepEqual(root.children![2]!.children!.map((c) => [c.name, c.kind]), [['Root Cause', 2]]);
    const timeline = root.children![1]!;
    assert.deepEqual(timeline.children!.map((e) => [e.name, e.kind, e.detail]), [
      ['14:00 UTC 🚨 Alert fired for checkout errors.', 24, 'T+0m'],
      ['14:20 UTC Rollback started.', 24, 'T+20m'],
      ['14:10 UTC On-call engineer acknowledged.', 24, 'T+10m'],
      ['16:30 UTC Service restored.', 24, 'T+2h30m'],
    ]);
    assert.deepEqual(timeline.children![0]!.selectionRange, { start: { line: 10, character: 4 }, end: { line: 10, character: 13 } });
  });

  test('sortTimeline sorts through workspace/applyEdit, then has nothing to do', async () => {
    const { uri } = await open();
    const result = await client.request('workspace/executeCommand', { command: 'postmortem.server.sortTimeline', arguments: [uri] });
    assert.deepEqual(result, { applied: true });
    const lines = client.text(uri).split('\n');
    assert.deepEqual(lines.slice(10, 14).map((l) => l.slice(4, 9)), ['14:00', '14:10', '14:20', '16:30']);
    const version = client.docs.get(uri)!.version;
    const after = await client.diagnosticsFor(uri, version);
    assert.ok(!after.diagnostics.some((d) => d.code === 'timeline-order'));
    const again = (await client.request('workspace/executeCommand', { command: 'postmortem.server.sortTimeline', arguments: [uri] })) as { applied: boolean; message: string };
    assert.deepEqual(again, { applied: false, message: 'The timeline is already in order.' });
  });

  test('insertTimelineEntry adds an entry stamped now after the entry at the cursor', async () => {
    const { uri } = await open();
    const result = (await client.request('workspace/executeCommand', {
      command: 'postmortem.server.insertTimelineEntry',
      arguments: [uri, { line: 11, character: 3 }],
    })) as { applied: boolean; position: { line: number; character: number } };
    assert.equal(result.applied, true);
    const lines = client.text(uri).split('\n');
    assert.match(lines[12]!, /^- \*\*\d\d:\d\d UTC:\*\* $/);
    assert.equal(lines[13], '- **14:10 UTC:** On-call engineer acknowledged.');
    assert.deepEqual(result.position, { line: 12, character: lines[12]!.length });
  });
});
