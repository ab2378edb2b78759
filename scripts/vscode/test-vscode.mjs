// `npm run test:vscode`: every test/integration/*.test.ts, in ONE code-server extension-host
// session (start-up is most of the cost; see run-extension-tests.mjs).
//   1. no test files -> says so and exits 0 without starting anything
//   2. setup (seconds when cached)  3. npm run build (the extension's dist/)
//   4. bundle the tests to out/test/integration/  5. run them with the repo as the extension
//
// CLI: node scripts/vscode/test-vscode.mjs [--workspace DIR] [--grep PATTERN] [--skip-build]
//        [--multi-root] [--timeout=SECONDS] [--verbose]
//   --workspace  folder opened in the editor; default test/integration/workspace/, else examples/
//   --grep       only tests whose full title matches (POSTMORTEM_MOCHA_GREP, read by index.ts)
//   --multi-root the workspace copy and a second folder, `second-team`, whose settings turn
//                timeline-order off, opened as one .code-workspace; runs test/integration/multi-root.test.ts
// The workspace is copied to a temporary folder first: the tests write files (New Postmortem,
// workspace settings), and neither the repo nor a parallel run should see them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIntegrationTests } from './build-integration-tests.mjs';
import { ROOT } from './paths.mjs';
import { defaultWorkspace, filesIn, npmRun } from './project.mjs';
import { runExtensionTests } from './run-extension-tests.mjs';
import { setup } from './setup.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const timeout = Number(args.find((a) => a.startsWith('--timeout='))?.split('=')[1] ?? 360);

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(`[test:vscode] ${sig}: stopping`); process.exit(130); });

try {
  const tests = filesIn('test/integration', /\.test\.ts$/);
  if (tests.length === 0) {
    console.log('[test:vscode] no test/integration/*.test.ts yet: nothing to run');
    process.exit(0);
  }
  await setup();
  if (!args.includes('--skip-build')) npmRun('build', { prefix: '[test:vscode]' });
  const built = await buildIntegrationTests();
  console.log(`[test:vscode] bundled ${built.length} test file(s) to out/test/integration/`);
  if (opt('--grep')) process.env.POSTMORTEM_MOCHA_GREP = opt('--grep');
  else if (args.includes('--multi-root')) process.env.POSTMORTEM_MOCHA_GREP = '^multi-root workspace';
  if (args.includes('--multi-root')) process.env.POSTMORTEM_MULTI_ROOT = '1';
  setTimeout(() => { // last-resort guard, as in run-extension-tests.mjs
    console.error(`[test:vscode] FAILED: hard time limit of ${timeout + 60} s reached`);
    process.exit(1);
  }, (timeout + 60) * 1000).unref();
  const source = opt('--workspace') ? path.resolve(opt('--workspace')) : defaultWorkspace('integration');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-it-'));
  let workspaceFolder = path.join(tmp, path.basename(source));
  fs.cpSync(source, workspaceFolder, { recursive: true });
  if (args.includes('--multi-root')) workspaceFolder = multiRootWorkspace(tmp, workspaceFolder);
  const t0 = Date.now();
  try {
    process.exitCode = await runExtensionTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
      workspaceFolder,
      timeoutMs: timeout * 1000,
      verbose: args.includes('--verbose'),
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
  console.log(`[test:vscode] session took ${((Date.now() - t0) / 1000).toFixed(1)} s (code-server start included)`);
} catch (e) {
  console.error(`[test:vscode] FAILED: ${e.message}`);
  process.exitCode = 1;
}

/**
 * Beside the workspace copy: `second-team` (its own .vscode/settings.json and a copy of the broken
 * postmortem) and a .code-workspace file listing both folders. Returns that file.
 */
function multiRootWorkspace(tmp, first) {
  const second = path.join(tmp, 'second-team');
  const broken = 'postmortems/2024-06-11-login-latency.md';
  fs.mkdirSync(path.join(second, '.vscode'), { recursive: true });
  fs.mkdirSync(path.join(second, path.dirname(broken)), { recursive: true });
  fs.writeFileSync(path.join(second, '.vscode', 'settings.json'), JSON.stringify({ 'postmortem.rules': { 'timeline-order': 'off' } }, null, 2));
  fs.copyFileSync(path.join(first, broken), path.join(second, broken));
  const file = path.join(tmp, 'multi-root.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: path.basename(first) }, { path: 'second-team' }] }, null, 2));
  return file;
}
