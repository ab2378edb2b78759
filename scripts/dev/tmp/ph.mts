// In-process breakdown of one keystroke's work in the engine (run by bench.mjs under tsx): the
// block cache's parse (what changed is split and parsed again), the model, and each rule, as
// wall-clock medians over one-character edits of a flat string (as the worker receives it).
// LSP figures on a shared machine swing with the load; this says where the time goes, so the limit
// can be named.
// Usage: node --import tsx scripts/bench/phases.ts <bytes> <edits>
import { resolveConfig } from '../../../server/src/core/config/resolve';
import { buildModel } from '../../../server/src/core/model/build';
import { BlockCache } from '../../../server/src/core/parse/document';
import { RULES } from '../../../server/src/core/rules';
import type { Rule } from '../../../server/src/core/rules/rule';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore: a plain ES module without types
import { generatePostmortem } from '../../bench/generate.mjs';

const bytes = Number(process.argv[2] ?? 500_000);
const edits = Number(process.argv[3] ?? 10);
let text = (generatePostmortem as (b: number, s: number) => string)(bytes, 7);
const config = resolveConfig();
const cache = new BlockCache();
const cpu = () => performance.now();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
const phases: Record<string, number[]> = {};
const add = (k: string, v: number) => (phases[k] ??= []).push(v);

function once(record: boolean): void {
  let t = cpu();
  const doc = cache.parse(text);
  const parse = cpu() - t;
  t = cpu();
  const model = buildModel(doc, { templates: config.templates, pathPatterns: config.pathPatterns });
  const modelMs = cpu() - t;
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
  add('parse: what changed split and parsed again', parse);
  add('model (lines, sections, fields, timeline...)', modelMs);
  let rules = 0;
  for (const [id, ms] of Object.entries(perRule)) {
    add(`rule ${id}`, ms);
    rules += ms;
  }
  add('rules (all)', rules);
}

once(false);
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new Session(); session.connect();
const post = (m: string, p?: object) => new Promise<any>((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
await post('Profiler.enable'); await post('Profiler.setSamplingInterval', { interval: 100 }); await post('Profiler.start');
for (let i = 0; i < edits; i++) {
  const p = Math.floor(((i * 0.618034) % 1) * text.length);
  // A flat copy, like the string a worker receives (a concatenation would be flattened inside the timing).
  text = structuredClone(text.slice(0, p) + 'x' + text.slice(p));
  once(true);
}
const prof = await post('Profiler.stop'); writeFileSync('/tmp/prof/st/ph.cpuprofile', JSON.stringify(prof.profile));
const out = Object.entries(phases).map(([k, v]) => ({ phase: k, ms: median(v) }));
process.stdout.write(JSON.stringify({ bytes, edits, lines: buildModel(cache.parse(text), { templates: config.templates, pathPatterns: config.pathPatterns }).lines.length, phases: out }));
