// Playwright helpers for UI checks of the extension in a real VS Code (code-server in headless
// Debian chromium). Specs are test/ui/*.spec.ts (or .mjs), run with node's test runner by
// `npm run test:ui` (scripts/vscode/test-ui.mjs), which starts ONE code-server for all of them
// and passes it here through the environment:
//   POSTMORTEM_CODE_SERVER_URL   http://127.0.0.1:PORT
//   POSTMORTEM_UI_WORKSPACE      folder opened by default (test/ui/workspace/, else examples/)
//   POSTMORTEM_EXTENSION_PATH    the extension loaded as a development extension ('' = none,
//                                when test-ui.mjs --vsix installed the packaged .vsix instead)
//   POSTMORTEM_UI_RESULTS        where screenshots go (test-results/ui/)
//
//   import { withWorkbench, openFile, waitForSquiggle, readProblems, screenshot } from './harness';
//   test('flags a missing section', () => withWorkbench('missing-section', async (page) => {
//     await openFile(page, 'a.md');          // each withWorkbench = fresh browser profile,
//     await waitForSquiggle(page, 'warning'); // so no editor state leaks between tests
//   }));
// (a failing body leaves test-results/ui/NAME-failure.png; openWorkbench() is the manual form)
//
// Selectors are the ones known to work on VS Code 1.139 (code-server 4.139.1).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// As in scripts/vscode/run-extension-tests.mjs: headless as root, and no background traffic on
// a closed network.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function env(name: string): string {
  const v = process.env[name];
  if (v === undefined) {
    throw new Error(`${name} is not set: run UI specs through \`npm run test:ui\` (optionally with spec file names)`);
  }
  return v;
}

// Per-step waits. Generous: on a loaded 2-core machine the first Quick Open of a session (file
// search starts in the extension host) has been seen to take over 10 s.
export const STEP_TIMEOUT_MS = Number(process.env.POSTMORTEM_UI_STEP_TIMEOUT_MS ?? 30_000);

export const resultsDir = (): string => process.env.POSTMORTEM_UI_RESULTS ?? path.resolve('test-results', 'ui');
export const workspaceDir = (): string => env('POSTMORTEM_UI_WORKSPACE');

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and deletes its profile; code-server keeps running for the next spec. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Folder to open; default POSTMORTEM_UI_WORKSPACE. Must exist on this machine. */
  folder?: string;
  /** Load this extension folder as a development extension; default POSTMORTEM_EXTENSION_PATH. */
  extensionDevelopmentPath?: string;
  timeoutMs?: number;
}

/** Opens a folder in a fresh headless browser and waits until the workbench and explorer show. */
export async function openWorkbench(opts: OpenOptions = {}): Promise<Session> {
  const base = env('POSTMORTEM_CODE_SERVER_URL');
  const folder = path.resolve(opts.folder ?? workspaceDir());
  const devPath = opts.extensionDevelopmentPath ?? process.env.POSTMORTEM_EXTENSION_PATH ?? '';
  const timeout = opts.timeoutMs ?? 90_000;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ui-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.POSTMORTEM_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let url = `${base}/?folder=${encodeURIComponent(folder)}`;
    if (devPath) {
      // The workbench reads extensionDevelopmentPath from the URL payload (code-server is
      // started with the smoke-test driver enabled, which makes it honour the payload). The
      // authority must be the host:port the browser uses.
      const authority = new URL(base).host;
      const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${authority}${encodeURI(path.resolve(devPath))}`]]);
      url += `&payload=${encodeURIComponent(payload)}`;
    }
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    await page.waitForSelector('.monaco-workbench', { timeout });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
    return { context, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Runs a command by its palette label, e.g. 'View: Focus Problems' (F1, type, Enter). */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${label}`);
  // Wait until the list shows the exact command, so Enter does not pick a neighbour.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => undefined);
}

/** Opens a file of the workspace with Quick Open (Ctrl+P) and waits for its editor. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(relativePath);
  const name = path.basename(relativePath);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

/**
 * Opens NAME by clicking it in the Explorer (the postmortems/ folder is expanded if need be).
 * Quick Open (openFile) depends on the file search in the extension host, which on a loaded 2-core
 * machine has taken over 30 s for the first search of a session; the Explorer does not.
 */
export async function openFromExplorer(page: Page, name: string): Promise<void> {
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  const file = rows.filter({ hasText: name }).first();
  if (!(await file.isVisible())) await rows.filter({ hasText: /^postmortems$/ }).first().click();
  await file.click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Waits until the active editor shows at least one squiggle of this severity. */
export async function waitForSquiggle(page: Page, severity: 'error' | 'warning' | 'info' = 'warning', timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  await page.locator(`.monaco-editor .squiggly-${severity}`).first().waitFor({ state: 'attached', timeout: timeoutMs });
}

export interface ProblemRow {
  /** The row's accessible label (VS Code puts severity, message, source and position in it). */
  label: string;
  /** The visible text of the row. */
  text: string;
}

/**
 * Focuses the Problems panel and returns its rows (file rows and problem rows, as shown;
 * the list is virtualised, so only rows in view). Waits up to timeoutMs for at least `min` rows.
 */
export async function readProblems(page: Page, { min = 0, timeoutMs = STEP_TIMEOUT_MS } = {}): Promise<ProblemRow[]> {
  await runCommand(page, 'View: Focus Problems');
  const rows = page.locator('.markers-panel .monaco-list-row');
  if (min > 0) await rows.nth(min - 1).waitFor({ timeout: timeoutMs });
  const out: ProblemRow[] = [];
  for (const row of await rows.all()) {
    out.push({ label: (await row.getAttribute('aria-label')) ?? '', text: (await row.innerText()).trim() });
  }
  return out;
}

/** Saves a PNG of the page to test-results/ui/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(resultsDir(), `${name.replace(/[^\w.-]+/g, '_')}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/** Opens a workbench, runs body, screenshots NAME-failure.png if it throws, always closes. */
export async function withWorkbench<T>(name: string, body: (page: Page, session: Session) => Promise<T>, opts: OpenOptions = {}): Promise<T> {
  const session = await openWorkbench(opts);
  try {
    return await body(session.page, session);
  } catch (e) {
    await screenshot(session.page, `${name}-failure`).catch(() => undefined);
    throw e;
  } finally {
    await session.close();
  }
}
