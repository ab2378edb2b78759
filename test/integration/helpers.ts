// Shared helpers of the extension-host tests (bundled into each *.test.js that imports them; not a
// test file itself). Everything waits on editor events with a time limit, never on fixed sleeps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** publisher.name from package.json. */
export const EXTENSION_ID = 'postmortem-tools.postmortem';
/** The `source` of every diagnostic the language server publishes. */
export const SOURCE = 'postmortem';
/** The broken example of the test workspace: every defect the suite checks, at known places. */
export const BROKEN = 'postmortems/2024-06-11-login-latency.md';
export const README = 'README.md';

/** Long enough for a cold language server on a loaded 2-core machine. */
export const WAIT_MS = 15_000;
/** The first diagnostics of a session: extension activation plus a cold server and worker. */
export const COLD_START_MS = 60_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (test/integration/workspace/)');
  return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/**
 * Resolves with the first value `probe` returns that is not undefined: right away, or after one
 * of `events` fires. Rejects after `timeoutMs` with `what` and the last state `describe` gives.
 */
export function waitFor<T>(
  what: string,
  events: vscode.Event<unknown>[],
  probe: () => T | undefined,
  { timeoutMs = WAIT_MS, describe }: { timeoutMs?: number; describe?: () => string } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = (fn: () => void): void => {
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      fn();
    };
    const check = (): void => {
      let value: T | undefined;
      try {
        value = probe();
      } catch (e) {
        done(() => reject(e));
        return;
      }
      if (value !== undefined) done(() => resolve(value as T));
    };
    const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${describe ? `; last: ${describe()}` : ''}`))), timeoutMs);
    for (const e of events) subs.push(e(check));
    check();
  });
}

export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function rulesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map(ruleOf).sort();
}

export function showDiagnostics(uri: vscode.Uri): string {
  const list = postmortemDiagnostics(uri);
  return list.length ? list.map((d) => `${ruleOf(d)}@${rangeText(d.range)}`).join(', ') : '(none)';
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Waits until the document's postmortem diagnostics satisfy `ok` (checked on every change). */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ok: (d: vscode.Diagnostic[]) => boolean, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return waitFor(what, [vscode.languages.onDidChangeDiagnostics], () => {
    const d = postmortemDiagnostics(uri);
    return ok(d) ? d : undefined;
  }, { timeoutMs, describe: () => showDiagnostics(uri) });
}

/** Waits until the document has diagnostics of exactly these rules (any order, any count each). */
export function waitForRules(uri: vscode.Uri, rules: string[], timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  const want = [...new Set(rules)].sort().join(',');
  return waitForDiagnostics(uri, `diagnostics [${want}] on ${path.basename(uri.path)}`, (d) => [...new Set(rulesOf(d))].join(',') === want, timeoutMs);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * Copies a workspace file to a new name beside it (so a test may edit it without touching the
 * shared fixture) and returns its URI; `cleanup` deletes every copy.
 */
export class Scratch {
  private readonly made: vscode.Uri[] = [];

  async copy(relative: string, newName: string): Promise<vscode.Uri> {
    const from = fileUri(relative);
    const to = vscode.Uri.joinPath(from, '..', newName);
    await vscode.workspace.fs.copy(from, to, { overwrite: true });
    this.made.push(to);
    return to;
  }

  track(uri: vscode.Uri): vscode.Uri {
    this.made.push(uri);
    return uri;
  }

  async cleanup(): Promise<void> {
    // Revert and close every editor first: closing a dirty editor would save it (or ask).
    await closeAll();
    for (const uri of this.made.splice(0)) {
      await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
    }
  }
}

/** Closes every editor, discarding unsaved changes (the tests only change scratch copies). */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && !doc.isUntitled) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The language server processes started for this extension host (Linux: scans /proc). */
export function serverPids(): number[] {
  const ext = extension();
  const script = path.join(ext.extensionPath, 'dist', 'server.js');
  const me = `--clientProcessId=${process.pid}`;
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let argv: string[];
    try {
      argv = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (argv.includes(script) && argv.includes(me)) pids.push(Number(name));
  }
  return pids;
}

export function markdownOf(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/**
 * For each suite's suiteSetup: the broken example open with its diagnostics. The first suite of a
 * session pays for activation and a cold server (hence the long limit); later ones return at once.
 */
export async function ready(this: Mocha.Context): Promise<void> {
  this.timeout(COLD_START_MS + 10_000);
  const uri = fileUri(BROKEN);
  await open(uri);
  await waitForRules(uri, ['duration-mismatch', 'missing-section', 'section-not-heading', 'timeline-order'], COLD_START_MS);
}

type Window = Record<string, unknown>;

/** Replaces functions of vscode.window for the duration of `body` (the extension shares this object). */
export async function withStubs<T>(stubs: Record<string, (...args: any[]) => unknown>, body: () => Thenable<T>): Promise<T> {
  const win = vscode.window as unknown as Window;
  const saved = Object.fromEntries(Object.keys(stubs).map((k) => [k, win[k]]));
  Object.assign(win, stubs);
  try {
    return await body();
  } finally {
    Object.assign(win, saved);
  }
}
