// The preview's webview page (client/src/preview/shell.ts + webview-script.ts) in headless
// Chromium, outside VS Code: served from a stand-in webview origin with its real CSP, the VS Code
// API replaced by a recorder. The hostile report placed by message runs nothing, loads nothing but
// https images (which the preview's CSP allows), and clicks become reveal / open-link messages
// without the page ever navigating. test/ui/preview.spec.ts covers the same in a real VS Code.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FromWebview } from '../../client/src/preview/messages';
import { previewPage } from '../../client/src/preview/shell';
import { renderBody } from '../../server/src/render';
import { CHROMIUM, CHROMIUM_ARGS, RESULTS, SKIP as skip } from './browser';
import { analyseFile, lineIncluding, NOW, RENDER_FIXTURES, ROOT } from './helpers';

const ORIGIN = 'https://webview.test';

function body(file: string): { html: string; text: string } {
  const { analysis, doc, text } = analyseFile(file);
  return { html: renderBody(analysis, doc, { baseUrl: pathToFileURL(file).href, now: NOW }), text };
}

/** The document the reports stand for, as the extension names it in each update. */
const DOCUMENT_URI = 'file:///work/postmortems/report.md';

/** The webview's VS Code API, recording what the page sends; and a CSP violation recorder. */
const FAKE_VSCODE_API = `
  window.__sent = [];
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', function (e) { window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });
  var state;
  window.acquireVsCodeApi = function () {
    return { postMessage: function (m) { window.__sent.push(m); }, getState: function () { return state; }, setState: function (s) { state = s; } };
  };
  window.__state = function () { return state; };
`;

interface Session {
  page: Page;
  sent: () => Promise<FromWebview[]>;
  requests: { url: string; type: string }[];
  dialogs: string[];
}

describe('preview webview page in Chromium', { skip }, () => {
  let browser: Browser;
  let script = '';

  before(async () => {
    const out = await build({ entryPoints: [join(ROOT, 'client', 'src', 'preview', 'webview-script.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022' });
    script = out.outputFiles[0]!.text;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    mkdirSync(RESULTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  async function open(colorScheme: 'light' | 'dark', html: string): Promise<Session> {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 }, colorScheme });
    const session: Session = { page, requests: [], dialogs: [], sent: () => page.evaluate(() => (window as unknown as { __sent: FromWebview[] }).__sent) };
    page.on('dialog', (d) => {
      session.dialogs.push(d.message());
      void d.dismiss();
    });
    // Nothing leaves the test: our two files are served, everything else is recorded and refused.
    await page.route('**/*', (route) => {
      const request = route.request();
      session.requests.push({ url: request.url(), type: request.resourceType() });
      if (request.url() === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: previewPage({ cspSource: ORIGIN, scriptUri: `${ORIGIN}/preview.js` }) });
      if (request.url() === `${ORIGIN}/preview.js`) return route.fulfill({ contentType: 'text/javascript', body: script });
      return route.abort();
    });
    // A string, not a function: tsx would wrap a function's inner arrows in a helper the page lacks.
    await page.addInitScript({ content: FAKE_VSCODE_API });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'ready'));
    await page.evaluate(([report, uri]) => window.postMessage({ type: 'update', html: report, version: 1, uri }, '*'), [html, DOCUMENT_URI] as const);
    await page.locator('.pm-report').waitFor();
    return session;
  }

  it('places the hostile report without running or fetching anything but https images', async () => {
    const { html } = body(join(RENDER_FIXTURES, 'hostile.md'));
    const s = await open('light', html);
    try {
      const state = await s.page.evaluate(() => {
        const w = window as unknown as { __pwned?: unknown; __violations: string[] };
        return { pwned: w.__pwned, violations: w.__violations, scripts: document.scripts.length };
      });
      assert.equal(state.pwned, undefined);
      assert.equal(state.scripts, 1, 'only our own script');
      assert.deepEqual(s.dialogs, []);
      const others = s.requests.filter((r) => !r.url.startsWith(ORIGIN));
      assert.deepEqual(others.filter((r) => r.type !== 'image'), []);
      assert.ok(others.every((r) => r.url.startsWith('https:')), others.map((r) => r.url).join(', '));
      // Hovering and clicking the bait changes nothing either.
      await s.page.getByText('users saw').hover();
      await s.page.getByText('overlay').click();
      assert.equal(await s.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
      await s.page.screenshot({ path: join(RESULTS, 'preview-hostile-light.png'), fullPage: true });
    } finally {
      await s.page.close();
    }
  });

  it('turns clicks into reveal and open-link messages and never navigates', async () => {
    const file = join(RENDER_FIXTURES, 'report.md');
    const { html, text } = body(file);
    const s = await open('dark', html);
    try {
      await s.page.locator('.pm-document h2', { hasText: 'Timeline' }).click();
      await s.page.locator('.pm-entry').nth(4).click();
      await s.page.locator('.pm-count.pm-error').click();
      await s.page.locator('.pm-document a', { hasText: 'runbook' }).click();
      await s.page.locator('.pm-document a', { hasText: 'Timeline' }).click();
      await s.page.locator('.pm-entry').first().focus();
      await s.page.keyboard.press('Enter');
      const sent = (await s.sent()).filter((m) => m.type !== 'ready');
      assert.deepEqual(sent, [
        { type: 'reveal', line: lineIncluding(text, '## Timeline') },
        { type: 'reveal', line: lineIncluding(text, '00:20 UTC') },
        { type: 'reveal', line: lineIncluding(text, '**Duration:**') },
        { type: 'open-link', href: 'https://runbooks.example/payments' },
        { type: 'reveal', line: lineIncluding(text, '23:40 UTC:**') },
      ]);
      assert.equal(s.page.url(), `${ORIGIN}/`);
      await s.page.screenshot({ path: join(RESULTS, 'preview-report-dark.png'), fullPage: true });
    } finally {
      await s.page.close();
    }
  });

  it('scrolls to the editor line, and keeps it when the report is replaced', async () => {
    const { html, text } = body(join(RENDER_FIXTURES, 'report.md'));
    const s = await open('light', html);
    try {
      const line = lineIncluding(text, '## Root Cause and Resolution');
      await s.page.evaluate((l) => window.postMessage({ type: 'scroll', line: l }, '*'), line);
      // Scrolled so the heading is at the top (8px margin), or as far as the page goes.
      const offset = () =>
        s.page.evaluate(() => {
          const h = Array.from(document.querySelectorAll('.pm-document h2')).find((e) => e.textContent === 'Root Cause and Resolution')!;
          const wanted = Math.min(h.getBoundingClientRect().top + window.scrollY - 8, document.documentElement.scrollHeight - window.innerHeight);
          return Math.abs(window.scrollY - wanted);
        });
      await s.page.waitForFunction(() => window.scrollY > 0);
      assert.ok((await offset()) < 2, `scrolled to the heading (off by ${await offset()})`);
      await s.page.evaluate(([report, uri]) => window.postMessage({ type: 'update', html: report, version: 2, uri }, '*'), [html, DOCUMENT_URI] as const);
      assert.ok((await offset()) < 2, 'still there after an update');
      // What VS Code keeps for the page across a window reload: the line and the document (restore.ts).
      assert.deepEqual(await s.page.evaluate(() => (window as unknown as { __state: () => unknown }).__state()), { line, uri: DOCUMENT_URI });
      await s.page.evaluate(() => window.postMessage({ type: 'notice', text: 'The preview could not be rendered.' }, '*'));
      assert.equal(await s.page.locator('#pm-notice').isVisible(), true);
    } finally {
      await s.page.close();
    }
  });
});
