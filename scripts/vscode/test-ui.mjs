// `npm run test:ui`: Playwright UI specs (test/ui/*.spec.{ts,mts,mjs,js}) against ONE
// code-server shared by all spec files; each spec opens its own fresh browser through
// test/ui/harness.ts. Specs run one file at a time with node's test runner (+ tsx for .ts).
//
// CLI: node scripts/vscode/test-ui.mjs [SPEC...] [--vsix] [--skip-build] [--workspace DIR]
//        [--extension DIR] [--timeout=SECONDS]
//   SPEC         only these spec files (default: all of test/ui/*.spec.*)
//   --vsix       test the packaged extension: `npm run package`, install dist/*.vsix into
//                code-server; default: `npm run build` and load the repo as a development
//                extension (faster, no packaging)
//   --workspace  folder the specs open (a temporary copy of it); default test/ui/workspace/, else examples/
//   --extension  extension folder to load (default: this repo)
// Screenshots: test-results/ui/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installExtension, startCodeServer } from './code-server.mjs';
import { CHROMIUM, ROOT } from './paths.mjs';
import { defaultWorkspace, filesIn, npmRun } from './project.mjs';
import { keepExtensionLogs } from './run-extension-tests.mjs';
import { setup } from './setup.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const optValues = new Set(['--workspace', '--extension'].map(opt).filter(Boolean));
const timeout = Number(args.find((a) => a.startsWith('--timeout='))?.split('=')[1] ?? 600);
const log = (m) => console.log(`[test:ui] ${m}`);

function findVsix() {
  const dist = path.join(ROOT, 'dist');
  const all = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.vsix')) : [];
  if (!all.length) throw new Error('npm run package made no dist/*.vsix');
  return all.map((f) => path.join(dist, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

let server, tmp, child;
async function cleanup() {
  child?.kill('SIGTERM');
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(`[test:ui] ${sig}: stopping`); process.exit(130); });

try {
  const named = args.filter((a) => !a.startsWith('--') && !optValues.has(a)).map((a) => path.resolve(a));
  const specs = named.length ? named : filesIn('test/ui', /\.spec\.(ts|mts|mjs|js)$/);
  if (specs.length === 0) {
    log('no test/ui/*.spec.* yet: nothing to run');
    process.exit(0);
  }
  await setup();
  const useVsix = args.includes('--vsix');
  const extension = path.resolve(opt('--extension') ?? ROOT);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postmortem-ui-'));
  let extensionsDir;
  if (!args.includes('--skip-build')) npmRun(useVsix ? 'package' : 'build', { prefix: '[test:ui]' });
  if (useVsix) {
    extensionsDir = path.join(tmp, 'extensions');
    const vsix = findVsix();
    installExtension(vsix, extensionsDir);
    log(`installed ${path.relative(ROOT, vsix)}`);
  }
  // A temporary copy: specs create files (New Postmortem) that must not land in the repo.
  const source = opt('--workspace') ? path.resolve(opt('--workspace')) : defaultWorkspace('ui');
  const workspace = path.join(tmp, path.basename(source));
  fs.cpSync(source, workspace, { recursive: true });
  // The smoke-test driver flag makes the workbench honour the URL payload that loads the
  // development extension (the harness sends it).
  server = await startCodeServer({ folder: workspace, extensionsDir, extraArgs: ['--vscode-option', 'enable-smoke-test-driver'] });
  log(`code-server at ${server.url}, workspace ${workspace}, ${specs.length} spec file(s)`);

  const results = path.join(ROOT, 'test-results', 'ui');
  fs.mkdirSync(results, { recursive: true });
  const code = await new Promise((resolve) => {
    child = spawn(process.execPath, [
      '--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...specs,
    ], {
      cwd: ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        POSTMORTEM_CODE_SERVER_URL: server.url,
        POSTMORTEM_UI_WORKSPACE: workspace,
        POSTMORTEM_EXTENSION_PATH: useVsix ? '' : extension,
        POSTMORTEM_UI_RESULTS: results,
        POSTMORTEM_CHROMIUM: CHROMIUM,
      },
    });
    const timer = setTimeout(() => {
      console.error(`[test:ui] FAILED: UI specs still running after ${timeout} s; stopping them`);
      child.kill('SIGKILL');
      resolve(1);
    }, timeout * 1000);
    child.on('exit', (c, s) => { clearTimeout(timer); resolve(c ?? (s ? 1 : 0)); });
  });
  log(`specs finished with exit code ${code}; screenshots in ${path.relative(ROOT, results)}/`);
  // The session's folder goes with cleanup: keep what the extension and its server logged.
  if (code !== 0) keepExtensionLogs(server.userDataDir, (m) => console.error(m), path.join(ROOT, 'test-results', 'ui-logs'), '[test:ui]');
  process.exitCode = code;
} catch (e) {
  console.error(`[test:ui] FAILED: ${e.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
