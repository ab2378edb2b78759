// Section titles read by meaning: a tail after "of" that names only the incident keeps the
// title's subject; any other tail after "of" changes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILTIN_TEMPLATES } from '../../server/src/core';
import { matcherFor, typoDistance } from '../../server/src/core/templates/matcher';

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

describe('section headings with a typo', () => {
  it('reads a heading a letter off a known title', () => {
    assert.deepEqual(ids('Root Cuase'), ['root-cause']);
    assert.deepEqual(ids('Timline'), ['timeline']);
    assert.deepEqual(ids('Summery'), ['summary']);
  });

  it('reads nothing into other words, short titles or bold labels', () => {
    assert.deepEqual(ids('Timing'), []);
    assert.deepEqual(ids('Update'), []);
    assert.deepEqual(ids('Appendix'), []);
    assert.deepEqual(matcherFor(generic).match('Timline', true), []);
  });

  it('counts a swap of two neighbours as one edit, and stops past the limit', () => {
    assert.equal(typoDistance('cuase', 'cause', 1), 1);
    assert.equal(typoDistance('timline', 'timeline', 1), 1);
    assert.ok(typoDistance('postmortem', 'timeline', 2) > 2);
  });
});
