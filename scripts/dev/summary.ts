// Developer aid: prints each file's summary section text (first 400 chars).
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/core';
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const { model } = analyze(text, { path: file });
  const s = model.sections.find((x) => x.ids.includes('summary'));
  console.log(`== ${file}\n${s ? text.slice(s.range.start, Math.min(s.range.end, s.range.start + 400)) : '(no summary)'}`);
}
