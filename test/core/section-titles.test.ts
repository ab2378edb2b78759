// Section titles read by meaning: a tail after "of" that names only the incident keeps the
// title's subject; any other tail after "of" changes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_TEMPLATES } from '../../server/src/core';
import { matcherFor } from '../../server/src/core/templates/matcher';

const generic = BUILTIN_TEMPLATES.find((t) => t.id === 'generic')!;
const ids = (title: string) => matcherFor(generic).match(title, false);

describe('section titles with "of ..."', () => {
  it('keeps the subject when the tail names the incident', () => {
    assert.deepEqual(ids('Chronology of events'), ['timeline']);
    assert.deepEqual(ids('2. Chronology of Events'), ['timeline']);
    assert.deepEqual(ids('Root cause of the outage'), ['root-cause']);
    assert.deepEqual(ids('Summary of the incident'), ['summary']);
  });

  it('changes the subject for any other tail', () => {
    assert.notDeepEqual(ids('Summary of changes'), ['summary']);
    assert.notDeepEqual(ids('Timeline of the migration'), ['timeline']);
    assert.notDeepEqual(ids('Timeline of the fix rollout'), ['timeline']);
    assert.notDeepEqual(ids('Root cause of the outage remediations'), ['root-cause']);
  });
});
