// The workspace index in the editor: Postmortem: Show Open Action Items (the quick pick answered
// by a stub, as the New Postmortem tests do) and the Incidents view's rows in the order chosen
// with Sort By…, read through the provider the extension exports. Two scratch postmortems are
// written beside the broken example; one is edited without saving, which both must reflect.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../client/src/extension';
import { COMMANDS } from '../../client/src/commands/ids';
import type { OpenActionItemRow, OpenActionItemsResult } from '../../client/src/protocol';
import { DNS_TEXT } from '../fixtures/editor/dns-outage';
import { BROKEN, Scratch, WAIT_MS, extension, fileUri, open, ready, waitFor, withStubs } from './helpers';

const DNS = 'postmortems/2024-09-02-dns-outage.md';
const CACHE = 'postmortems/2024-10-15-cache-miss.md';


const CACHE_TEXT = `# Postmortem: Cache miss storm

**Severity:** SEV3

## Summary

**Duration:** October 15, 2024, 10:00 - 10:20 UTC (20 minutes)

## Timeline

- **10:00 UTC:** Cache cleared.
- **10:20 UTC:** [resolved] Cache warm again.

## Root Cause

All keys expired together.

## Action Items

- [ ] Spread the TTLs (owner: @dee, due: 2099-06-01)
`;

const UNSAVED = '- [ ] Unsaved item from the editor (owner: @zoe, due: 2020-01-01)';

function api(): PostmortemApi {
  return extension().exports as PostmortemApi;
}

/** The open items as the server lists them (vscode-languageclient registers its commands). */
function serverItems(): Thenable<OpenActionItemsResult> {
  return vscode.commands.executeCommand<OpenActionItemsResult>('postmortem.server.openActionItems');
}

suite('workspace index: open action items and the Incidents view', () => {
  const scratch = new Scratch();
  suiteSetup(ready);
  suiteTeardown(async () => {
    await vscode.commands.executeCommand(COMMANDS.sortIncidents, 'date');
    await scratch.cleanup();
  });

  test('with no open action item anywhere, says so and how many postmortems were looked at', async () => {
    const listed = await serverItems();
    assert.deepEqual(listed.items, [], 'the workspace starts with no open action item (the broken example has plain bullets)');
    assert.ok(listed.postmortems >= 1);
    const said: string[] = [];
    const returned = await withStubs(
      {
        showInformationMessage: (message: string) => {
          said.push(message);
          return Promise.resolve(undefined);
        },
        showQuickPick: () => assert.fail('no quick pick for an empty list'),
      },
      () => vscode.commands.executeCommand(COMMANDS.showOpenActionItems),
    );
    assert.equal(returned, undefined);
    assert.deepEqual(said, [`Postmortem: no open action items were found in ${listed.postmortems} postmortem${listed.postmortems === 1 ? '' : 's'}.`]);
  });

  test('lists every open item (unsaved text included), overdue first, and opens the one picked at its line', async () => {
    for (const [path, text] of [[DNS, DNS_TEXT], [CACHE, CACHE_TEXT]] as const) {
      await vscode.workspace.fs.writeFile(scratch.track(fileUri(path)), new TextEncoder().encode(text));
    }
    const cache = await open(fileUri(CACHE));
    // Unsaved: a new overdue item, and a new severity for the view's test below.
    await cache.edit((e) => {
      e.replace(new vscode.Range(2, 0, 2, cache.document.lineAt(2).text.length), '**Severity:** SEV0');
      e.insert(new vscode.Position(cache.document.lineCount - 1, 0), `${UNSAVED}\n`);
    });
    assert.ok(cache.document.isDirty);
    const unsavedLine = cache.document.getText().split('\n').indexOf(UNSAVED);

    let shown: (vscode.QuickPickItem & { item: OpenActionItemRow })[] = [];
    const picked = await withStubs(
      {
        showQuickPick: (items: typeof shown) => {
          shown = items;
          return Promise.resolve(items[0]);
        },
      },
      () => vscode.commands.executeCommand<OpenActionItemRow | undefined>(COMMANDS.showOpenActionItems),
    );
    assert.deepEqual(shown.map((p) => p.label), [
      'Unsaved item from the editor (owner: @zoe, due: 2020-01-01)',
      'Alert before keys expire (owner: @ann, due: 2024-10-01)',
      'Document key rotation (owner: @cid, due: 2099-01-01)',
      'Spread the TTLs (owner: @dee, due: 2099-06-01)',
    ]);
    assert.match(shown[0]!.description!, /^\$\(warning\) overdue by \d+ days · @zoe · due 2020-01-01$/);
    assert.equal(shown[2]!.description, '@cid · due 2099-01-01');
    assert.equal(shown[0]!.detail, `${CACHE}:${unsavedLine + 1}`);
    assert.equal(shown[2]!.detail, `${DNS}:${DNS_TEXT.split('\n').findIndex((l) => l.includes('Document key rotation')) + 1}`);

    // The command returns what it opened; the editor shows it with the item's line selected.
    assert.equal(picked?.text, 'Unsaved item from the editor (owner: @zoe, due: 2020-01-01)');
    const editor = await waitFor('the picked item selected', [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection], () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === fileUri(CACHE).toString() && e.selection.start.line === unsavedLine ? e : undefined;
    }, { timeoutMs: WAIT_MS, describe: () => `${vscode.window.activeTextEditor?.document.uri.path} @ ${vscode.window.activeTextEditor?.selection.start.line}` });
    assert.equal(editor.document.getText(editor.selection), UNSAVED);
  });

  test('the Incidents view lists every postmortem in the order chosen with Sort By…, unsaved text included', async () => {
    const provider = api().incidentIndex;
    await vscode.commands.executeCommand(COMMANDS.refreshIncidents);
    const paths = async () => (await provider.getChildren()).map((r) => r.path).filter((p) => [BROKEN, DNS, CACHE].includes(p));

    assert.equal(await vscode.commands.executeCommand(COMMANDS.sortIncidents, 'severity'), 'severity');
    // SEV0 (the unsaved edit), SEV1, then the example that states no severity.
    assert.deepEqual(await paths(), [CACHE, DNS, BROKEN]);
    assert.equal(provider.sort, 'severity');

    await vscode.commands.executeCommand(COMMANDS.sortIncidents, 'date');
    assert.deepEqual(await paths(), [CACHE, DNS, BROKEN], 'newest first: 2024-10-15, 2024-09-02, 2024-06-11');

    await vscode.commands.executeCommand(COMMANDS.sortIncidents, 'duration');
    assert.deepEqual(await paths(), [BROKEN, DNS, CACHE], '2 h 30 min, 1 h 30 min, 20 min');

    await vscode.commands.executeCommand(COMMANDS.sortIncidents, 'openItems');
    assert.deepEqual(await paths(), [CACHE, DNS, BROKEN], '2 open each (ties: more overdue, then newer first), then none');

    // Without an argument it asks: a quick pick of the orders, the current one marked.
    let offered: (vscode.QuickPickItem & { key: string })[] = [];
    await withStubs(
      {
        showQuickPick: (items: typeof offered) => {
          offered = items;
          return Promise.resolve(items.find((i) => i.key === 'title'));
        },
      },
      () => vscode.commands.executeCommand(COMMANDS.sortIncidents),
    );
    assert.equal(offered.find((i) => i.key === 'openItems')?.description, 'current');
    assert.equal(provider.sort, 'title');
    // "Cache miss storm", "DNS outage at the edge", "Slow logins after…" ("Postmortem:" dropped).
    assert.deepEqual(await paths(), [CACHE, DNS, BROKEN]);

    const dns = (await provider.getChildren()).find((r) => r.path === DNS)!;
    const item = provider.getTreeItem(dns);
    assert.equal(item.label, 'DNS outage at the edge');
    assert.match(String(item.description), /^2024-09-02 · SEV1 · 1h 30m · 2 open \(1 overdue\) · \d+ problems?$/);
    assert.deepEqual(item.command?.arguments?.map(String), [fileUri(DNS).toString()]);
    assert.match((item.tooltip as vscode.MarkdownString).value, /\| Time to detect \| 10 minutes \|/);
  });
});
