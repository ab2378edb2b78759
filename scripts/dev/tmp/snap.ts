import { writeHeapSnapshot } from 'node:v8';
import { analyze } from '../../../server/src/core/analyze';
import { resolveConfig } from '../../../server/src/core/config/resolve';
import { BlockCache } from '../../../server/src/core/parse/document';
// @ts-ignore
import { generatePostmortem } from '../../bench/generate.mjs';
let text: string = generatePostmortem(500_000, 7);
const config = resolveConfig();
const cache = new BlockCache();
analyze(text, { config, cache });
for (let i = 0; i < 3; i++) { const at = 1000 + i * 50000; text = text.slice(0, at) + 'x' + text.slice(at); analyze(text, { config, cache }); }
(globalThis as any).keep = { cache, text };
(globalThis as any).gc();
console.log(writeHeapSnapshot('/tmp/prof/st/h.heapsnapshot'));
