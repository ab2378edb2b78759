// The exported report in headless Chromium (Debian's /usr/bin/chromium through playwright-core):
// an example and the hostile fixture, opened from file URLs as a reader would. Nothing may run
// (no dialog, no window.__pwned, no CSP violation, not even an attempt), nothing may be fetched
// from the network, the dark scheme and print must take effect, and screenshots in light, dark
// and print go to test-results/render/ for a person to look at.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderStandalone } from '../../server/src/render';
import { CHROMIUM, CHROMIUM_ARGS, RESULTS, SKIP as skip } from './browser';
import { analyseFile, EXAMPLES, NOW, RENDER_FIXTURES } from './helpers';

/** Writes the export of `file` beside the screenshots and returns its file URL. */
function exportOf(file: string, name: string): string {
  const { analysis, doc } = analyseFile(file);
  const html = renderStandalone(analysis, doc, { baseUrl: pathToFileURL(file).href, now: NOW });
  mkdirSync(RESULTS, { recursive: true });
  const out = join(RESULTS, `${name}.html`);
  writeFileSync(out, html);
  return pathToFileURL(out).href;
}

interface Watch {
  dialogs: string[];
  requests: string[];
  errors: string[];
}

/** Opens a page that records dialogs, requests and CSP violations (the recorder runs outside the page's CSP). */
async function open(browser: Browser, url: string, colorScheme: 'light' | 'dark'): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme });
  const watch: Watch = { dialogs: [], requests: [], errors: [] };
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('pageerror', (e) => watch.errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, watch };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

describe('exported report in Chromium', { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
  });

  const cases = [
    // The first example postmortem, whatever the examples are called today.
    { name: 'export-example', file: join(EXAMPLES, readdirSync(EXAMPLES).filter((f) => f.endsWith('.md')).sort()[0]!) },
    { name: 'export-report-fixture', file: join(RENDER_FIXTURES, 'report.md') },
    { name: 'export-hostile', file: join(RENDER_FIXTURES, 'hostile.md') },
  ];

  for (const c of cases) {
    it(`${c.name}: runs nothing and fetches nothing from the network`, async () => {
      const url = exportOf(c.file, c.name);
      const { page, watch } = await open(browser, url, 'light');
      try {
        const state = await page.evaluate(() => {
          const w = window as unknown as { __pwned?: unknown; __violations: string[] };
          const handlers = Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`));
          return { pwned: w.__pwned, violations: w.__violations, scripts: document.scripts.length, frames: document.querySelectorAll('iframe, frame, object, embed').length, handlers, forms: document.forms.length };
        });
        assert.equal(state.pwned, undefined);
        assert.deepEqual(state.violations, [], 'nothing in the page even tried to break the CSP');
        assert.equal(state.scripts, 0);
        assert.equal(state.frames, 0);
        assert.equal(state.forms, 0);
        assert.deepEqual(state.handlers, []);
        assert.deepEqual(watch.dialogs, []);
        assert.deepEqual(watch.errors, []);
        assert.deepEqual(watch.requests.filter((r) => !r.startsWith('file:')), [], 'no network request');
        assert.ok(!watch.requests.some((r) => r.includes('evil.example')));
        // A click on everything clickable still runs nothing and goes nowhere but in-page anchors.
        for (const link of await page.locator('a:not([href^="http"]):not([href^="mailto"]):not([href^="file"])').all()) await link.click({ timeout: 2000 }).catch(() => undefined);
        assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
        assert.ok(page.url().startsWith(url), `still on the report (${page.url()})`);
        assert.deepEqual(watch.dialogs, []);
        await shoot(page, `${c.name}-light`);
      } finally {
        await page.close();
      }
    });
  }

  it('follows the dark colour scheme and prints light, with the chart fitting the page', async () => {
    const url = exportOf(cases[0]!.file, cases[0]!.name);
    const { page: light } = await open(browser, url, 'light');
    const { page: dark } = await open(browser, url, 'dark');
    try {
      const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(await background(light), 'rgb(255, 255, 255)');
      assert.equal(await background(dark), 'rgb(30, 30, 30)');
      await shoot(dark, `${cases[0]!.name}-dark`);
      const { page: hostileDark } = await open(browser, exportOf(cases[2]!.file, cases[2]!.name), 'dark');
      await shoot(hostileDark, `${cases[2]!.name}-dark`);
      await hostileDark.close();
      await dark.emulateMedia({ media: 'print' });
      assert.equal(await background(dark), 'rgb(255, 255, 255)', 'print is light even in a dark scheme');
      const chartFits = await dark.evaluate(() => {
        const svg = document.querySelector('.pm-chart-svg')!.getBoundingClientRect();
        return svg.width <= document.documentElement.clientWidth;
      });
      assert.ok(chartFits);
      await shoot(dark, `${cases[0]!.name}-print`);
      const pdf = await dark.pdf({ format: 'A4' }).catch(() => undefined);
      if (pdf) writeFileSync(join(RESULTS, `${cases[0]!.name}.pdf`), pdf);
    } finally {
      await light.close();
      await dark.close();
    }
  });
});
