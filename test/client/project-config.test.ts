// Reading a workspace's .postmortemrc.json for New Postmortem: data only, validated by the same
// schema as the server, bounded in size and depth, invalid templates left out with a reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeTemplates, preferredFirst, readProjectConfig } from '../../client/src/scaffold';
import { BUILTIN_TEMPLATES } from '../../server/src/core/templates/builtin';
import type { Template } from '../../server/src/core/templates/types';

const security: Template = { id: 'security', name: 'Security incident', sections: [{ id: 'summary', title: 'Summary', required: true }] };
const generic2: Template = { id: 'generic', name: 'Our generic', sections: [{ id: 'timeline', title: 'Timeline', required: true }] };

describe('readProjectConfig', () => {
  it('reads templates, the default template and the zone', () => {
    const c = readProjectConfig(JSON.stringify({ templates: [security], defaultTemplate: 'security', timeZone: 'CET', rules: { 'section-order': 'off' } }), '.postmortemrc.json');
    assert.deepEqual(c, { templates: [security], defaultTemplate: 'security', timeZone: 'CET', problems: [] });
  });

  it('accepts a byte-order mark', () => {
    assert.deepEqual(readProjectConfig('\ufeff{"templates":[]}', 'f').problems, []);
  });

  it('leaves out an invalid template, naming the key, and keeps the valid ones', () => {
    const c = readProjectConfig(JSON.stringify({ templates: [security, { id: 'Bad Id', name: 'x', sections: [] }, { id: 'x', name: 'x', sections: [{ id: 's', title: 'S', run: 'rm -rf /' }] }] }), 'rc');
    assert.deepEqual(c.templates, [security]);
    assert.equal(c.problems.length, 2);
    assert.match(c.problems[0]!, /^rc: templates\[1\]: "id"/);
    assert.match(c.problems[1]!, /^rc: templates\[2\]: "sections\.0\.run" is not a known setting/);
  });

  it('refuses broken, huge and deeply nested files without using any of it', () => {
    assert.match(readProjectConfig('{ "templates": [', 'rc').problems[0]!, /not valid JSON/);
    assert.match(readProjectConfig('[]', 'rc').problems[0]!, /must be a JSON object/);
    assert.match(readProjectConfig(' '.repeat(600 * 1024) + '{}', 'rc').problems[0]!, /larger than 512 KB/);
    const deep = '{"templates":' + '['.repeat(40) + ']'.repeat(40) + '}';
    assert.match(readProjectConfig(deep, 'rc').problems[0]!, /nested more than 16 levels/);
    assert.match(readProjectConfig('{"templates": {}}', 'rc').problems[0]!, /"templates" must be an array/);
  });

  it('reads JSON as data: "__proto__" keys change no prototype', () => {
    const c = readProjectConfig('{"__proto__": {"polluted": true}, "templates": []}', 'rc');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.deepEqual(c.templates, []);
  });
});

describe('mergeTemplates and preferredFirst', () => {
  it('puts new templates first and replaces a built-in with the same id in place', () => {
    const merged = mergeTemplates(BUILTIN_TEMPLATES, [security, generic2]);
    assert.deepEqual(merged.map((t) => t.id), ['security', 'issue-summary', 'google-sre', 'generic']);
    assert.equal(merged[3], generic2);
  });

  it('offers the preferred template first and keeps the rest in order', () => {
    assert.deepEqual(preferredFirst(BUILTIN_TEMPLATES, 'generic').map((t) => t.id), ['generic', 'issue-summary', 'google-sre']);
    assert.deepEqual(preferredFirst(BUILTIN_TEMPLATES, 'nope').map((t) => t.id), ['issue-summary', 'google-sre', 'generic']);
    assert.deepEqual(preferredFirst(BUILTIN_TEMPLATES, undefined).map((t) => t.id), ['issue-summary', 'google-sre', 'generic']);
  });
});
