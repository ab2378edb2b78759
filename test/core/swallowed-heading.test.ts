// "## Summary" right under a line of HTML is part of the HTML block (it runs to the next blank
// line), so it shows as text: the section is still recognised, and the fix puts a blank line before it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyFixesUntilStable } from '../../server/src/core';

const NOW = new Date('2026-01-15T00:00:00Z');
const run = (text: string) => analyze(text, { path: 'postmortems/doc.md', now: NOW });
const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'rules', 'section-not-heading', 'bad-swallowed-by-html.md'), 'utf8');

describe('a heading inside an HTML block', () => {
  it('counts as its section, so it is neither missing nor a duplicate', () => {
    const analysis = run(fixture);
    assert.deepEqual(analysis.model.sections.filter((s) => s.ids.length > 0).map((s) => [s.ids[0], s.kind]), [
      ['summary', 'broken-heading'],
      ['timeline', 'broken-heading'],
      ['root-cause', 'heading'],
      ['action-items', 'heading'],
    ]);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'missing-section' || f.ruleId === 'duplicate-section'), []);
  });

  it('is fixed unasked only when the HTML block ends with it', () => {
    const fixes = run(fixture).findings.filter((f) => f.ruleId === 'section-not-heading').map((f) => f.fixes?.[0]?.safe);
    // "## Summary" ends its block; the list under "## Timeline ##" is in the block too and would
    // change with it.
    assert.deepEqual(fixes, [true, false]);
    const fixed = applyFixesUntilStable(fixture, (t) => run(t).findings).text;
    assert.match(fixed, /alt="error rate graph"><\/p>\r?\n\r?\n## Summary/);
    assert.match(fixed, /<br>\r?\n## Timeline ##/);
  });

  it('is left alone in a comment, <pre>, <script> or <style> block, which hide or keep their text by intent', () => {
    for (const [open, close] of [['<!--', '-->'], ['<pre>', '</pre>'], ['<script>', '</script>'], ['<style>', '</style>'], ['<textarea>', '</textarea>']]) {
      const text = fixture.replace('<br>\n## Timeline ##', `${open}\n## Timeline\n${close}`).replace('<p align="center"><img src="outage.png" alt="error rate graph"></p>\n', '\n');
      const analysis = run(text);
      assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'section-not-heading'), [], open);
      assert.ok(!analysis.model.sections.some((s) => s.ids.includes('timeline')), `${open}: no timeline section`);
    }
  });
});
