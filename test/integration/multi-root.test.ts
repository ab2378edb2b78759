// Settings per workspace folder, in a real multi-root workspace: `test:vscode --multi-root` opens
// the test workspace beside a second folder, `second-team`, whose .vscode/settings.json turns
// timeline-order off (scripts/vscode/test-vscode.mjs). The server pulls `postmortem` once per
// folder (scopeUri), so the same postmortem is checked with each folder's rules. In the usual
// single-folder session (no POSTMORTEM_MULTI_ROOT) there is nothing to check and the suite skips.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN, closeAll, open, ready, waitForRules } from './helpers';

const multiRoot = process.env.POSTMORTEM_MULTI_ROOT === '1';

suite('multi-root workspace', function () {
  suiteSetup(function () {
    if (!multiRoot) this.skip();
  });
  suiteSetup(ready);
  suiteTeardown(closeAll);

  test('each folder\'s postmortem.rules apply to its own documents', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 2, `two workspace folders, got ${folders.map((f) => f.name).join(', ')}`);
    const [first, second] = folders as [vscode.WorkspaceFolder, vscode.WorkspaceFolder];
    assert.equal(second.name, 'second-team');
    const theirs = vscode.Uri.joinPath(second.uri, BROKEN);
    await open(theirs);
    await waitForRules(theirs, ['duration-mismatch', 'missing-section', 'section-not-heading']);
    const ours = vscode.Uri.joinPath(first.uri, BROKEN);
    await open(ours);
    await waitForRules(ours, ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order']);
  });

  test('changing one folder\'s setting re-checks its documents with the new value', async () => {
    const second = vscode.workspace.workspaceFolders![1]!;
    const theirs = vscode.Uri.joinPath(second.uri, BROKEN);
    await open(theirs);
    const config = vscode.workspace.getConfiguration('postmortem', second.uri);
    await config.update('rules', { 'missing-section': 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForRules(theirs, ['duration-mismatch', 'section-not-heading', 'timeline-order']);
    const ours = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, BROKEN);
    await open(ours);
    await waitForRules(ours, ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order']);
  });
});
