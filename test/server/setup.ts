// Shared by the protocol tests: builds the bundles when sources are newer than dist/ (several test
// files run in parallel; rebuilding only when stale keeps them from rewriting dist/ under each
// other), and makes temporary workspaces on disk for config files and "check all".
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './client';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

export function buildServer(): void {
  const built = Math.min(mtime(join(ROOT, 'dist', 'server.js')), mtime(join(ROOT, 'dist', 'analysis-worker.js')));
  const sources = Math.max(newestMtime(join(ROOT, 'server', 'src')), newestMtime(join(ROOT, 'schemas')), mtime(join(ROOT, 'scripts', 'build.mjs')));
  if (built > sources) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'server', name), 'utf8');
}

export class TempWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'postmortem-lsp-'));
  readonly uri = pathToFileURL(this.dir).href;

  write(relative: string, text: string): string {
    const path = join(this.dir, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return pathToFileURL(path).href;
  }

  uriOf(relative: string): string {
    return pathToFileURL(join(this.dir, relative)).href;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
