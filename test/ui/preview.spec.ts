// The preview in a real VS Code (code-server + headless Chromium), beyond opening it (which
// postmortem.spec.ts checks): it follows an edit, a click on a heading reveals that line in the
// editor, it comes back showing its document after a window reload, it looks right in light, dark
// and high-contrast themes (screenshots in
// test-results/ui/preview-*.png), and the hostile fixture shows no script effect: no dialog, no
// window.__pwned, nothing fetched but images.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { STEP_TIMEOUT_MS, openFromExplorer, openWorkbench, runCommand, screenshot, type Session } from './harness';

const EXAMPLE = '2024-05-20-checkout-outage.md';
const HOSTILE = path.resolve(__dirname, '..', 'fixtures', 'render', 'hostile.md');

let session: Session;
let page: Page;

before(async () => {
  session = await openWorkbench();
  page = session.page;
});
after(async () => {
  await session?.close();
});

async function step(p: Page, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    await screenshot(p, `${name}-failure`).catch(() => undefined);
    throw e;
  }
}

/** The preview's content frame: VS Code nests it (iframe.webview > #active-frame). */
function preview(p: Page): FrameLocator {
  return p.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/**
 * Whether VS Code for the web has saved an editor of our preview in its window state (IndexedDB,
 * the "memento/workbench.parts.editor" key): what a reload restores from.
 */
async function savedStateHasPreview(p: Page): Promise<boolean> {
  // A string, not a function: the test runner's transpiler adds helpers the page does not have.
  return p.evaluate(`(async () => {
    const read = (name) => new Promise((resolve) => {
      const open = indexedDB.open(name);
      open.onerror = () => resolve([]);
      open.onsuccess = () => {
        const db = open.result;
        const stores = [...db.objectStoreNames];
        if (stores.length === 0) return (db.close(), resolve([]));
        const tx = db.transaction(stores, 'readonly');
        const found = [];
        for (const store of stores) {
          const request = tx.objectStore(store).get('memento/workbench.parts.editor');
          request.onsuccess = () => { if (typeof request.result === 'string') found.push(request.result); };
        }
        tx.oncomplete = () => (db.close(), resolve(found));
        tx.onerror = () => (db.close(), resolve(found));
      };
    });
    for (const info of await indexedDB.databases()) {
      if (info.name && (await read(info.name)).some((value) => value.includes('postmortem.preview'))) return true;
    }
    return false;
  })()`);
}

/**
 * Makes the workbench save its state now, as it does when its window loses focus (the user
 * switches tabs), and waits until the saved state has a preview or not, as `withPreview` says. On a
 * reload the workbench saves it too, but without waiting for the write: on a busy machine the
 * reloaded window found no preview.
 */
async function saveWindowState(p: Page, withPreview: boolean): Promise<void> {
  const other = await p.context().newPage();
  try {
    await other.bringToFront();
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while ((await savedStateHasPreview(p)) !== withPreview) {
      if (Date.now() > deadline) throw new Error(`the workbench's saved state never ${withPreview ? 'had' : 'lost'} the preview`);
      await p.waitForTimeout(250);
    }
  } finally {
    await other.close();
    await p.bringToFront();
  }
}

/**
 * Runs a command of this extension once the palette lists it: a development extension is
 * registered some time after the window opens, longer on a busy machine.
 */
async function runOurCommand(p: Page, label: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await p.keyboard.press('F1');
    await p.locator('.quick-input-widget input').fill(`>${label}`);
    const row = p.locator('.quick-input-list .monaco-list-row').filter({ has: p.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    if (await row.waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      await row.click();
      return;
    }
    await p.keyboard.press('Escape');
    if (Date.now() > deadline) throw new Error(`"${label}" never appeared in the command palette`);
  }
}

async function openPreview(p: Page): Promise<FrameLocator> {
  await runOurCommand(p, 'Postmortem: Open Preview to the Side');
  const frame = preview(p);
  await frame.locator('.pm-card').waitFor({ timeout: 60_000 });
  return frame;
}

/** Picks a colour theme by name (the palette's fuzzy match would rank "Browse Color Themes…" first). */
async function setTheme(p: Page, theme: string): Promise<void> {
  const rows = p.locator('.quick-input-list .monaco-list-row');
  const exact = (label: string) => rows.filter({ has: p.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
  await p.keyboard.press('F1');
  await p.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
  await exact('Preferences: Color Theme').click({ timeout: STEP_TIMEOUT_MS });
  await p.locator('.quick-input-widget input').fill(theme);
  await exact(theme).click({ timeout: STEP_TIMEOUT_MS });
  await p.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => undefined);
}

test('the preview follows an edit, reveals a clicked heading, and suits light, dark and high contrast', () =>
  step(page, 'preview-live', async () => {
    await openFromExplorer(page, EXAMPLE);
    const frame = await openPreview(page);

    // An edit in the editor shows in the preview after the debounce.
    await page.locator('.monaco-editor .view-line', { hasText: 'Postmortem: Checkout outage' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' (edited)');
    await frame.locator('.pm-card-title', { hasText: '(edited)' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await frame.locator('.pm-document h1', { hasText: '(edited)' }).waitFor({ timeout: STEP_TIMEOUT_MS });

    // A click on a heading in the preview puts the editor's cursor on its line.
    const heading = frame.locator('.pm-document h2', { hasText: 'Root Cause and Resolution' });
    const line = Number(await heading.getAttribute('data-line'));
    await heading.click();
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line + 1},` }).waitFor({ timeout: STEP_TIMEOUT_MS });

    for (const [theme, bodyClass, name] of [
      ['Light Modern', 'vscode-light', 'preview-light'],
      ['Dark Modern', 'vscode-dark', 'preview-dark'],
      ['Dark High Contrast', 'vscode-high-contrast', 'preview-high-contrast'],
    ] as const) {
      await setTheme(page, theme);
      await frame.locator(`body.${bodyClass}`).waitFor({ timeout: STEP_TIMEOUT_MS });
      await frame.locator('.pm-card').scrollIntoViewIfNeeded();
      await screenshot(page, name);
      // The card's text follows the theme: VS Code's variables reach the report.
      const colors = await frame.locator('.pm-card-title').evaluate((el) => ({ fg: getComputedStyle(el).color, bg: getComputedStyle(document.body).backgroundColor }));
      assert.notEqual(colors.fg, colors.bg, `${theme}: text is visible on the background`);
    }
    await page.keyboard.press('Control+Z');
  }));

test('a preview open when the window reloads comes back with its document', () =>
  step(page, 'preview-reload', async () => {
    // From a clean slate: the preview of the test before names the same file in its tab.
    await runCommand(page, 'View: Close All Editor Groups');
    // The state is saved without a preview, then with one: the reload restores this one.
    await saveWindowState(page, false);
    await openFromExplorer(page, EXAMPLE);
    await openPreview(page);
    await saveWindowState(page, true);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // VS Code asks the extension (activated by onWebviewPanel) to restore the panel it kept.
    const tab = page.locator('.tab', { hasText: `Preview ${EXAMPLE}` });
    await tab.first().waitFor({ timeout: 120_000 });
    await tab.first().click();
    const frame = preview(page);
    await frame.locator('.pm-card-title', { hasText: 'Checkout outage' }).waitFor({ timeout: 120_000 });
    await frame.locator('.pm-document h2', { hasText: 'Root Cause and Resolution' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await page.locator('.tab', { hasText: 'Preview ' }).count(), 1, 'one preview, not a restored one and a new one');
    await screenshot(page, 'preview-restored');
  }));

test('the hostile fixture shows no script effect in the preview', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ui-hostile-'));
  fs.copyFileSync(HOSTILE, path.join(folder, 'hostile.md'));
  const hostile = await openWorkbench({ folder });
  const p = hostile.page;
  const dialogs: string[] = [];
  const requests: { url: string; type: string }[] = [];
  p.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  p.context().on('request', (r) => {
    if (r.url().includes('evil.example')) requests.push({ url: r.url(), type: r.resourceType() });
  });
  try {
    await step(p, 'preview-hostile', async () => {
      await openFromExplorer(p, 'hostile.md');
      const frame = await openPreview(p);
      await frame.locator('.pm-document').waitFor({ timeout: STEP_TIMEOUT_MS });
      await frame.getByText('overlay').click();
      const state = await frame.locator('body').evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        frames: document.querySelectorAll('iframe, object, embed').length,
        // VS Code adds its own script to the page; the report must bring none.
        scripts: document.querySelectorAll('#pm-root script').length,
        handlers: Array.from(document.querySelectorAll('#pm-root *')).filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).length,
      }));
      assert.equal(state.pwned, undefined);
      assert.equal(state.frames, 0);
      assert.equal(state.scripts, 0);
      assert.equal(state.handlers, 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(requests.filter((r) => r.type !== 'image'), [], 'nothing but images from the document');
      await screenshot(p, 'preview-hostile');
    });
  } finally {
    await hostile.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
