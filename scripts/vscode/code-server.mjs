// Starts and stops an isolated code-server (VS Code in the browser, Node extension host) on
// loopback. Used by the extension-host test runner, the UI tests and `npm start`.
//
//   const cs = await startCodeServer({ folder, extensionsDir?, userSettings?, extraArgs? });
//   cs.url  -> 'http://127.0.0.1:PORT'     cs.port, cs.pid, cs.logFile
//   await cs.stop()                         kills the whole process group, removes temp dirs
//   installExtension(vsixPath, extensionsDir)
//
// Why each choice:
// - its own temp folder for user data, extensions and XDG_* dirs: otherwise code-server writes
//   into ~/.config, ~/.local and the user's real settings leak into tests;
// - detached = its own process group: code-server forks a file watcher and the extension host;
//   killing only the main pid leaves those behind, so stop() signals the group (-pid);
// - output goes to a log file, not a pipe, so a dying parent never blocks or SIGPIPEs it; the
//   tail is shown when start-up fails.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER_ENTRY, NODE24_BIN } from './paths.mjs';

// Quiet, deterministic editor: no welcome page, no telemetry or update checks (there is no
// network to reach anyway), no AI chat panels competing for focus.
export const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the (empty, offline) chat view
};

function assertInstalled() {
  if (!fs.existsSync(CODE_SERVER_ENTRY) || !fs.existsSync(NODE24_BIN)) {
    throw new Error(`code-server is not installed under .vscode-test/: run \`npm run setup:vscode\` first`);
  }
}

/** A free TCP port on 127.0.0.1 (ask the OS for port 0, then release it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Environment for code-server: isolated XDG dirs, Node 24 first on PATH, and nothing from an
// outer VS Code (VSCODE_* variables would make it talk to that instance).
function isolatedEnv(base) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VSCODE_|ELECTRON_)/.test(k)));
  for (const d of ['config', 'data', 'cache']) fs.mkdirSync(path.join(base, `xdg-${d}`), { recursive: true });
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(base, 'xdg-config'),
    XDG_DATA_HOME: path.join(base, 'xdg-data'),
    XDG_CACHE_HOME: path.join(base, 'xdg-cache'),
    PATH: `${path.dirname(NODE24_BIN)}${path.delimiter}${process.env.PATH}`,
  };
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

function groupAlive(pid) {
  try { process.kill(-pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

/**
 * @param {object} o
 * @param {string} o.folder          workspace folder to open (absolute or relative to cwd)
 * @param {string} [o.extensionsDir] default: a fresh temp folder
 * @param {object} [o.userSettings]  merged over DEFAULT_SETTINGS
 * @param {string[]} [o.extraArgs]   e.g. ['--vscode-option', 'enable-smoke-test-driver']
 * @param {string} [o.host]          default 127.0.0.1
 * @param {number} [o.port]          default: a free port
 * @param {number} [o.startTimeoutMs] default 90 s
 */
export async function startCodeServer({
  folder, extensionsDir, userSettings = {}, extraArgs = [], host = '127.0.0.1', port, startTimeoutMs = 90_000,
} = {}) {
  assertInstalled();
  if (!folder) throw new Error('startCodeServer: folder is required');
  folder = path.resolve(folder);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-code-server-'));
  const userData = path.join(tmp, 'user-data');
  const extDir = path.resolve(extensionsDir ?? path.join(tmp, 'extensions'));
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...userSettings }, null, 2));
  port ??= await freePort();
  // An explicit config file, so code-server neither reads nor creates ~/.config/code-server.
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: ${host}:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `${host}:${port}`, '--auth', 'none', '--config', config,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', extDir,
    ...extraArgs, folder,
  ];
  const child = spawn(NODE24_BIN, args, {
    detached: true, stdio: ['ignore', out, out], env: isolatedEnv(tmp), cwd: tmp,
  });
  fs.closeSync(out);
  child.unref();
  const pid = child.pid;
  let exited = null;
  const closed = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  // Safety net: if the caller crashes or forgets stop(), do not leave a server running.
  const onExit = () => { try { process.kill(-pid, 'SIGKILL'); } catch {} };
  process.on('exit', onExit);

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    try { process.kill(-pid, 'SIGTERM'); } catch {}
    for (let i = 0; i < 50 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) { try { process.kill(-pid, 'SIGKILL'); } catch {} }
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }

  const url = `http://${host}:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (exited) {
      const log = tail(logFile);
      await stop();
      throw new Error(`code-server exited during start-up (${JSON.stringify(exited)}):\n${log}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      const log = tail(logFile);
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${startTimeoutMs / 1000} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // closed: resolves with { code, signal } when the main code-server process ends by itself.
  return { url, port, host, pid, folder, extensionsDir: extDir, userDataDir: userData, logFile, closed, stop };
}

/** Installs a .vsix into an extensions folder (code-server's own CLI; no server is started). */
export function installExtension(vsixPath, extensionsDir) {
  assertInstalled();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-code-server-install-'));
  try {
    fs.mkdirSync(extensionsDir, { recursive: true });
    const r = spawnSync(NODE24_BIN, [
      CODE_SERVER_ENTRY, '--user-data-dir', path.join(tmp, 'user-data'),
      '--extensions-dir', path.resolve(extensionsDir), '--install-extension', path.resolve(vsixPath), '--force',
    ], { env: isolatedEnv(tmp), encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) {
      throw new Error(`installing ${vsixPath} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    }
    return r.stdout.trim();
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
