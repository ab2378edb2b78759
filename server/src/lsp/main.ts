// Entry point of the language server (dist/server.js; `postmortem-language-server --stdio`).
// Kept tiny, because the first analysis worker is started here, before anything else is compiled:
// the worker then loads the engine on one core while this thread loads the server on another.
// The server (server-main.ts, built to dist/server-main.js) is loaded through a V8 code cache
// (code-cache.ts) and writes that cache once start-up has run, so the functions start-up calls are
// in it too. Run from source (tsx), server-main.ts is simply required.
import { join } from 'node:path';
import { cacheDirectory, loadWithCodeCache } from './code-cache';
import { prestartAnalysisWorker } from './worker-spawn';

const prestarted = prestartAnalysisWorker();

type ServerMain = typeof import('./server-main');
// Not bundled into this file: a path, not a module name, keeps esbuild from inlining it.
const fromSource = __filename.endsWith('.ts');
const serverMain = join(__dirname, fromSource ? 'server-main.ts' : 'server-main.js');
if (!fromSource && process.env['POSTMORTEM_NO_CODE_CACHE'] !== '1') {
  const loaded = loadWithCodeCache(serverMain, cacheDirectory());
  (loaded.exports as ServerMain).start({ prestarted, ...(loaded.needsSave ? { onStartedUp: () => loaded.save() } : {}) });
} else {
  (require(serverMain) as ServerMain).start({ prestarted });
}
