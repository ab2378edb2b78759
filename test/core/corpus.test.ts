// Every real postmortem in ../shared/corpus/docs (when present): no exception, detected as a
// postmortem, no internal errors, every range inside the text and every fix applicable.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits } from '../../server/src/core';

const dir = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'docs');
const skip = !existsSync(dir) && 'shared/corpus is not beside this checkout';

describe('real postmortems', { skip }, () => {
  const files = skip ? [] : readdirSync(dir).filter((f) => f.endsWith('.md'));
  it('has the corpus', () => assert.ok(files.length >= 70));
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const { findings, isPostmortem } = analyze(text, { path: file });
      assert.equal(isPostmortem, true, 'not detected as a postmortem');
      assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message), []);
      for (const f of findings) {
        assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `${f.ruleId} range outside the text`);
        for (const fix of f.fixes ?? []) applyEdits(text, fix.edits);
      }
    });
  }
});
