// Bundles the client, the server (and its analysis worker) and the CLI to CommonJS with esbuild.
// unified and remark are ESM-only; the extension host and `bin` scripts load CommonJS, so everything is bundled.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // server.js is a small entry that starts the analysis worker first, then loads server-main.js.
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/lsp/server-main.ts'], outfile: 'dist/server-main.js' },
  { entryPoints: ['server/src/lsp/analysis-worker.ts'], outfile: 'dist/analysis-worker.js' },
  // Loads analysis-worker.js through a V8 code cache (server/src/lsp/code-cache.ts).
  { entryPoints: ['server/src/lsp/worker-boot.ts'], outfile: 'dist/analysis-worker-boot.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/cli/lint-worker.ts'], outfile: 'dist/lint-worker.js' },
  // The preview webview's script: runs in the webview, not in Node.
  { entryPoints: ['client/src/preview/webview-script.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

import { existsSync } from 'node:fs';
const present = entries.filter((e) => existsSync(e.entryPoints[0]));
await Promise.all(present.map((e) => build({ ...common, ...e })));
console.log(`built ${present.map((e) => e.outfile).join(', ')}${production ? ' (production)' : ''}`);
