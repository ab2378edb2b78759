// Postmortem: New Postmortem… — by arguments (the non-interactive path for keybindings and tests)
// and through its prompts (showQuickPick / showInputBox answered by stubs), writing
// postmortems/<date>-<slug>.md, opening it, and never overwriting an existing file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BUILTIN_TEMPLATES } from '../../server/src/core/templates/builtin';
import { parseDateTime, renderPostmortem, type LocalDateTime } from '../../client/src/scaffold';
import { Scratch, fileUri, ready, waitFor, withStubs } from './helpers';

const COMMAND = 'postmortem.newPostmortem';

function expectedText(templateId: string, title: string, start: string, zone: string, severity: string): string {
  const template = BUILTIN_TEMPLATES.find((t) => t.id === templateId)!;
  return renderPostmortem({ template, title, start: parseDateTime(start) as LocalDateTime, zone, severity }).text;
}

async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Waits until the active editor shows `uri`. */
function activeIs(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return waitFor(`an editor on ${uri.path}`, [vscode.window.onDidChangeActiveTextEditor], () => {
    const e = vscode.window.activeTextEditor;
    return e && e.document.uri.toString() === uri.toString() ? e : undefined;
  }, { describe: () => vscode.window.activeTextEditor?.document.uri.toString() ?? '(no editor)' });
}

suite('New Postmortem…', () => {
  const scratch = new Scratch();
  suiteSetup(ready);
  suiteTeardown(() => scratch.cleanup());

  test('with arguments: writes postmortems/<date>-<slug>.md from the template and opens it', async () => {
    const uri = scratch.track(fileUri('postmortems/2024-07-01-cache-stampede-on-the-api.md'));
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined); // left over from a crashed run
    const args = { template: 'generic', title: 'Cache stampede on the API', timeZone: 'UTC', start: '2024-07-01 10:00', severity: 'SEV2' };
    const returned = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND, args);
    assert.equal(returned?.toString(), uri.toString(), 'the command returns the new file');
    assert.equal(await read(uri), expectedText('generic', 'Cache stampede on the API', '2024-07-01 10:00', 'UTC', 'SEV2'));
    const editor = await activeIs(uri);
    assert.equal(editor.document.getText(), await read(uri));
    // The first blank ("{{end}}" in the duration line) is selected for typing over.
    assert.equal(editor.document.getText(editor.selection), '{{end}}');
  });

  test('refuses to overwrite an existing file, and says so', async () => {
    const uri = fileUri('postmortems/2024-07-01-cache-stampede-on-the-api.md');
    const mine = '# My own notes\n\nDo not overwrite.\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(mine));
    const warnings: string[] = [];
    const returned = await withStubs({
      showWarningMessage: async (message: string) => { warnings.push(message); return undefined; },
    }, () => vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND, {
      template: 'generic', title: 'Cache stampede on the API', timeZone: 'UTC', start: '2024-07-01 10:00', severity: 'SEV2',
    }));
    assert.equal(returned?.toString(), uri.toString());
    assert.equal(await read(uri), mine, 'the existing file is untouched');
    assert.ok(warnings.some((w) => /already exists; nothing was written/.test(w)), `warned: ${JSON.stringify(warnings)}`);
  });

  test('through its prompts: template, title, zone, start, severity', async () => {
    const uri = scratch.track(fileUri('postmortems/2024-08-02-queue-backlog.md'));
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    const asked: string[] = [];
    const returned = await withStubs({
      showQuickPick: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
        const list = await items;
        asked.push(options?.title ?? '?');
        if (/template/.test(options?.title ?? '')) return list.find((i) => i.description === 'google-sre');
        if (/severity/.test(options?.title ?? '')) return list.find((i) => i.label === 'SEV3');
        return undefined;
      },
      showInputBox: async (options?: vscode.InputBoxOptions) => {
        const title = options?.title ?? '?';
        asked.push(title);
        const answer = /title/.test(title) ? 'Queue backlog' : /time zone/.test(title) ? 'UTC' : /start/.test(title) ? '2024-08-02 23:10' : undefined;
        // The prompt would accept what we type.
        if (answer !== undefined && options?.validateInput) assert.equal(await options.validateInput(answer), undefined, `${title} accepts ${answer}`);
        return answer;
      },
    }, () => vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND));
    assert.deepEqual(asked.map((t) => t.replace(/^New Postmortem \(\d\/5\): /, '')), ['template', 'title', 'time zone', 'start', 'severity']);
    assert.equal(returned?.toString(), uri.toString());
    assert.ok(await exists(uri), 'file written');
    assert.equal(await read(uri), expectedText('google-sre', 'Queue backlog', '2024-08-02 23:10', 'UTC', 'SEV3'));
    await activeIs(uri);
  });

  test('cancelling a prompt writes nothing', async () => {
    const before = (await vscode.workspace.fs.readDirectory(fileUri('postmortems'))).map(([n]) => n).sort();
    const returned = await withStubs({
      showQuickPick: async () => undefined, // Escape on the template pick
    }, () => vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND));
    assert.equal(returned, undefined);
    const after = (await vscode.workspace.fs.readDirectory(fileUri('postmortems'))).map(([n]) => n).sort();
    assert.deepEqual(after, before);
  });
});
