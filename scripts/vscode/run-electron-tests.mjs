// `npm run test:electron`: the same extension-host suite as test:vscode, run by
// @vscode/test-electron in a desktop VS Code, for developers with internet access.
// test-electron downloads VS Code from Microsoft's servers, which this project's machines cannot
// reach: there it fails within seconds with a clear message (never hangs) — use test:vscode.
//
// CLI: node scripts/vscode/run-electron-tests.mjs [--vscode=/path/to/code] [--version=1.91.0]
//        [--workspace DIR] [--skip-build]
//   --vscode   an installed VS Code executable: no download at all
//   --version  the VS Code version to download (default: test-electron's latest stable)
import { runTests } from '@vscode/test-electron';
import path from 'node:path';
import { buildIntegrationTests } from './build-integration-tests.mjs';
import { ROOT } from './paths.mjs';
import { defaultWorkspace, filesIn, npmRun } from './project.mjs';

const args = process.argv.slice(2);
const val = (name) => args.find((a) => a.startsWith(`${name}=`))?.split('=').slice(1).join('=');
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const DOWNLOAD_IDLE_MS = 20_000;
const HARD_LIMIT_MS = 15 * 60_000; // download (~150 MB) + run

try {
  if (filesIn('test/integration', /\.test\.ts$/).length === 0) {
    console.log('[test:electron] no test/integration/*.test.ts yet: nothing to run');
    process.exit(0);
  }
  if (!args.includes('--skip-build')) npmRun('build', { prefix: '[test:electron]' });
  await buildIntegrationTests();
  const hard = setTimeout(() => {
    console.error(`[test:electron] FAILED: no result after ${HARD_LIMIT_MS / 60_000} min`);
    process.exit(1);
  }, HARD_LIMIT_MS);
  hard.unref();
  const code = await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [opt('--workspace') ? path.resolve(opt('--workspace')) : defaultWorkspace('integration'), '--disable-extensions'],
    ...(val('--vscode') ? { vscodeExecutablePath: path.resolve(val('--vscode')) } : {}),
    ...(val('--version') ? { version: val('--version') } : {}),
    timeout: DOWNLOAD_IDLE_MS, // idle time-out of the download: a closed network fails fast
    cachePath: path.join(ROOT, '.vscode-test'),
  });
  process.exitCode = code;
} catch (e) {
  const msg = String(e?.message ?? e);
  const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout|timed out|getaddrinfo|network|fetch/i.test(msg);
  console.error(`[test:electron] FAILED: ${msg}`);
  if (offline && !val('--vscode')) {
    console.error('[test:electron] @vscode/test-electron could not download VS Code (no access to its download ' +
      'servers from here). Run the same suite offline with `npm run test:vscode` (code-server), or pass ' +
      '--vscode=/path/to/an/installed/code.');
  }
  process.exitCode = 1;
}
