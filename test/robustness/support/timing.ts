// Measuring the engine: total analysis time, and where it goes (parse, model, each rule), so a
// superlinear path can be pinned on the code that has it.
import assert from 'node:assert/strict';
import { analyze, BlockCache, RULES, type Analysis } from '../../../server/src/core';
import type { Rule } from '../../../server/src/core/rules/rule';

export const NOW = new Date('2026-01-15T00:00:00Z');

/** Every document is analysed as a postmortem: detection must not hide a slow rule. */
export function analyzeForced(text: string, cache?: BlockCache): Analysis {
  return analyze(text, { force: true, now: NOW, path: 'postmortems/fuzz.md', ...(cache ? { cache } : {}) });
}

/**
 * CPU time of the process (all its threads: GC helpers included) spent in `fn`. Used instead of
 * wall time because this 2-core machine is shared: other suites running at the same time stretch
 * wall time several-fold, while the work a call does stays about the same.
 */
export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

/** The fastest of `runs`: load on a shared machine only ever adds time, so the minimum is the signal. */
export function bestOf(runs: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, timeOnce(fn).ms);
  return best;
}

export interface Phases {
  /** Splitting and parsing every block (remark + micromark), nothing cached. */
  parseMs: number;
  /** analyze() with every block already parsed: the engine's own code (model, rules, suppressions). */
  engineMs: number;
  /** Each rule's check() re-run on the finished model (shared caches such as timeline placement warm). */
  rules: Map<string, number>;
  analysis: Analysis;
}

/** Times parse and engine separately: a warmed BlockCache makes analyze() skip the parser. */
export function phases(text: string, runs = 1): Phases {
  let parseMs = Infinity;
  let engineMs = Infinity;
  let analysis: Analysis | undefined;
  for (let i = 0; i < runs; i++) {
    const cache = new BlockCache();
    parseMs = Math.min(parseMs, timeOnce(() => cache.parse(text)).ms);
    const engine = timeOnce(() => analyzeForced(text, cache));
    engineMs = Math.min(engineMs, engine.ms);
    analysis = engine.value;
  }
  const rules = new Map<string, number>();
  for (const rule of RULES as readonly Rule<Record<string, unknown>>[]) {
    const options = { ...rule.defaultOptions, now: NOW };
    rules.set(rule.id, timeOnce(() => {
      try {
        rule.check({ model: analysis!.model, options, report: () => undefined });
      } catch {
        // Failures are the invariant checks' business; here only time matters.
      }
    }).ms);
  }
  return { parseMs, engineMs, rules, analysis: analysis! };
}

/** The slowest rules, for failure messages: "timeline-order 812 ms, placeholder 40 ms". */
export function slowestRules(p: Phases, n = 3): string {
  return [...p.rules].sort((a, b) => b[1] - a[1]).slice(0, n).map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`).join(', ');
}

export interface Reference {
  /** Whole analysis (parse included) of the example postmortems, ms per KB. */
  totalMsPerKb: number;
  /** The engine alone (blocks already parsed), ms per KB. */
  engineMsPerKb: number;
}

let reference: Reference | undefined;

/**
 * How fast this machine analyses ordinary postmortems right now (the examples, warmed up, best of
 * five). Bounds are written in this unit, so they hold on a slow CI machine and a fast laptop
 * alike, while a quadratic path on a large input still blows through them.
 */
export function machineReference(docs: readonly string[]): Reference {
  if (reference) return reference;
  const kb = docs.reduce((n, d) => n + d.length, 0) / 1000;
  for (let i = 0; i < 5; i++) for (const d of docs) analyzeForced(d);
  const total = bestOf(5, () => docs.forEach((d) => analyzeForced(d)));
  const caches = docs.map((d) => {
    const c = new BlockCache();
    c.parse(d);
    return c;
  });
  const engine = bestOf(5, () => docs.forEach((d, i) => analyzeForced(d, caches[i])));
  reference = { totalMsPerKb: total / kb, engineMsPerKb: engine / kb };
  return reference;
}

/**
 * The per-input bound of the property tests, in units of this machine's speed on ordinary
 * postmortems: 20 times the reference rate per KB, plus the cost of 25 KB for the fixed part
 * (setup, a GC pause). Generous on purpose: it must not flake on a busy machine. It catches hangs
 * and blow-ups on the input at hand; quadratic paths that need large inputs to show are
 * hostile.test.ts's and the growth property's business.
 */
export function budgetMs(ref: Reference, text: string): number {
  return ref.totalMsPerKb * (20 * (text.length / 1000) + 25);
}

export function assertWithinBudget(ref: Reference, text: string): void {
  const { ms } = timeOnce(() => analyzeForced(text));
  const budget = budgetMs(ref, text);
  assert.ok(ms <= budget, `analysis took ${ms.toFixed(0)} ms on ${(text.length / 1000).toFixed(1)} KB; the bound is ${budget.toFixed(0)} ms (${ref.totalMsPerKb.toFixed(2)} ms/KB on the examples)`);
}
