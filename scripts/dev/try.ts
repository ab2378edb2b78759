// Developer aid: prints the model summary and findings for files. `node --import tsx scripts/dev/try.ts FILE...`
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/core';

for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const { model, findings, isPostmortem } = analyze(text, { path: file });
  const pos = (o: number) => { const p = model.index.position(o); return `${p.line}:${p.column}`; };
  console.log(`== ${file} postmortem=${isPostmortem} (${model.detection.reason}) template=${model.template.id}`);
  if (process.env.SECTIONS) for (const s of model.sections) console.log(`   § ${pos(s.headerRange.start)} [${s.ids.join(',')}] ${s.kind} L${s.level} "${s.title}"`);
  const inc = model.incident;
  if (process.env.SECTIONS) console.log(`   incident start=${inc.start ? pos(inc.start.range.start) + ' ' + inc.start.minutes : '-'} end=${inc.end ? inc.end.minutes : '-'} stated=${inc.stated?.mention.minutes ?? '-'} together=${inc.statedTogether}`);
  if (process.env.SECTIONS) for (const e of model.timeline?.entries ?? []) console.log(`   ⏱ ${pos(e.timeRange.start)} clock=${e.clock} zone=${e.zone?.text ?? ''} ${text.slice(e.timeRange.start, e.timeRange.end)} | ${e.text.slice(0, 50)} ${e.markers.join(',')}`);
  for (const f of findings) console.log(`  ${pos(f.range.start)} ${f.severity} ${f.message} [${f.ruleId}]${f.fixes ? ' (fix)' : ''}`);
}
