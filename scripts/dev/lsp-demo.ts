// Developer aid: shows what the server answers on the defects example (for the README).
import { readFileSync } from 'node:fs';
import { TestClient } from '../../test/server/client';
(async () => {
  const client = await TestClient.start();
  const uri = 'file:///work/main/examples/postmortems/2024-06-11-login-latency.md';
  const text = readFileSync('examples/postmortems/2024-06-11-login-latency.md', 'utf8');
  client.open(uri, text);
  const d = await client.diagnosticsFor(uri, 1);
  for (const x of d.diagnostics) console.log('DIAG', x.range.start.line + 1, x.severity, x.message);
  const lines = text.split('\n');
  const durLine = lines.findIndex((l) => l.includes('**Duration:**'));
  const h = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: durLine, character: lines[durLine]!.indexOf('2 hours') + 1 } });
  console.log('HOVER duration:\n' + h?.contents?.value);
  const tl = lines.findIndex((l) => l.includes('09:40 UTC'));
  const h2 = await client.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: tl, character: 6 } });
  console.log('HOVER entry:\n' + h2?.contents?.value);
  const hints = await client.request<any[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
  console.log('HINTS', hints.map((x) => `${x.position.line + 1}:${typeof x.label === 'string' ? x.label : JSON.stringify(x.label)}`).join(' | '));
  const comp = await client.request<any>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 0 } });
  const items = Array.isArray(comp) ? comp : comp?.items ?? [];
  console.log('COMPLETION', items.map((i: any) => i.label).join(' | '));
  const syms = await client.request<any[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const show = (s: any, d = 0): string => '  '.repeat(d) + s.name + '\n' + (s.children ?? []).map((c: any) => show(c, d + 1)).join('');
  console.log('SYMBOLS\n' + syms.map((s) => show(s)).join(''));
  const actions = await client.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: d.diagnostics[0]!.range, context: { diagnostics: d.diagnostics } });
  console.log('ACTIONS', actions.map((a) => `${a.kind}: ${a.title}`).join(' | '));
  await client.stop();
})();
