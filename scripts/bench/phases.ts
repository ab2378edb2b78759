// In-process breakdown of one keystroke's work in the engine (run by bench.mjs under tsx):
// split + cache lookups + re-parse, documentLines, the rest of the model, and each rule, as CPU
// medians over one-character edits. Wall-clock LSP figures on a shared machine swing with the
// load; this says where the time goes, so the limit can be named.
// Usage: node --import tsx scripts/bench/phases.ts <bytes> <edits>
import { resolveConfig } from '../../server/src/core/config/resolve';
import { buildModel } from '../../server/src/core/model/build';
import { documentLines } from '../../server/src/core/model/doc-lines';
import { BlockCache } from '../../server/src/core/parse/document';
import { splitBlocks } from '../../server/src/core/parse/blocks';
import { RULES } from '../../server/src/core/rules';
import type { Rule } from '../../server/src/core/rules/rule';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore: a plain ES module without types
import { generatePostmortem } from './generate.mjs';

const bytes = Number(process.argv[2] ?? 500_000);
const edits = Number(process.argv[3] ?? 10);
let text = (generatePostmortem as (b: number, s: number) => string)(bytes, 7);
const config = resolveConfig();
const cache = new BlockCache();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
const phases: Record<string, number[]> = {};
const add = (k: string, v: number) => (phases[k] ??= []).push(v);

function once(record: boolean): void {
  let t = cpu();
  splitBlocks(text);
  const split = cpu() - t;
  t = cpu();
  const doc = cache.parse(text);
  const parse = cpu() - t;
  t = cpu();
  documentLines(doc);
  const lines = cpu() - t;
  t = cpu();
  const model = buildModel(doc, { templates: config.templates, pathPatterns: config.pathPatterns });
  const modelMs = cpu() - t - lines; // buildModel calls documentLines itself
  const now = new Date();
  const perRule: Record<string, number> = {};
  for (const rule of RULES as readonly Rule<Record<string, unknown>>[]) {
    t = cpu();
    try {
      rule.check({ model, options: { ...rule.defaultOptions, now }, report: () => {} });
    } catch {
      /* counted like the engine: a broken rule does not stop the others */
    }
    perRule[rule.id] = cpu() - t;
  }
  if (!record) return;
  add('splitBlocks (inside parse)', split);
  add('parse: split + cache + re-parse', parse);
  add('documentLines', lines);
  add('model (without documentLines)', modelMs);
  let rules = 0;
  for (const [id, ms] of Object.entries(perRule)) {
    add(`rule ${id}`, ms);
    rules += ms;
  }
  add('rules (all)', rules);
}

once(false);
for (let i = 0; i < edits; i++) {
  const p = Math.floor(((i * 0.618034) % 1) * text.length);
  text = text.slice(0, p) + 'x' + text.slice(p);
  once(true);
}
const out = Object.entries(phases).map(([k, v]) => ({ phase: k, cpuMs: median(v) }));
process.stdout.write(JSON.stringify({ bytes, edits, lines: documentLines(cache.parse(text)).length, phases: out }));
