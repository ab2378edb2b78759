// --format json against schemas/lint-output.schema.json, and --format sarif's SARIF 2.1.0 shape.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { RULES } from '../../server/src/core';
import { REPO, buildCli, runCli, scratch } from './helpers';

const schema = JSON.parse(readFileSync(join(REPO, 'schemas/lint-output.schema.json'), 'utf8'));
const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);

interface JsonFile {
  path: string;
  isPostmortem: boolean | null;
  template: string | null;
  sections: { id: string | null; title: string; line: number; kind: string }[];
  incident: { start: string | null; end: string | null; statedMinutes: number | null; computedMinutes: number | null };
  findings: { ruleId: string; severity: string; line: number; column: number; data: Record<string, unknown> | null }[];
}

describe('postmortem lint --format json', () => {
  let dir: string;
  let files: JsonFile[];
  before(async () => {
    buildCli();
    dir = scratch('basic');
    const { code, stdout, stderr } = await runCli(['lint', '--format', 'json', '.'], { cwd: dir });
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const report: { files: JsonFile[] } = JSON.parse(stdout);
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    files = report.files;
  });

  it('lists every file in input order, postmortem or not', () => {
    assert.deepEqual(
      files.map((f) => [f.path, f.isPostmortem]),
      [
        ['clean.md', true],
        ['duration.md', true],
        ['labels.md', true],
        ['notes.md', false],
        ['unsorted.md', true],
      ],
    );
    const notes = files[3]!;
    assert.equal(notes.template, null);
    assert.deepEqual(notes.findings, []);
  });

  it('reports template, sections and the incident window', () => {
    const clean = files[0]!;
    assert.equal(clean.template, 'issue-summary');
    assert.deepEqual(
      clean.sections.map((s) => [s.id, s.title, s.line, s.kind]),
      [
        [null, 'Postmortem: Checkout API outage', 1, 'heading'],
        ['summary', 'Issue Summary', 3, 'heading'],
        ['timeline', 'Timeline', 11, 'heading'],
        ['root-cause', 'Root Cause and Resolution', 18, 'heading'],
        ['corrective-actions', 'Corrective and Preventative Measures', 24, 'heading'],
      ],
    );
    assert.deepEqual(clean.incident, { start: '2024-05-20T14:00Z', end: '2024-05-20T16:30Z', statedMinutes: 150, computedMinutes: 150 });
    assert.deepEqual(files[1]!.incident, { start: '2024-06-03T13:20Z', end: '2024-06-03T13:30Z', statedMinutes: 30, computedMinutes: 10 });
    const label = files[2]!.sections.find((s) => s.id === 'timeline');
    assert.deepEqual(label && [label.kind, label.line], ['label', 11]);
  });

  it('gives findings with 1-based positions and their data', () => {
    const missing = files[2]!.findings.find((f) => f.ruleId === 'missing-section');
    assert.deepEqual(missing?.data?.['section'], 'corrective-actions');
    const duration = files[1]!.findings.find((f) => f.ruleId === 'duration-mismatch');
    assert.deepEqual([duration?.severity, duration?.line, duration?.column], ['error', 5, 48]);
  });

  it('writes "HH:MM" for times without a date', async () => {
    const { stdout } = await runCli(['lint', '--format', 'json', '.'], { cwd: scratch('undated') });
    const report: { files: JsonFile[] } = JSON.parse(stdout);
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.ok(report.files[0]);
    assert.deepEqual(report.files[0]!.incident, { start: '22:30', end: '01:15', statedMinutes: 165, computedMinutes: 165 });
  });
});

describe('postmortem lint --format sarif', () => {
  it('is SARIF 2.1.0 with the rule registry and relative locations', async () => {
    buildCli();
    const dir = scratch('basic');
    const { code, stdout } = await runCli(['lint', '--format', 'sarif', '.'], { cwd: dir });
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'postmortem');
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
    const rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] = run.tool.driver.rules;
    for (const rule of RULES) {
      const descriptor = rules.find((r) => r.id === rule.id);
      assert.ok(descriptor, rule.id);
      assert.equal(descriptor.shortDescription.text, rule.description);
      assert.equal(descriptor.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.defaultSeverity]);
    }
    assert.equal(run.results.length, 4);
    for (const result of run.results) {
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(rules[result.ruleIndex]!.id, result.ruleId);
      assert.equal(typeof result.message.text, 'string');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(artifactLocation.uri, /^[a-z]+\.md$/);
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[key]) && region[key] >= 1, key);
    }
    const duration = run.results.find((r: { ruleId: string }) => r.ruleId === 'duration-mismatch');
    assert.equal(duration.level, 'error');
    assert.deepEqual(duration.locations[0].physicalLocation.region, { startLine: 5, startColumn: 48, endLine: 5, endColumn: 58 });
    // Fixes travel as SARIF replacements on the same artifact.
    const fix = duration.fixes?.[0];
    assert.equal(fix.artifactChanges[0].artifactLocation.uri, 'duration.md');
    assert.match(fix.artifactChanges[0].replacements[0].insertedContent.text, /^10 min/);
    assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });
});
