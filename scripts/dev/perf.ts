// Developer aid: times analyze() on the reference example (cold, warm, warm with a BlockCache).
import { readFileSync } from 'node:fs';
import { analyze, BlockCache } from '../../server/src/core';
const text = readFileSync(process.argv[2] ?? '../shared/examples/web-app-outage.md', 'utf8');
const time = (label: string, f: () => void, n = 20) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f();
  console.log(label, ((performance.now() - t0) / n).toFixed(2), 'ms');
};
time('cold-ish full', () => analyze(text), 1);
time('full (no cache)', () => analyze(text));
const cache = new BlockCache();
time('cached', () => analyze(text, { cache }));
let i = 0;
time('cached + edit', () => analyze(text.replace('Crisis', 'Crisis' + (i++ % 2 ? 'x' : '')), { cache }));
