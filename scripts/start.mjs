// `npm start`: the one-command demo. Builds and packages the extension, installs the .vsix into
// the cached code-server (VS Code in the browser), opens examples/ and serves it on loopback.
// Ctrl+C (or SIGTERM) stops code-server's whole process group.
//
// CLI: node scripts/start.mjs [--port N] [--skip-build] [--vsix FILE] [--folder DIR]
//   --port        default $PORT, else 8080 when free, else any free port
//   --skip-build  reuse the last dist/*.vsix instead of `npm run build` + `npm run package`
//   --vsix FILE   install this .vsix (implies --skip-build)
//   --folder DIR  open this folder instead of examples/
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort, installExtension, startCodeServer } from './vscode/code-server.mjs';
import { CACHE, ROOT } from './vscode/paths.mjs';
import { npmRun } from './vscode/project.mjs';
import { setup } from './vscode/setup.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const log = (m) => console.log(`[start] ${m}`);

function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer().once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function newestVsix() {
  const dist = path.join(ROOT, 'dist');
  const all = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => f.endsWith('.vsix')).map((f) => path.join(dist, f)) : [];
  if (!all.length) throw new Error('no dist/*.vsix: run without --skip-build (npm run package makes it)');
  return all.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

// examples/ holds the sample postmortems others write; only make the folder if it is missing.
function ensureExamples() {
  const dir = path.join(ROOT, 'examples');
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'README.md'),
      '# examples/\n\nSample incident postmortems; `npm start` opens this folder in the browser editor.\n');
  }
  return dir;
}

let server, stopping = false;
async function shutdown(reason, code) {
  if (stopping) return; // stop() ends code-server, which also settles server.closed
  stopping = true;
  log(`${reason}: stopping code-server`);
  await server?.stop();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => shutdown(sig, 0));

try {
  await setup();
  let vsix = opt('--vsix') && path.resolve(opt('--vsix'));
  if (!vsix) {
    if (!args.includes('--skip-build')) {
      npmRun('build', { prefix: '[start]' });
      npmRun('package', { prefix: '[start]' });
    }
    vsix = newestVsix();
  }
  // A fixed folder inside the cache: the installed extension stays between demos, and
  // --force in installExtension replaces it with the new build each time.
  const extensionsDir = path.join(CACHE, 'demo-extensions');
  const t0 = Date.now();
  installExtension(vsix, extensionsDir);
  log(`installed ${path.relative(ROOT, vsix)} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

  const folder = opt('--folder') ? path.resolve(opt('--folder')) : ensureExamples();
  const wanted = Number(opt('--port') ?? process.env.PORT ?? 0);
  const port = wanted || ((await portIsFree(8080)) ? 8080 : await freePort());
  server = await startCodeServer({ folder, extensionsDir, port });
  log(`code-server log: ${server.logFile}`);
  console.log(`\n  Postmortem demo: ${server.url}/?folder=${encodeURIComponent(folder)}\n  (Ctrl+C to stop)\n`);
  // Keeps this process alive (startCodeServer unrefs its child) and stops the demo when our
  // parent dies: `npm start` runs us through `sh -c`, and a SIGTERM sent to npm alone kills that
  // shell without passing the signal on, which would leave us and code-server orphaned.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) shutdown('parent process exited', 0); }, 1000);
  const { code, signal } = await server.closed; // settles only if code-server dies by itself
  await shutdown(`code-server exited (${code ?? signal})`, 1);
} catch (e) {
  console.error(`[start] FAILED: ${e.message}`);
  await server?.stop();
  process.exit(1);
}
