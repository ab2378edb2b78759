// The blameless word lists are data with a schema: the built-in list validates, a repository
// extends it through the rule's options in .postmortemrc.json (validated too), and the lists
// change what the rule reports.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import wordingSchema from '../../schemas/wording.schema.json';
import blameless from '../../schemas/wording/blameless.json';
import { analyze, ConfigError, parseConfig, resolveConfig, RULES } from '../../server/src/core';

const DOC = `# Postmortem: push

## Issue Summary

**Duration:** 2025-11-20 10:00 - 11:00 UTC (1 hour)

**Impact:** Errors.

**Root Cause:** The engineer forgot to run the validator and threw it over the wall.

## Timeline

- **10:00 UTC:** @alice pushed; @firefighters were paged by @incident-rota.

## Root Cause

Human error.

## Resolution

Rolled back.

## Corrective and Preventative Measures

- Validate.
`;

function wording(configText?: string) {
  const config = configText ? resolveConfig(parseConfig(configText, '.postmortemrc.json', RULES)) : resolveConfig();
  return analyze(DOC, { path: 'postmortems/push.md', config }).findings.filter((f) => f.ruleId === 'blameless-wording').map((f) => DOC.slice(f.range.start, f.range.end));
}

describe('blameless word lists', () => {
  it('the built-in list follows schemas/wording.schema.json', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(wordingSchema);
    assert.ok(validate(blameless), JSON.stringify(validate.errors));
    const ids = blameless.phrases.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'phrase ids are unique');
  });

  it('reports the built-in phrases and people by default', () => {
    assert.deepEqual(wording(), ['forgot to', '@alice', '@firefighters', 'Human error']);
  });

  it('takes phrases, disabled ids and team handles from the config file', () => {
    const config = JSON.stringify({
      rules: {
        'blameless-wording': {
          options: {
            phrases: [{ id: 'over-the-wall', match: ['threw it over the wall'], message: '"{phrase}" blames another team; describe the hand-off instead.', replacement: 'handed it over' }],
            disable: ['human-error'],
            teamHandles: ['firefighters'],
          },
        },
      },
    });
    assert.deepEqual(wording(config), ['forgot to', 'threw it over the wall', '@alice']);
  });

  it('turns off like any rule', () => {
    assert.deepEqual(wording(JSON.stringify({ rules: { 'blameless-wording': 'off' } })), []);
  });

  it('rejects a malformed phrase with the key that is wrong', () => {
    const bad = JSON.stringify({ rules: { 'blameless-wording': { options: { phrases: [{ id: 'x', match: [] , message: 'm' }] } } } });
    assert.throws(() => parseConfig(bad, '.postmortemrc.json', RULES), (e: unknown) => e instanceof ConfigError && /rules\.blameless-wording\.options\.phrases\.0\.match/.test(e.message));
  });
});

describe('people the document names', () => {
  const doc = (owners: string[]) => `# Postmortem: resolver outage

## Summary

Between 09:10 and 09:50 UTC (40 minutes) 20% of lookups failed.

## Timeline

- **09:10 UTC:** Network on-call saw the NXDOMAIN alert; Identity team and Dana were paged.
- **09:50 UTC:** Dana rolled back the zone push.

## Root Cause

A zone push removed a forwarding zone.

## Action Items

| Action | Owner | Due |
| --- | --- | --- |
${owners.map((o, i) => `| Check zone pushes ${i} | ${o} | 2030-01-0${i + 1} |`).join('\n')}
`;
  const named = (owners: string[]) => {
    const text = doc(owners);
    return analyze(text, { path: 'postmortems/r.md' }).findings.filter((f) => f.ruleId === 'blameless-wording').map((f) => text.slice(f.range.start, f.range.end));
  };

  it('reads a team that owns an item as a team, not as a person named like its first word', () => {
    assert.deepEqual(named(['Network Eng (D. Ivanova)', 'Identity team (N. Adeyemi)', 'Data Platform on-call rotation']), []);
  });

  it('reads "<name> team" in the text as a team, whatever the owners made of the name', () => {
    assert.deepEqual(named(['Identity (Nia Adeyemi)']), []);
  });

  it('still knows the people among the owners', () => {
    assert.deepEqual(named(['Network Eng (Dana Ivanova)']), ['Dana']);
  });
});
