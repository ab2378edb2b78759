import { analyze } from '../../../server/src/core/analyze';
import { resolveConfig } from '../../../server/src/core/config/resolve';
import { BlockCache } from '../../../server/src/core/parse/document';
// @ts-ignore
import { generatePostmortem } from '../../bench/generate.mjs';
const gc = (globalThis as any).gc as () => void;
let text: string = generatePostmortem(Number(process.argv[2] ?? 5_000_000), 7);
const config = resolveConfig();
const cache = new BlockCache();
analyze(text, { config, cache });
gc();
const mb = (x: number) => (x / 1048576).toFixed(1);
console.log('after open heapUsed', mb(process.memoryUsage().heapUsed), 'rss', mb(process.memoryUsage().rss));
for (let i = 0; i < 40; i++) {
  const at = 1000 + ((i * 7919) % 1000) * 4000;
  text = text.slice(0, at) + 'x' + text.slice(at);
  analyze(text, { config, cache });
  if (i % 5 === 4) {
    gc();
    const m = process.memoryUsage();
    console.log(i + 1, 'heapUsed', mb(m.heapUsed), 'rss', mb(m.rss), 'ext', mb(m.external));
  }
}
