// Quick fixes (through the code action provider and workspace.applyEdit), completions, hovers and
// the contributed snippets. Edits happen on scratch copies of the broken example, never on it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN, Scratch, WAIT_MS, extension, fileUri, labelOf, markdownOf, open, ready, ruleOf, waitFor, waitForDiagnostics, waitForRules } from './helpers';

const ALL = ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order'];

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const got = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return got.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

/** Applies the quick fix titled `title` for the diagnostic of `rule`; returns the text before and after. */
async function applyFix(uri: vscode.Uri, rule: string, title: string | RegExp): Promise<{ before: string; after: string }> {
  const diagnostics = await waitForRules(uri, ALL);
  const diagnostic = diagnostics.find((d) => ruleOf(d) === rule)!;
  // The server answers code actions only from an analysis of the document's current version;
  // ask again (on each diagnostics change, bounded) if the first answer is empty.
  let actions = await quickFixes(uri, diagnostic.range);
  let asked = 1;
  const match = (a: vscode.CodeAction) => (typeof title === 'string' ? a.title === title : title.test(a.title));
  const deadline = Date.now() + WAIT_MS;
  while (!actions.some(match) && Date.now() < deadline) {
    await waitFor('a diagnostics change', [vscode.languages.onDidChangeDiagnostics], () => undefined, { timeoutMs: 500 }).catch(() => undefined);
    actions = await quickFixes(uri, diagnostic.range);
    asked++;
  }
  if (asked > 1) console.warn(`[features] code actions for ${rule} needed ${asked} requests (the first answers were empty)`);
  const action = actions.find(match);
  const doc0 = await vscode.workspace.openTextDocument(uri);
  assert.ok(action, `quick fix ${title} offered for ${rule} at ${diagnostic.range.start.line}:${diagnostic.range.start.character} (document version ${doc0.version}, dirty ${doc0.isDirty}); got: ${actions.map((a) => a.title).join(' | ') || 'no actions'}`);
  assert.ok(action.edit, 'the quick fix carries an edit');
  const doc = await vscode.workspace.openTextDocument(uri);
  const before = doc.getText();
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, 'applyEdit succeeded');
  return { before, after: doc.getText() };
}

function replaceLine(text: string, line: number, newLine: string): string {
  const lines = text.split('\n');
  lines[line] = newLine;
  return lines.join('\n');
}

suite('quick fixes, completions, hovers, snippets', () => {
  const scratch = new Scratch();
  suiteSetup(ready);
  suiteTeardown(() => scratch.cleanup());

  test('quick fix "Make … a heading" turns the bold label into a heading, nothing else', async () => {
    const uri = await scratch.copy(BROKEN, '2024-06-11-fix-heading.md');
    await open(uri);
    const { before, after } = await applyFix(uri, 'section-not-heading', 'Make "Issue Summary" a heading');
    assert.equal(after, replaceLine(before, 2, '## Issue Summary'));
    // The server sees the edit: the defect goes, the others stay.
    await waitForRules(uri, ['duration-mismatch', 'missing-section', 'timeline-order']);
  });

  test('quick fix on the duration writes the computed duration, nothing else', async () => {
    const uri = await scratch.copy(BROKEN, '2024-06-11-fix-duration.md');
    await open(uri);
    const { before, after } = await applyFix(uri, 'duration-mismatch', 'Change the stated duration to 2 hours 30 minutes');
    assert.equal(after, before.replace('UTC (2 hours)', 'UTC (2 hours 30 minutes)'));
    assert.notEqual(after, before);
    await waitForRules(uri, ['missing-section', 'section-not-heading', 'timeline-order']);
  });

  test('quick fix "Sort the timeline" reorders the entries, nothing else', async () => {
    const uri = await scratch.copy(BROKEN, '2024-06-11-fix-order.md');
    await open(uri);
    const { before, after } = await applyFix(uri, 'timeline-order', 'Sort the timeline by time');
    const lines = before.split('\n');
    [lines[13], lines[14]] = [lines[14]!, lines[13]!];
    assert.equal(after, lines.join('\n'));
    await waitForDiagnostics(uri, 'timeline-order gone', (d) => !d.some((x) => ruleOf(x) === 'timeline-order'));
  });

  test('completion at the start of a line offers the missing "## Root Cause" heading', async () => {
    const uri = fileUri(BROKEN);
    await open(uri);
    await waitForRules(uri, ALL);
    // Line 17 is the blank line between the timeline and "## Corrective and Preventative Measures".
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(17, 0));
    const labels = list.items.map(labelOf);
    const rootCause = list.items.find((i) => labelOf(i) === '## Root Cause');
    assert.ok(rootCause, `"## Root Cause" offered; got: ${labels.join(' | ')}`);
    const text = rootCause.insertText instanceof vscode.SnippetString ? rootCause.insertText.value : String(rootCause.insertText ?? '');
    assert.match(text, /^## Root Cause\n\n/, 'inserts the heading and a body');
    // Sections already present are not offered again.
    assert.ok(!labels.includes('## Timeline'), 'the Timeline heading is present already, not offered');
  });

  test('hover on a timeline time and on the duration', async () => {
    const uri = fileUri(BROKEN);
    await open(uri);
    await waitForRules(uri, ALL);
    // "- **09:40 UTC:** ..." on line 13: the time normalised and the time since the start.
    const onTime = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(13, 6)));
    assert.equal(onTime, '**09:40 UTC** · 2024-06-11\n\n**T+25m** since the incident start (09:15 UTC)');
    // "(2 hours)" on line 4: the arithmetic.
    const onDuration = markdownOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 50)));
    assert.match(onDuration, /09:15 → 11:45 UTC = 2 hours 30 minutes; stated: 2 hours ✗ \(30 minutes short\)/, `duration hover: ${onDuration}`);
  });

  test('snippets: contributed for markdown and offered by completion', async () => {
    const pkg = extension().packageJSON as { contributes: { snippets: { language: string; path: string }[] } };
    const contributed = pkg.contributes.snippets.find((s) => s.language === 'markdown');
    assert.ok(contributed, 'a markdown snippets file is contributed');
    const file = vscode.Uri.joinPath(extension().extensionUri, contributed.path);
    const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { prefix: string | string[] }>;
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    for (const p of ['postmortem-issue-summary', 'postmortem-google-sre']) assert.ok(prefixes.includes(p), `snippet ${p} contributed; got ${prefixes.join(', ')}`);

    // The editor offers them in a Markdown document (the README: any Markdown file).
    const uri = fileUri('README.md');
    await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(1, 0));
    const snippetItems = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const p of ['postmortem-issue-summary', 'postmortem-google-sre']) {
      assert.ok(snippetItems.includes(p), `snippet ${p} offered in Markdown; snippet items: ${snippetItems.join(', ') || '(none)'}`);
    }
  });
});
