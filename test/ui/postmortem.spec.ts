// What a person sees in a real VS Code (code-server + headless Chromium) with the examples/
// workspace (a temporary copy, made by `npm run test:ui`): the Problems panel rows of the defects
// example, the duration hover's arithmetic, New Postmortem… end to end through the quick inputs,
// and the preview's card and chart. One browser for all steps (start-up is the cost); each step
// saves a screenshot to test-results/ui/ (and NAME-failure.png when it fails).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { STEP_TIMEOUT_MS, openFromExplorer, openWorkbench, readProblems, runCommand, screenshot, waitForSquiggle, workspaceDir, type Session } from './harness';

const DEFECTS = '2024-06-11-login-latency.md';

let session: Session;
let t0 = Date.now();
/** Progress with the time since the step began, to see where a slow machine spends it. */
const mark = (what: string): void => console.log(`[ui] +${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);
let page: Page;

before(async () => {
  session = await openWorkbench();
  page = session.page;
});
after(async () => {
  await session?.close();
});

/** Runs a step; on failure saves NAME-failure.png before rethrowing. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  t0 = Date.now();
  try {
    await body();
  } catch (e) {
    await screenshot(page, `${name}-failure`).catch(() => undefined);
    throw e;
  }
}

/** The page coordinates of the middle of the first match of `re` in the editor line containing `lineText`. */
async function textPoint(lineText: string, re: RegExp): Promise<{ x: number; y: number }> {
  const line = page.locator('.monaco-editor .view-line', { hasText: lineText }).first();
  await line.waitFor({ timeout: STEP_TIMEOUT_MS });
  const point = await line.evaluate((el, [source, flags]) => {
    // Monaco renders spaces as U+00A0: match on the text nodes with \s, then measure a DOM Range.
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const all = nodes.map((n) => n.data).join('');
    const m = new RegExp(source, flags).exec(all);
    if (!m) return null;
    let offset = m.index + Math.floor(m[0].length / 2);
    for (const n of nodes) {
      if (offset < n.data.length) {
        const r = document.createRange();
        r.setStart(n, offset);
        r.setEnd(n, offset + 1);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      offset -= n.data.length;
    }
    return null;
  }, [re.source, re.flags] as const);
  assert.ok(point, `${re} found on the editor line with "${lineText}"`);
  return point;
}

async function closeEditors(): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
}

test('Problems panel lists the defects example\'s four findings', () => step('problems', async () => {
  await openFromExplorer(page, DEFECTS);
  mark('defects example open');
  await waitForSquiggle(page, 'error', 60_000); // the first diagnostics: a cold server
  await waitForSquiggle(page, 'warning');
  mark('squiggles shown');
  const rows = await readProblems(page, { min: 5 }); // the file row + four problems
  mark('problems read');
  const text = rows.map((r) => `${r.text} | ${r.label}`).join('\n');
  for (const expected of [
    /Missing section "Root Cause"/,
    /"Issue Summary" is written as bold text, not a heading/,
    /Duration says 2 hours, but 09:15 → 11:45 UTC is 2 hours 30 minutes/,
    /Timeline out of order: 09:25 UTC comes after 09:40 UTC/,
  ]) assert.match(text, expected);
  assert.match(text, new RegExp(DEFECTS.replace(/\./g, '\\.')), 'the file row names the example');
  await screenshot(page, 'problems');
}));

test('hovering the stated duration shows the arithmetic', () => step('hover-duration', async () => {
  await openFromExplorer(page, DEFECTS);
  // The "(2 hours)" of "**Duration:** June 11, 2024, 09:15 - 11:45 UTC (2 hours)" on line 5.
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'stated: 2 hours' });
  const { x, y } = await textPoint('Duration:', /2\s+hours/);
  await page.mouse.move(x - 20, y);
  await page.mouse.move(x, y, { steps: 4 });
  await hover.waitFor({ timeout: STEP_TIMEOUT_MS });
  const shown = await hover.innerText();
  assert.match(shown, /09:15 → 11:45 UTC = 2 hours 30 minutes/);
  assert.match(shown, /stated: 2 hours ✗ \(30 minutes short\)/);
  await screenshot(page, 'hover-duration');
  await page.mouse.move(5, 5);
}));

test('New Postmortem… from the command palette creates and opens the file', () => step('new-postmortem', async () => {
  await closeEditors();
  const name = '2024-09-03-search-latency-spike.md';
  const target = path.join(workspaceDir(), 'postmortems', name);
  fs.rmSync(target, { force: true });
  await runCommand(page, 'Postmortem: New Postmortem…');
  mark('command run');
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input').first();
  const answer = async (stepTitle: RegExp, text: string | undefined, pickRow?: string): Promise<void> => {
    await widget.locator('.quick-input-title', { hasText: stepTitle }).waitFor({ timeout: STEP_TIMEOUT_MS });
    if (text !== undefined) await input.fill(text);
    if (pickRow) await widget.locator('.quick-input-list .monaco-list-row', { hasText: pickRow }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.keyboard.press('Enter');
  };
  await answer(/\(1\/5\): template/, 'Generic', 'Generic');
  await answer(/\(2\/5\): title/, 'Search latency spike');
  await answer(/\(3\/5\): time zone/, 'UTC');
  await answer(/\(4\/5\): start/, '2024-09-03 08:30');
  await answer(/\(5\/5\): severity/, 'SEV3', 'SEV3');
  mark('prompts answered');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.monaco-editor .view-line', { hasText: '# Search latency spike' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.ok(fs.existsSync(target), `${target} written`);
  const written = fs.readFileSync(target, 'utf8');
  assert.match(written, /^---\ntype: postmortem\ntemplate: generic\ntimezone: UTC\n---\n\n# Search latency spike\n\n\*\*Severity:\*\* SEV3\n/);
  assert.match(written, /- \*\*08:30 UTC:\*\*/);
  await screenshot(page, 'new-postmortem');
}));

/** The webview's content frame: VS Code nests it (iframe.webview > #active-frame). */
function webview(): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

test('Open Preview shows the summary card and the timeline chart', () => step('preview-defects', async () => {
  await closeEditors();
  await openFromExplorer(page, DEFECTS);
  await runCommand(page, 'Postmortem: Open Preview to the Side');
  const frame = webview();
  await frame.locator('.pm-card').waitFor({ timeout: 60_000 });
  await frame.locator('svg.pm-chart-svg').waitFor({ timeout: STEP_TIMEOUT_MS });
  const card = await frame.locator('.pm-card').innerText();
  assert.match(card, /Slow logins after the session-store upgrade/);
  const entries = await frame.locator('svg.pm-chart-svg .pm-entry').count();
  assert.ok(entries >= 5, `one mark per timeline entry (5), got ${entries}`);
  // As the user first sees it: with the editor at its first line the preview starts at the top,
  // the summary card in view (not scrolled down to the document's title below the report).
  const cardBox = await frame.locator('.pm-card').boundingBox();
  assert.ok(cardBox && cardBox.y >= 0 && cardBox.y < 400, `the card is in view when the preview opens (card top at y=${cardBox?.y.toFixed(0)})`);
  await screenshot(page, 'preview-defects');
  // The chart, scrolled into view.
  await frame.locator('svg.pm-chart-svg').scrollIntoViewIfNeeded();
  await screenshot(page, 'preview-defects-chart');
}));
