// Fixture tests, one folder per rule: bad-*.md files have their expected findings of that rule in
// bad-*.expected beside them; ok-*.md files must give none. Every fix is applied and re-checked.
// Run with UPDATE_FIXTURES=1 to write missing .expected files (then read them before committing).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits, RULES } from '../../server/src/core';
import { formatFinding } from '../helpers/findings';

const root = join(__dirname, '..', 'fixtures', 'rules');
const analyseFixture = (text: string, name: string) => analyze(text, { path: `postmortems/${name}`, now: new Date('2026-01-15T00:00:00Z') });

describe('rule fixtures', () => {
  it('every rule has a fixture folder with a failing example', () => {
    for (const rule of RULES) {
      const dir = join(root, rule.id);
      assert.ok(existsSync(dir), `test/fixtures/rules/${rule.id}/ is missing`);
      assert.ok(readdirSync(dir).some((f) => f.startsWith('bad-') && f.endsWith('.md')), `${rule.id} has no bad-*.md fixture`);
    }
  });

  for (const ruleId of readdirSync(root)) {
    const dir = join(root, ruleId);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      it(`${ruleId}/${file}`, () => {
        const analysis = analyseFixture(text, file);
        assert.ok(analysis.isPostmortem, 'fixture should be detected as a postmortem');
        assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'internal-error'), []);
        const lines = analysis.findings.filter((f) => f.ruleId === ruleId).map((f) => formatFinding(analysis, f));
        if (file.startsWith('ok-')) {
          assert.deepEqual(lines, [], `${file} should give no ${ruleId} findings`);
          return;
        }
        const expectedFile = join(dir, file.replace(/\.md$/, '.expected'));
        if (!existsSync(expectedFile) && process.env['UPDATE_FIXTURES']) writeFileSync(expectedFile, lines.join('\n') + '\n');
        const expected = readFileSync(expectedFile, 'utf8').split('\n').filter((l) => l.trim() !== '');
        assert.ok(expected.length > 0, `${expectedFile} lists no findings`);
        assert.deepEqual(lines, expected);
      });

      it(`${ruleId}/${file}: each fix applies cleanly, touches only its range and silences its finding`, () => {
        const analysis = analyseFixture(text, file);
        for (const finding of analysis.findings.filter((f) => f.ruleId === ruleId)) {
          for (const fix of finding.fixes ?? []) {
            const fixed = applyEdits(text, fix.edits);
            const first = Math.min(...fix.edits.map((e) => e.start));
            const last = Math.max(...fix.edits.map((e) => e.end));
            assert.equal(fixed.slice(0, first), text.slice(0, first), 'text before the fix changed');
            assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), 'text after the fix changed');
            const after = analyseFixture(fixed, file).findings.filter((f) => f.ruleId === ruleId);
            const before = analysis.findings.filter((f) => f.ruleId === ruleId);
            assert.ok(after.length < before.length, `fix "${fix.title}" did not silence its finding:\n${after.map((f) => f.message).join('\n')}`);
          }
        }
      });
    }
  }
});
