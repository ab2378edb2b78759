// The workspace index as a person sees it (code-server + headless Chromium): the Explorer's
// Incidents view, the Show Open Action Items quick pick, and the metrics hover on the Timeline
// heading. The workspace is a copy of the UI workspace (the examples) plus one postmortem with
// open action items, one of them overdue (the examples' items are all done). Screenshots:
// test-results/ui/incident-index.png, open-action-items.png, metrics-hover.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DNS_TEXT } from '../fixtures/editor/dns-outage';
import { STEP_TIMEOUT_MS, openFromExplorer, openWorkbench, screenshot, workspaceDir, type Session } from './harness';

const CHECKOUT = '2024-05-20-checkout-outage.md';
const DNS = '2024-09-02-dns-outage.md';

let session: Session;
let page: Page;
let folder: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ui-incidents-'));
  fs.cpSync(workspaceDir(), folder, { recursive: true });
  fs.mkdirSync(path.join(folder, 'postmortems'), { recursive: true });
  fs.writeFileSync(path.join(folder, 'postmortems', DNS), DNS_TEXT);
  session = await openWorkbench({ folder });
  page = session.page;
});
after(async () => {
  await session?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    await screenshot(page, `${name}-failure`).catch(() => undefined);
    throw e;
  }
}

/** Drags the side bar's right edge (the sash) to x. */
async function dragSideBarEdgeTo(x: number): Promise<void> {
  const box = (await page.locator('.part.sidebar').first().boundingBox())!;
  const edge = { x: box.x + box.width + 1, y: box.y + box.height / 3 };
  await page.mouse.move(edge.x, edge.y);
  await page.mouse.down();
  await page.mouse.move(x, edge.y, { steps: 8 });
  await page.mouse.up();
}

/** The Incidents pane of the Explorer, expanded. */
async function incidentsPane(): Promise<Locator> {
  const header = page.locator('.pane-header', { hasText: /^Incidents/i }).first();
  await header.waitFor({ timeout: 60_000 }); // shown once the extension has activated
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  return page.locator('.pane', { has: header }).first();
}

test('the Incidents view lists every postmortem, newest first, with date, severity, duration, open items and problems', () => step('incident-index', async () => {
  // Opening a Markdown file activates the extension, which shows the view.
  await openFromExplorer(page, CHECKOUT);
  const pane = await incidentsPane();
  const rows = pane.locator('.monaco-list-row');
  await rows.filter({ hasText: 'DNS outage at the edge' }).first().waitFor({ timeout: 60_000 });
  await rows.nth(3).waitFor({ timeout: STEP_TIMEOUT_MS });
  const labels = await pane.locator('.monaco-list-row .label-name').allInnerTexts();
  assert.deepEqual(labels.map((l) => l.trim()), [
    'DNS outage at the edge',
    'Queue backlog delays order emails overnight',
    'Slow logins after the session-store upgrade',
    'Checkout outage after a payment-gateway certificate rotation',
  ]);
  const dns = await rows.filter({ hasText: 'DNS outage' }).first().locator('.label-description').innerText();
  assert.match(dns, /^2024-09-02 · SEV1 · 1h 30m · 2 open \(1 overdue\) · \d+ problems?$/);
  const checkout = await rows.filter({ hasText: 'Checkout outage' }).first().locator('.label-description').innerText();
  assert.match(checkout, /^2024-05-20 · 1h 10m · 0 open · 0 problems$/);
  assert.match(await pane.locator('.pane-header').first().innerText(), /by date/i, 'the order is shown in the header');
  // For the picture: a wider side bar, the file tree folded away, the DNS row's tooltip shown.
  await dragSideBarEdgeTo(820);
  await page.locator('.pane-header', { hasText: /postmortem-ui-incidents/i }).first().click();
  await rows.filter({ hasText: 'DNS outage' }).first().hover();
  const tooltip = page.locator('.monaco-hover:not(.hidden), .workbench-hover', { hasText: 'Time to detect' }).first();
  await tooltip.waitFor({ timeout: STEP_TIMEOUT_MS });
  const tip = await tooltip.innerText();
  assert.match(tip, /Postmortem: DNS outage at the edge/);
  assert.match(tip, /Time to detect\s+10 minutes/);
  assert.match(tip, /Action items\s+2 open of 3, 1 overdue/);
  await screenshot(page, 'incident-index');
  await page.mouse.move(900, 400);
  await page.locator('.pane-header', { hasText: /postmortem-ui-incidents/i }).first().click();
  await dragSideBarEdgeTo(300);
}));

test('Show Open Action Items lists the open items, overdue first, and opens the one picked', () => step('open-action-items', async () => {
  // Not the harness's runCommand: it waits for the palette to close, but our quick pick takes its
  // place in the same widget, so the wait would only time out.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Postmortem: Show Open Action Items');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Postmortem: Show Open Action Items' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  const list = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await list.filter({ hasText: 'Alert before keys expire' }).first().waitFor({ timeout: 60_000 });
  const rows = await list.allInnerTexts();
  assert.equal(rows.length, 2, rows.join('\n---\n'));
  assert.match(rows[0]!, /Alert before keys expire[\s\S]*overdue by \d+ days · @ann · due 2024-10-01[\s\S]*postmortems\/2024-09-02-dns-outage\.md:23/);
  assert.match(rows[1]!, /Document key rotation[\s\S]*@cid · due 2099-01-01[\s\S]*postmortems\/2024-09-02-dns-outage\.md:25/);
  assert.match(await page.locator('.quick-input-widget .quick-input-title').innerText(), /2 open action items in 4 postmortems, 1 overdue/);
  await screenshot(page, 'open-action-items');
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: DNS }).waitFor({ timeout: STEP_TIMEOUT_MS });
  // The picked item's line is the one selected: the editor's selection highlight is on it.
  await page.locator('.monaco-editor .view-line', { hasText: 'Alert before keys expire' }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
}));

test('hovering the Timeline heading shows the incident metrics', () => step('metrics-hover', async () => {
  await openFromExplorer(page, CHECKOUT);
  const heading = page.locator('.monaco-editor .view-line', { hasText: '## Timeline' }).first();
  await heading.waitFor({ timeout: STEP_TIMEOUT_MS });
  const box = (await heading.boundingBox())!;
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Incident metrics' });
  // The first hover of a session may come before the analysis: move again until it shows.
  for (let attempt = 0; attempt < 5 && !(await hover.isVisible()); attempt++) {
    await page.mouse.move(5, 5);
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.mouse.move(box.x + 45, box.y + box.height / 2, { steps: 4 });
    await hover.waitFor({ timeout: 6_000 }).catch(() => undefined);
  }
  const shown = await hover.innerText();
  assert.match(shown, /Incident metrics, counted from the stated start, 14:00 UTC/);
  assert.match(shown, /Time to detect\s+0 minutes\s+14:00 UTC/);
  assert.match(shown, /Time to acknowledge\s+6 minutes\s+14:06 UTC/);
  assert.match(shown, /Time to mitigate\s+40 minutes\s+14:40 UTC/);
  await screenshot(page, 'metrics-hover');
  await page.mouse.move(5, 5);
}));
