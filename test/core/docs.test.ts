// The README's rule table and the config schema's rule list are generated from the registry;
// this fails when they drift (fix: node --import tsx scripts/docs/generate.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CONFIG_SCHEMA, README, readmeWithTable, schemaWithRules } from '../../scripts/docs/generate';

describe('generated docs', () => {
  it('README rule table matches the rule registry', () => {
    const readme = readFileSync(README, 'utf8');
    assert.equal(readme, readmeWithTable(readme), 'run: node --import tsx scripts/docs/generate.ts');
  });
  it('config schema lists every rule', () => {
    const text = readFileSync(CONFIG_SCHEMA, 'utf8');
    assert.equal(text, schemaWithRules(text), 'run: node --import tsx scripts/docs/generate.ts');
  });
});
