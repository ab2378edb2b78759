// Headless Chromium for the browser tests: Debian's /usr/bin/chromium (or POSTMORTEM_CHROMIUM),
// the flags the UI harness uses, and where screenshots go. A missing browser skips with a reason.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

export const CHROMIUM = process.env['POSTMORTEM_CHROMIUM'] ?? '/usr/bin/chromium';
export const RESULTS = join(ROOT, 'test-results', 'render');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SKIP: string | false = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium, or node scripts/vscode/setup.mjs) or set POSTMORTEM_CHROMIUM`;
