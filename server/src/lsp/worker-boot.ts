// Entry of the analysis worker threads of the built server (dist/analysis-worker-boot.js): loads
// the engine bundle named in workerData through a V8 code cache (code-cache.ts). When there was no
// usable cache, one is written just before the first answer: by then the first job has compiled
// the functions an analysis needs. That first answer waits ~10 ms for it, once per build and Node
// version; written any later, it would be lost whenever a server is stopped right after it.
import { workerData } from 'node:worker_threads';
import { cacheDirectory, loadWithCodeCache } from './code-cache';

const { file } = workerData as { file: string };
const loaded = loadWithCodeCache(file, cacheDirectory());
const engine = loaded.exports as Partial<typeof import('./analysis-worker')>;
if (loaded.needsSave) engine.onBeforeFirstAnswer?.(() => loaded.save());
