// A rule turned off in the settings (`postmortem.rules`, workspace scope) loses its diagnostics,
// and they come back when the setting is removed. The workspace's .vscode/settings.json is left
// as it was found.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN, closeAll, fileUri, open, ready, ruleOf, waitForDiagnostics, waitForRules } from './helpers';

const ALL = ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order'];

suite('settings', () => {
  const settingsFile = fileUri('.vscode/settings.json');
  let original: Uint8Array | undefined;

  suiteSetup(ready);
  suiteSetup(async () => {
    original = await vscode.workspace.fs.readFile(settingsFile).then((b) => b, () => undefined);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('postmortem').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    if (original) await vscode.workspace.fs.writeFile(settingsFile, original);
    else await vscode.workspace.fs.delete(fileUri('.vscode'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await closeAll();
  });

  test('postmortem.rules { "timeline-order": "off" } removes that rule\'s diagnostics, and only those', async () => {
    const uri = fileUri(BROKEN);
    await open(uri);
    await waitForRules(uri, ALL);
    const config = vscode.workspace.getConfiguration('postmortem');
    await config.update('rules', { 'timeline-order': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForRules(uri, ['duration-mismatch', 'missing-section', 'section-not-heading']);

    // And a severity override applies too (error -> information), as a second check that the
    // server re-reads the section on change.
    await config.update('rules', { 'timeline-order': 'off', 'duration-mismatch': 'information' }, vscode.ConfigurationTarget.Workspace);
    const d = await waitForDiagnostics(uri, 'duration-mismatch as information', (list) =>
      list.some((x) => ruleOf(x) === 'duration-mismatch' && x.severity === vscode.DiagnosticSeverity.Information));
    assert.ok(!d.some((x) => ruleOf(x) === 'timeline-order'));

    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    const back = await waitForDiagnostics(uri, 'timeline-order back and duration-mismatch an error again', (list) =>
      list.some((x) => ruleOf(x) === 'timeline-order') && list.some((x) => ruleOf(x) === 'duration-mismatch' && x.severity === vscode.DiagnosticSeverity.Error));
    assert.deepEqual([...new Set(back.map(ruleOf))].sort(), ALL);
  });
});
