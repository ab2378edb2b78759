// Bundles the extension-host tests with esbuild: test/integration/*.ts -> out/test/integration/*.js
// (CommonJS, what VS Code's extension host `require`s). `vscode` stays external: the extension
// host provides it. mocha is bundled into index.js on purpose: mocha 12 is ESM that needs
// require(esm), and a self-contained out folder also works when the tests live outside the repo.
//
// CLI: node scripts/vscode/build-integration-tests.mjs [--src DIR] [--out DIR]
// API: buildIntegrationTests({ src, out }) -> list of test files built (without index.js)
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.mjs';

export async function buildIntegrationTests({
  src = path.join(ROOT, 'test', 'integration'), out = path.join(ROOT, 'out', 'test', 'integration'),
} = {}) {
  // Only the entry and the tests: helper modules get bundled into the tests that import them.
  const entries = fs.readdirSync(src).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).sort();
  if (!entries.includes('index.ts')) throw new Error(`${src} has no index.ts (the mocha entry)`);
  // Start clean: a deleted test must not linger as an old .test.js that run() still loads.
  fs.rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: entries.map((f) => path.join(src, f)),
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Not minified, so a failure's stack (file.test.js:LINE) is easy to map back by eye; VS
    // Code's extension host replaces Error.prepareStackTrace, so Node does not apply source maps
    // itself. The linked maps serve a debugger.
    sourcemap: 'linked',
    external: ['vscode'],
    // Resolve mocha & co. from this repo even when --src is outside it (the throwaway proof).
    nodePaths: [path.join(ROOT, 'node_modules')],
    logLevel: 'warning',
    // mocha's file-unloader (watch mode only, never called here) reads import.meta.url, and
    // mocha's parallel mode (never used here) has require.resolve calls esbuild cannot follow.
    logOverride: { 'empty-import-meta': 'silent', 'require-resolve-not-external': 'silent' },
  });
  return entries.filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, '.js'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? path.resolve(process.argv[i + 1]) : undefined; };
  const t0 = Date.now();
  const tests = await buildIntegrationTests({ src: arg('--src'), out: arg('--out') });
  console.log(`[build-integration-tests] ${tests.length} test file(s) + index.js in ${Date.now() - t0} ms: ${tests.join(', ') || '(none)'}`);
}
