// The real corpus through the built CLI: every document read, none crashes, all are postmortems.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import schema from '../../schemas/lint-output.schema.json';
import { REPO, buildCli, runCli } from './helpers';

const CORPUS = join(REPO, '../shared/corpus/docs');
const present = existsSync(CORPUS);

describe('postmortem lint over the corpus', { skip: present ? false : `${CORPUS} not found` }, () => {
  before(() => buildCli());

  it('covers all 74 files without a crash, each one detected as a postmortem', async () => {
    const expected = readdirSync(CORPUS).filter((f) => f.endsWith('.md')).length;
    const { code, stdout, stderr } = await runCli(['lint', '--format', 'json', CORPUS], { cwd: REPO });
    assert.equal(stderr, '');
    assert.ok(code === 0 || code === 1, `exit ${code}`);
    const report: { files: { path: string; isPostmortem: boolean | null; findings: { ruleId: string }[] }[] } = JSON.parse(stdout);
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.equal(expected, 74);
    assert.equal(report.files.length, expected);
    const notDetected = report.files.filter((f) => f.isPostmortem !== true).map((f) => f.path);
    assert.deepEqual(notDetected, []);
    const crashed = report.files.filter((f) => f.findings.some((x) => x.ruleId === 'internal-error' || x.ruleId === 'analysis-budget'));
    assert.deepEqual(
      crashed.map((f) => f.path),
      [],
    );
  });
});
