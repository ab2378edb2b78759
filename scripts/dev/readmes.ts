// Developer aid: ordinary Markdown (node_modules READMEs) must give no findings.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core';

const dirs = readdirSync('node_modules').flatMap((d) => (d.startsWith('@') ? readdirSync(join('node_modules', d)).map((x) => join(d, x)) : [d]));
let n = 0;
for (const d of dirs) {
  const f = join('node_modules', d, 'README.md');
  if (!existsSync(f)) continue;
  n++;
  const r = analyze(readFileSync(f, 'utf8'), { path: f });
  if (r.isPostmortem) console.log(`POSTMORTEM? ${f}: ${r.model.detection.reason} findings=${r.findings.length}`);
}
console.log(`${n} READMEs checked`);
