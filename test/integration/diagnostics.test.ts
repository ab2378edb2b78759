// Activation, and the diagnostics of the broken example with their exact ranges.
// Fixture: test/integration/workspace/postmortems/2024-06-11-login-latency.md (0-based lines):
//    0 # Postmortem: Slow logins after the session-store upgrade      <- missing "Root Cause"
//    2 **Issue Summary:**                                              <- section written as a label
//    4 **Duration:** June 11, 2024, 09:15 - 11:45 UTC (2 hours)        <- 2 h 30 min in fact
//   14 - **09:25 UTC:** On-call engineer starts investigating.         <- after 09:40
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN, COLD_START_MS, README, closeAll, extension, fileUri, labelOf, open, postmortemDiagnostics, rangeText, ruleOf, waitForRules } from './helpers';

suite('activation and diagnostics', () => {
  suiteTeardown(closeAll);
  // No suiteSetup(ready) here: the first test opens the files itself, README first.

  test('a plain Markdown file gets no postmortem diagnostics; a postmortem activates the extension', async function () {
    this.timeout(COLD_START_MS + 15_000); // the first test pays for activation and a cold server
    const readme = fileUri(README);
    const broken = fileUri(BROKEN);
    // Activation is by language (onLanguage:markdown); what "not on other Markdown" means for a
    // user is that the README is left alone: no diagnostics, no postmortem completions.
    await open(readme);
    await open(broken);
    await waitForRules(broken, ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order'], COLD_START_MS);
    assert.equal(extension().isActive, true, 'extension active after opening a postmortem');
    // A completion request goes through the server's analysis of the README, so by the time it
    // answers the README has been analysed (and any diagnostics would have been published first).
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', readme, new vscode.Position(3, 0));
    const offered = list.items.map(labelOf).filter((l) => /^#+ (Root Cause|Timeline|Summary)/.test(l));
    assert.deepEqual(offered, [], 'no missing-section completions in a README');
    assert.deepEqual(postmortemDiagnostics(readme).map(ruleOf), [], 'no postmortem diagnostics on README.md');
  });

  test('the broken example has each defect at its exact range', async () => {
    const broken = fileUri(BROKEN);
    await open(broken);
    const diagnostics = await waitForRules(broken, ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order']);
    const got = diagnostics
      .map((d) => `${ruleOf(d)} ${rangeText(d.range)} ${vscode.DiagnosticSeverity[d.severity]}`)
      .sort();
    assert.deepEqual(got, [
      'duration-mismatch 4:48-4:55 Error', // "2 hours"
      'missing-section 0:0-0:57 Warning', // the title line
      'section-not-heading 2:0-2:18 Warning', // "**Issue Summary:**"
      'timeline-order 14:4-14:13 Warning', // "09:25 UTC"
    ]);
    const doc = await vscode.workspace.openTextDocument(broken);
    const byRule = new Map(diagnostics.map((d) => [ruleOf(d), d]));
    assert.equal(doc.getText(byRule.get('duration-mismatch')!.range), '2 hours');
    assert.equal(doc.getText(byRule.get('section-not-heading')!.range), '**Issue Summary:**');
    assert.equal(doc.getText(byRule.get('timeline-order')!.range), '09:25 UTC');
    assert.match(byRule.get('missing-section')!.message, /Missing section "Root Cause"/);
    assert.match(byRule.get('duration-mismatch')!.message, /Duration says 2 hours, but 09:15 → 11:45 UTC is 2 hours 30 minutes/);
    assert.match(byRule.get('timeline-order')!.message, /09:25 UTC comes after 09:40 UTC/);
  });
});
