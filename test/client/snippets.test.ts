// The snippets file: up to date with the templates, every body valid snippet syntax, prefixes
// unique, and every full-template snippet, expanded with its defaults at awkward moments (just
// before midnight, on New Year's Eve, at odd offsets), a postmortem the engine finds no errors in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { snippetsFileText } from '../../client/src/scaffold/snippets';
import { analyze } from '../../server/src/core';
import { BUILTIN_TEMPLATES } from '../../server/src/core/templates/builtin';
import { clockVariables, expandSnippet, parseSnippet, tabStops } from './snippet-expander';

const FILE = new URL('../../snippets/postmortem.code-snippets', import.meta.url);
const text = readFileSync(FILE, 'utf8');
const snippets = JSON.parse(text) as Record<string, { prefix: string; description: string; body: string[] }>;

/** [moment, offset east of UTC in minutes] */
const MOMENTS: [Date, number][] = [
  [new Date('2024-05-20T14:00:00Z'), 0],
  [new Date('2024-05-20T21:58:00Z'), 120], // 23:58 local
  [new Date('2025-01-01T07:30:00Z'), -480], // 23:30 on New Year's Eve
  [new Date('2024-02-29T18:45:00Z'), 330], // 00:15 local, a leap day's next day
  [new Date('2024-07-04T00:00:00Z'), -210],
];

const STRUCTURAL = ['missing-section', 'missing-field', 'empty-section', 'section-not-heading', 'duplicate-section', 'section-order', 'front-matter'];

describe('snippets/postmortem.code-snippets', () => {
  it('is what scripts/contributions.ts generates from the templates (run it after changing them)', () => {
    // Not assert.equal: a diff of two whole files says less than the fix.
    assert.ok(text === snippetsFileText(BUILTIN_TEMPLATES), 'snippets/postmortem.code-snippets is stale: run node --import tsx scripts/contributions.ts');
  });

  it('has unique, non-empty prefixes and a description for every snippet', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    assert.ok(prefixes.every((p) => typeof p === 'string' && /^[a-z][a-z0-9-]+$/.test(p)), prefixes.join(', '));
    assert.equal(new Set(prefixes).size, prefixes.length, 'duplicate prefixes');
    for (const [name, s] of Object.entries(snippets)) assert.ok(s.description.length > 10, name);
  });

  it('has a body in valid snippet syntax for every snippet, choices used once each', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), name);
      const nodes = parseSnippet(s.body.join('\n'));
      for (const [index, stop] of tabStops(nodes)) {
        assert.ok(stop.defaults <= 1, `${name}: tab stop ${index} has ${stop.defaults} defaults`);
        if (stop.choice) assert.equal(stop.count, 1, `${name}: choice ${index} is mirrored`);
      }
    }
  });

  it('has the snippets the brief promises: each template, each section, an entry and an action item', () => {
    const prefixes = new Set(Object.values(snippets).map((s) => s.prefix));
    for (const t of BUILTIN_TEMPLATES) assert.ok(prefixes.has(`postmortem-${t.id}`), t.id);
    assert.ok(prefixes.has('pm-entry') && prefixes.has('pm-action'));
    const bodies = Object.values(snippets).map((s) => s.body[0]);
    for (const t of BUILTIN_TEMPLATES) for (const s of t.sections) assert.ok(bodies.includes(`## ${s.title}`), `${t.id}: no snippet for "${s.title}"`);
  });

  it('stamps pm-entry with the current time, as a tab stop', () => {
    const entry = Object.values(snippets).find((s) => s.prefix === 'pm-entry')!;
    assert.match(entry.body.join('\n'), /\$\{1:\$CURRENT_HOUR:\$CURRENT_MINUTE\}/);
    assert.equal(expandSnippet(entry.body, clockVariables(new Date('2024-05-20T14:05:00Z'), 0)), '- **14:05 UTC+00:00:** ');
  });

  for (const t of BUILTIN_TEMPLATES) {
    describe(`postmortem-${t.id}, expanded with its defaults`, () => {
      const snippet = Object.values(snippets).find((s) => s.prefix === `postmortem-${t.id}`)!;
      for (const [at, offset] of MOMENTS) {
        it(`at ${at.toISOString()} seen from UTC${offset < 0 ? '' : '+'}${offset / 60}h: no errors, no structural findings, template ${t.id}`, () => {
          const doc = expandSnippet(snippet.body, clockVariables(at, offset));
          assert.doesNotMatch(doc, /\$\{|\$[A-Z]/, 'unexpanded snippet syntax');
          const forced = analyze(doc, { force: true });
          const errors = forced.findings.filter((f) => f.severity === 'error');
          assert.deepEqual(errors.map((f) => `${f.ruleId}: ${f.message}`), [], doc);
          const structural = forced.findings.filter((f) => STRUCTURAL.includes(f.ruleId));
          assert.deepEqual(structural.map((f) => `${f.ruleId}: ${f.message}`), [], doc);
          // Without force too: the front matter alone makes it a postmortem of the right template.
          const plain = analyze(doc);
          assert.equal(plain.isPostmortem, true);
          assert.equal(plain.model.template.id, t.id);
        });
      }
    });
  }
});
