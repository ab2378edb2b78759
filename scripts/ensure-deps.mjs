// Installs the npm packages when node_modules is missing or older than package-lock.json, so the
// README's two commands work on a fresh clone with nothing installed by hand.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.postmortem-lock-hash');

export function ensureDependencies() {
  const lock = join(root, 'package-lock.json');
  const hash = createHash('sha256').update(readFileSync(lock)).update(readFileSync(join(root, 'package.json'))).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return;
  console.log('[deps] installing npm packages (npm ci)…');
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[deps] npm ci failed: fix the error above (network to the npm registry?) and run again.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(marker, hash);
  console.log(`[deps] installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDependencies();
