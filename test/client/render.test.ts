// New Postmortem's document: for every built-in template, in several zones and at awkward start
// times, a postmortem of that template that the engine finds no errors and no structural problems
// in, with the values filled where they belong and the cursor on the first blank.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPostmortem, type LocalDateTime } from '../../client/src/scaffold';
import { sectionBody, yamlScalar } from '../../client/src/scaffold/parts';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../../server/src/core';
import { BUILTIN_TEMPLATES } from '../../server/src/core/templates/builtin';
import type { Template } from '../../server/src/core/templates/types';

const STRUCTURAL = ['missing-section', 'missing-field', 'empty-section', 'section-not-heading', 'duplicate-section', 'section-order', 'front-matter', 'duration-mismatch', 'window-timeline-mismatch'];

const starts: LocalDateTime[] = [
  { year: 2024, month: 5, day: 20, hour: 14, minute: 0 },
  { year: 2024, month: 12, day: 31, hour: 23, minute: 59 },
  { year: 2024, month: 2, day: 29, hour: 0, minute: 0 },
];
const zones = ['UTC', 'CET', '+05:30', 'UTC-5', 'PST'];

function check(template: Template, start: LocalDateTime, zone: string, title = 'Web app outage') {
  const r = renderPostmortem({ template, title, start, zone, severity: 'SEV2' });
  const a = analyze(r.text);
  assert.equal(a.isPostmortem, true, 'the front matter marks it as a postmortem');
  assert.equal(a.model.template.id, template.id);
  const bad = a.findings.filter((f) => f.severity === 'error' || STRUCTURAL.includes(f.ruleId));
  assert.deepEqual(bad.map((f) => `${f.ruleId}: ${f.message}`), [], r.text);
  return r;
}

describe('renderPostmortem', () => {
  for (const template of BUILTIN_TEMPLATES) {
    it(`writes a clean ${template.id} postmortem in every zone and at awkward starts`, () => {
      for (const start of starts) for (const zone of zones) check(template, start, zone);
    });
  }

  it('fills the start, the first timeline time, the zone, title and severity, and selects the first blank', () => {
    const issueSummary = BUILTIN_TEMPLATES.find((t) => t.id === 'issue-summary')!;
    const r = check(issueSummary, starts[0]!, 'CET');
    assert.match(r.text, /^---\ntype: postmortem\ntemplate: issue-summary\ntimezone: CET\n---\n\n# Web app outage\n\n\*\*Severity:\*\* SEV2\n/);
    assert.match(r.text, /\*\*Duration:\*\* 2024-05-20 14:00 CET - \{\{end\}\} \(\{\{duration\}\}\)/);
    assert.match(r.text, /- \*\*14:00 CET:\*\* \{\{what happened\}\}/);
    assert.equal(r.text.slice(r.firstBlank!.start, r.firstBlank!.end), '{{end}}');
  });

  it('states the start on its own line when no skeleton has a place for it', () => {
    const sre = BUILTIN_TEMPLATES.find((t) => t.id === 'google-sre')!;
    const r = check(sre, starts[1]!, '+05:30');
    assert.match(r.text, /timezone: "\+05:30"/);
    assert.match(r.text, /\*\*Start:\*\* 2024-12-31 23:59 \+05:30\n/);
    // "{{...}}" has no words: a section holding only it would read as empty.
    assert.doesNotMatch(r.text, /\{\{\.\.\.\}\}/);
  });

  it('adds the summary fields a template asks for but its skeleton lacks, before the skeleton', () => {
    const body = sectionBody({ id: 'summary', title: 'Summary', fields: ['duration', 'impact', 'root-cause'], skeleton: '**Impact:** {{who}}\n\n{{what happened}}\n' });
    assert.equal(body, '**Duration:** {{start}} - {{end}} ({{duration}})\n\n**Root Cause:** {{root cause}}\n\n**Impact:** {{who}}\n\n{{what happened}}\n');
    assert.equal(sectionBody({ id: 'x', title: 'Data Exposure' }), '{{data exposure}}\n');
    assert.equal(sectionBody({ id: 'x', title: 'X', fields: ['customer-count'] }), '**Customer Count:** {{customer count}}\n');
  });

  it('keeps a title with Markdown, braces or line breaks on one heading line', () => {
    const generic = BUILTIN_TEMPLATES.find((t) => t.id === 'generic')!;
    const r = renderPostmortem({ template: generic, title: ' API *down*\nagain {{x}} ', start: starts[0]!, zone: 'UTC', severity: 'SEV1' });
    assert.match(r.text, /\n# API \*down\* again \{\{x\}\}\n/);
    // The cursor goes to a blank of the template, not into the title.
    assert.ok(r.firstBlank!.start > r.text.indexOf('## '));
  });

  it('renders a workspace template: required sections, optional ones with a skeleton, a blank for the rest', () => {
    const custom: Template = {
      id: 'security',
      name: 'Security incident',
      sections: [
        { id: 'summary', title: 'Summary', required: true, fields: ['severity', 'impact'] },
        { id: 'exposure', title: 'Data Exposure', required: true },
        { id: 'timeline', title: 'Timeline', required: true, skeleton: '- **{{HH:MM}} {{zone}}:** {{what happened}}\n' },
        { id: 'appendix', title: 'Appendix' },
      ],
    };
    const r = renderPostmortem({ template: custom, title: 'Leaked token', start: starts[0]!, zone: 'UTC', severity: 'SEV1' });
    assert.match(r.text, /## Summary\n\n\*\*Severity:\*\* SEV1\n\n\*\*Impact:\*\* \{\{impact\}\}\n/);
    assert.match(r.text, /## Data Exposure\n\n\{\{data exposure\}\}\n/);
    assert.doesNotMatch(r.text, /Appendix/);
    // Severity is in the summary already, so not again before it.
    assert.equal(r.text.match(/\*\*Severity:\*\*/g)!.length, 1);
  });
});

describe('yamlScalar', () => {
  it('leaves plain words plain and quotes what YAML would read as something else', () => {
    assert.equal(yamlScalar('UTC'), 'UTC');
    assert.equal(yamlScalar('Pacific Time'), 'Pacific Time');
    assert.equal(yamlScalar('issue-summary'), 'issue-summary');
    assert.equal(yamlScalar('UTC-5'), 'UTC-5');
    for (const v of ['+02:00', '2024', 'no', 'null', 'a: b', '#x', '', 'trailing ']) assert.equal(yamlScalar(v), JSON.stringify(v), v);
  });

  it('reads back as the same string, whatever the value', () => {
    for (const v of ['UTC', 'UTC+05:30', '-03:00', 'True', '1e3', '0x1F', '~', 'a "quoted" \\ value', 'tab\there', 'émoji 🚨', '[list]', '{map}', '*alias', '&anchor', '!tag', '%dir', '@at', '`tick`', '|', '>', "'single'"]) {
      assert.equal(parseYaml(`k: ${yamlScalar(v)}`).k, v, v);
    }
  });
});
