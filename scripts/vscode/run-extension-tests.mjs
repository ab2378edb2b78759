// Runs a mocha suite inside a real VS Code extension host: code-server 4.139.1 (VS Code 1.139)
// driven by headless Debian chromium through playwright-core. The suite is the same module
// @vscode/test-electron would load (CommonJS, exporting `run(): Promise<void>`).
//
// CLI:  node scripts/vscode/run-extension-tests.mjs <extensionDevelopmentPath> <extensionTestsPath> [workspaceFolder]
//         [--timeout=SECONDS (default 360)] [--verbose (also print browser console + code-server log)]
// Exit: the code the workbench passes to codeAutomationExit (0 = run() resolved, 1 = rejected),
//       1 on time-out or start-up failure.
//
// How (VS Code's smoke-test driver protocol, which code-server exposes when started with
// `--vscode-option enable-smoke-test-driver`; without it the workbench ignores the payload):
//   - window.codeAutomationLog(type, args) receives the extension host's console output;
//   - window.codeAutomationExit(code) is called when run() settles;
//   - the URL's `payload` carries extensionDevelopmentPath / extensionTestsPath as
//     vscode-remote://HOST:PORT/abs/path URIs whose authority must equal the browsed host:port.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { chromium as playwright } from 'playwright-core';
import { startCodeServer } from './code-server.mjs';
import { CHROMIUM } from './paths.mjs';
import { setup } from './setup.mjs';

// Flags from the machine notes: --headless/--no-sandbox (root), and the networking ones stop
// Chromium from flooding a network that is closed here.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// The workbench's own failures to reach the extension gallery or GitHub sign-in: expected on a
// closed network, long stack traces, nothing to do with the tests. Shown with --verbose.
const OFFLINE_NOISE = /ENOTFOUND open-vsx\.org|authentication provider 'github' to register/;

export function remoteUri(authority, absPath) {
  return `vscode-remote://${authority}${encodeURI(absPath)}`;
}

/** Where the logs of a failed session are kept (the session's own folder is removed). */
const KEPT_LOGS = path.join(process.cwd(), 'test-results', 'vscode-logs');

/**
 * After a failure: keeps the extension's output channel logs (the language client's and the
 * server's messages, e.g. a server that stopped starting) and prints the end of each, since the
 * code-server session folder they live in is deleted afterwards.
 */
export function keepExtensionLogs(userDataDir, err, keptDir = KEPT_LOGS, prefix = '[vscode-tests]') {
  try {
    const found = [];
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/postmortem/i.test(entry.name) && entry.name.endsWith('.log')) found.push(p);
      }
    };
    walk(path.join(userDataDir, 'logs'));
    if (found.length === 0) return;
    fs.rmSync(keptDir, { recursive: true, force: true });
    fs.mkdirSync(keptDir, { recursive: true });
    for (const file of found) {
      const kept = path.join(keptDir, path.relative(path.join(userDataDir, 'logs'), file).replaceAll(path.sep, '_'));
      fs.copyFileSync(file, kept);
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      err(`${prefix} ${path.basename(file)} (last ${Math.min(60, lines.length)} of ${lines.length} lines; kept in ${path.relative(process.cwd(), kept)}):\n${lines.slice(-60).join('\n')}`);
    }
  } catch (e) {
    err(`${prefix} could not keep the extension's logs: ${e.message}`);
  }
}

/**
 * @returns {Promise<number>} exit code
 */
export async function runExtensionTests({
  extensionDevelopmentPath, extensionTestsPath, workspaceFolder, timeoutMs = 360_000, verbose = false,
  out = (line) => process.stdout.write(`${line}\n`), err = (line) => process.stderr.write(`${line}\n`),
}) {
  const extPath = path.resolve(extensionDevelopmentPath);
  const testsPath = path.resolve(extensionTestsPath);
  const folder = path.resolve(workspaceFolder ?? extPath);
  for (const [what, p] of [['extension development path', extPath], ['workspace folder', folder]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} does not exist: ${p}`);
  }
  if (!fs.existsSync(testsPath) && !fs.existsSync(`${testsPath}.js`)) throw new Error(`tests path does not exist: ${testsPath}`);

  // One deadline for the whole session (start-up included), so a wedged start cannot hang CI.
  const t0 = Date.now();
  const deadline = t0 + timeoutMs;
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  let server, context, timer, profile;
  try {
    server = await startCodeServer({
      folder, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], startTimeoutMs: Math.min(90_000, timeoutMs),
    });
    out(`[vscode-tests] code-server up at ${server.url} (${elapsed()})`);
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-chromium-'));
    context = await playwright.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000,
    });

    let settle;
    const exitCode = new Promise((resolve) => { settle = resolve; });
    // Exposed on the context before navigating, so they exist when the workbench boots.
    // args are the console call's arguments, printf-style ('%s passing', n): format like Node.
    await context.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && OFFLINE_NOISE.test(text)) return;
      (type === 'error' ? err : out)(text);
    });
    await context.exposeFunction('codeAutomationExit', (code) => settle(Number(code) || 0));
    timer = setTimeout(() => settle('timeout'), Math.max(0, deadline - Date.now()));

    const page = context.pages()[0] ?? await context.newPage();
    if (verbose) page.on('console', (m) => err(`[browser ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => err(`[browser pageerror] ${e.message}`));
    const authority = `${server.host}:${server.port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remoteUri(authority, extPath)],
      ['extensionTestsPath', remoteUri(authority, testsPath)],
    ]);
    // A .code-workspace file opens as a (multi-root) workspace, anything else as a folder.
    const target = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
    const url = `${server.url}/?${target}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    out(`[vscode-tests] workbench loading; running ${path.relative(process.cwd(), testsPath) || testsPath} (${elapsed()})`);

    const code = await exitCode;
    if (code === 'timeout') {
      err(`[vscode-tests] FAILED: no result after ${timeoutMs / 1000} s. The extension host never called ` +
        `codeAutomationExit: a test hangs, run() never settles, or the workbench did not start ` +
        `(try --verbose). code-server log tail:\n${fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-30).join('\n')}`);
      return 1;
    }
    out(`[vscode-tests] extension host exited with code ${code} (${elapsed()})`);
    if (code !== 0) keepExtensionLogs(server.userDataDir, err);
    return code;
  } finally {
    clearTimeout(timer);
    if (verbose && server) { try { err(fs.readFileSync(server.logFile, 'utf8')); } catch {} }
    await context?.close().catch(() => {});
    await server?.stop();
    if (profile) fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const positional = args.filter((a) => !a.startsWith('--'));
  const timeout = Number(args.find((a) => a.startsWith('--timeout='))?.split('=')[1] ?? 360);
  if (positional.length < 2) {
    console.error('usage: run-extension-tests.mjs <extensionDevelopmentPath> <extensionTestsPath> [workspaceFolder] [--timeout=SECONDS] [--verbose]');
    process.exit(2);
  }
  // Ctrl+C / SIGTERM: exit through process.exit so code-server's exit hook kills its group.
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(`[vscode-tests] ${sig}: stopping`); process.exit(130); });
  try {
    await setup(); // seconds when cached; minutes on a fresh machine, so not under the limit
    // Last-resort guard: whatever wedges, exit non-zero; exit hooks kill code-server and
    // Playwright's browser.
    setTimeout(() => {
      console.error(`[vscode-tests] FAILED: hard time limit of ${timeout + 60} s reached`);
      process.exit(1);
    }, (timeout + 60) * 1000).unref();
    process.exitCode = await runExtensionTests({
      extensionDevelopmentPath: positional[0], extensionTestsPath: positional[1], workspaceFolder: positional[2],
      timeoutMs: timeout * 1000, verbose: args.includes('--verbose'),
    });
  } catch (e) {
    console.error(`[vscode-tests] FAILED: ${e.message}`);
    process.exitCode = 1;
  }
}
