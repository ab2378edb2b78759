// The reference postmortem the product grew from: clean as written; a wrong duration is caught
// with the arithmetic and a fix back to the true length.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits } from '../../server/src/core';

const file = join(__dirname, '..', '..', '..', 'shared', 'examples', 'web-app-outage.md');
const skip = !existsSync(file) && 'shared/examples is not beside this checkout';

describe('reference example', { skip }, () => {
  const text = skip ? '' : readFileSync(file, 'utf8');

  it('is a postmortem in the Issue Summary format with no warnings or errors', () => {
    const { findings, isPostmortem, model } = analyze(text, { path: file });
    assert.equal(isPostmortem, true);
    assert.equal(model.template.id, 'issue-summary');
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message), []);
    assert.deepEqual(model.sections.flatMap((s) => s.ids), ['summary', 'timeline', 'root-cause', 'resolution', 'corrective-actions']);
    assert.equal(model.timeline?.entries.length, 11);
    assert.equal(model.incident.stated?.mention.minutes, 150);
  });

  it('"2 hours" instead of 2 hours 30 minutes gives duration-mismatch with a fix back', () => {
    const changed = text.replace('2 hours and 30 minutes of', '2 hours of');
    assert.notEqual(changed, text);
    const { findings } = analyze(changed, { path: file });
    const mismatch = findings.filter((f) => f.ruleId === 'duration-mismatch');
    assert.equal(mismatch.length, 1);
    assert.match(mismatch[0]!.message, /2 hours.*14:00 → 16:30 UTC is 2 hours 30 minutes/);
    const fix = mismatch[0]!.fixes![0]!;
    const fixed = applyEdits(changed, fix.edits);
    assert.equal(fixed, changed.replace('(2 hours of', '(2 hours 30 minutes of'));
    assert.deepEqual(analyze(fixed, { path: file }).findings.filter((f) => f.ruleId === 'duration-mismatch'), []);
  });
});
