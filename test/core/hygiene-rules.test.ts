// Options of the issue-8 rules (action items, placeholders, wording, consistency) as a config
// file sets them, and the whole analysis staying linear on hostile documents of that kind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, parseConfig, resolveConfig, RULES } from '../../server/src/core';

const NOW = new Date('2026-01-15T00:00:00Z');

function run(text: string, rule: string, rules: Record<string, unknown> = {}, path = 'postmortems/doc.md') {
  const config = resolveConfig(parseConfig(JSON.stringify({ rules }), '.postmortemrc.json', RULES));
  return analyze(text, { path, config, now: NOW }).findings.filter((f) => f.ruleId === rule);
}

const doc = (actions: string, extra = '') => `# Postmortem: queue
${extra}
## Issue Summary

**Duration:** 2025-11-20 10:00 - 11:00 UTC (1 hour)

**Impact:** Jobs were late.

**Root Cause:** A full queue.

## Timeline

- **10:00 UTC:** Queue alert.
- **11:00 UTC:** Drained.

## Root Cause

A consumer stopped.

## Resolution

Restarted it.

## Corrective and Preventative Measures

${actions}
`;

describe('action-item options', () => {
  const text = doc('- [ ] Alert on queue depth (owner: @amy, due: 2025-12-01)\n- Add a second consumer (owner: @bo, due: 2025-12-01)');

  it('require can ask for a ticket, sources can include plain list items', () => {
    assert.deepEqual(run(text, 'action-item-incomplete').map((f) => f.message), []);
    const strict = run(text, 'action-item-incomplete', { 'action-item-incomplete': { options: { require: ['owner', 'due', 'ticket'], sources: ['task', 'table', 'list'] } } });
    assert.equal(strict.length, 2);
    assert.match(strict[0]!.message, /no ticket or link/);
  });

  it('overdue uses the injected now, a grace period, and assumeOpen for items without a status', () => {
    assert.deepEqual(run(text, 'action-item-overdue').map((f) => f.data?.['daysLate']), [45]);
    assert.deepEqual(run(text, 'action-item-overdue', { 'action-item-overdue': { options: { graceDays: 60 } } }), []);
    assert.equal(run(text, 'action-item-overdue', { 'action-item-overdue': { options: { assumeOpen: true } } }).length, 2);
  });
});

describe('severity-value options', () => {
  it('checks against the configured scale', () => {
    const text = doc('- Fix it.', '\n**Severity:** Sev-B\n');
    assert.equal(run(text, 'severity-value').length, 1);
    assert.deepEqual(run(text, 'severity-value', { 'severity-value': { options: { allowed: ['SEV-A', 'SEV-B', 'SEV-C'] } } }), []);
  });
});

describe('date-mismatch options', () => {
  it('lets a file be named some days after the incident', () => {
    const text = doc('- Fix it.');
    assert.deepEqual(run(text, 'date-mismatch', {}, 'postmortems/2025-11-25-queue.md'), []);
    assert.equal(run(text, 'date-mismatch', { 'date-mismatch': { options: { fileNameToleranceDays: 2 } } }, 'postmortems/2025-11-25-queue.md').length, 1);
  });
});

describe('hostile documents stay linear', () => {
  // Only these rules are timed, on models built beforehand: the parse is the engine's own test.
  const MINE = new Set(['placeholder', 'action-item-incomplete', 'action-item-overdue', 'blameless-wording', 'date-mismatch', 'severity-value', 'impact-percentages', 'duration-timeline-mismatch']);
  const rules = RULES.filter((r) => MINE.has(r.id)) as unknown as Array<{ defaultOptions: object; check(c: unknown): void }>;
  const off = resolveConfig({}, { rules: Object.fromEntries(RULES.map((r) => [r.id, 'off' as const])) });
  const shapes: Array<[string, (n: number) => string]> = [
    ['action items', (n) => doc(Array.from({ length: n }, (_, i) => `- [ ] Task ${i} @p${i} due: 2025-12-0${(i % 9) + 1} ABC-${i}`).join('\n'))],
    ['action table', (n) => doc(`| Action | Owner | Due | Status |\n|---|---|---|---|\n${Array.from({ length: n }, (_, i) => `| T${i} |  | 2025-12-01 | Open |`).join('\n')}`)],
    ['mentions', (n) => doc('- Fix it.').replace('- **11:00 UTC:** Drained.', Array.from({ length: n }, (_, i) => `- **11:00 UTC:** @user${i} forgot to look, ${i % 100}% of users and 10% and the remaining 5%.`).join('\n'))],
    ['placeholders', (n) => doc('- Fix it.', Array.from({ length: n }, () => 'TODO {{ x }} [date] <owner> YYYY-MM-DD lorem ipsum `TODO` | | |').join('\n'))],
  ];
  for (const [name, make] of shapes) {
    it(name, () => {
      // A fresh model per run, so per-model caches (prose lines) are part of what is timed.
      const time = (text: string) => {
        let best = Infinity;
        for (let k = 0; k < 2; k++) {
          const { model } = analyze(text, { path: 'postmortems/doc.md', config: off, force: true });
          const t = performance.now();
          for (const rule of rules) rule.check({ model, options: { ...rule.defaultOptions, now: NOW }, report: () => {} });
          best = Math.min(best, performance.now() - t);
        }
        return best;
      };
      const small = make(300);
      const big = make(600);
      const tSmall = time(small);
      const tBig = time(big);
      assert.ok(tBig < 4 * tSmall + 100, `${name}: doubling took ${tSmall.toFixed(0)} -> ${tBig.toFixed(0)} ms`);
    });
  }
});
