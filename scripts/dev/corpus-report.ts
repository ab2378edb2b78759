// Developer aid: per-rule counts on ../shared/corpus/docs with examples, for the README's account.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core';
const dir = process.argv[2] ?? join(__dirname, '..', '..', '..', 'shared', 'corpus', 'docs');
const byRule = new Map<string, { n: number; files: Set<string>; examples: string[] }>();
let files = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.md')).sort()) {
  files++;
  const text = readFileSync(join(dir, f), 'utf8');
  const { findings, model } = analyze(text, { path: f });
  for (const x of findings) {
    const e = byRule.get(x.ruleId) ?? { n: 0, files: new Set(), examples: [] };
    e.n++;
    e.files.add(f);
    if (e.examples.length < 6) e.examples.push(`${f}:${model.index.position(x.range.start).line}: ${x.message}`);
    byRule.set(x.ruleId, e);
  }
}
console.log(`${files} files`);
for (const [id, e] of [...byRule].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`\n${id}: ${e.n} findings in ${e.files.size} files`);
  for (const ex of e.examples) console.log(`   ${ex.slice(0, 260)}`);
}
