// The language server comes back: after its process is killed (the client restarts it on its
// own) and through the Postmortem: Restart Server command. "Back" means a new process that
// answers: an edit made afterwards gets fresh diagnostics.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { BROKEN, Scratch, open, ready, ruleOf, serverPids, waitForDiagnostics, waitForRules } from './helpers';

const ALL = ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order'];

/** Polls /proc (there is no event for a process appearing) until a server other than `old` runs. */
function newServer(old: number[], timeoutMs = 20_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const tick = (): void => {
      const fresh = serverPids().filter((p) => !old.includes(p));
      if (fresh.length === 1) return resolve(fresh[0]!);
      if (Date.now() > deadline) return reject(new Error(`no new language server process within ${timeoutMs} ms (old ${old.join(',')}, now ${serverPids().join(',') || 'none'})`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

/** Edits the duration to `text` and waits for the diagnostics that follow from it. */
async function editDuration(doc: vscode.TextDocument, to: string, expectMismatch: boolean): Promise<void> {
  const line = doc.lineAt(4);
  const at = line.text.lastIndexOf('(');
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(4, at, 4, line.text.length), `(${to})`);
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  await waitForDiagnostics(doc.uri, `duration-mismatch ${expectMismatch ? 'present' : 'gone'} after writing "${to}"`, (d) =>
    d.some((x) => ruleOf(x) === 'duration-mismatch') === expectMismatch && d.some((x) => ruleOf(x) === 'timeline-order'));
}

suite('language server restart', () => {
  const scratch = new Scratch();
  suiteSetup(ready);
  suiteTeardown(() => scratch.cleanup());

  test('killed: the client starts a new server, which checks the next edit', async function () {
    if (!fs.existsSync('/proc/self/cmdline')) this.skip(); // finds the server through /proc (Linux)
    const uri = await scratch.copy(BROKEN, '2024-06-11-restart.md');
    const editor = await open(uri);
    await waitForRules(uri, ALL);
    const before = serverPids();
    assert.equal(before.length, 1, `one server process for this extension host (found ${before.join(',') || 'none'})`);
    // SIGKILL: a crash as far as the client can tell (it shows a "stopped unexpectedly" warning).
    process.kill(before[0]!, 'SIGKILL');
    const pid = await newServer(before);
    assert.notEqual(pid, before[0]);
    await editDuration(editor.document, '2 hours 30 minutes', false);
    await editDuration(editor.document, '3 hours', true);
  });

  test('Postmortem: Restart Server replaces the process and keeps checking', async () => {
    const uri = await scratch.copy(BROKEN, '2024-06-11-restart-command.md');
    const editor = await open(uri);
    await waitForRules(uri, ALL);
    const procfs = fs.existsSync('/proc/self/cmdline');
    const before = procfs ? serverPids() : [];
    await vscode.commands.executeCommand('postmortem.restartServer');
    if (procfs) await newServer(before);
    await editDuration(editor.document, '2 hours 30 minutes', false);
  });
});
