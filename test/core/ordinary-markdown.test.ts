// Ordinary Markdown gets no findings: the README files of the packages in node_modules.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';

const modules = join(__dirname, '..', '..', 'node_modules');

function readmes(limit: number): string[] {
  const out: string[] = [];
  for (const name of readdirSync(modules).sort()) {
    const dirs = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => join(name, n)) : [name];
    for (const d of dirs) {
      const f = join(modules, d, 'README.md');
      if (existsSync(f)) out.push(f);
    }
    if (out.length >= limit) break;
  }
  return out;
}

describe('ordinary Markdown', () => {
  it('gives no findings on 50+ package READMEs', () => {
    const files = readmes(200);
    assert.ok(files.length >= 50, `only ${files.length} READMEs found`);
    const flagged = files.filter((f) => analyze(readFileSync(f, 'utf8'), { path: f }).findings.length > 0);
    assert.deepEqual(flagged, []);
  });

  it('is not a postmortem without a marker, and is with front matter or a postmortem folder', () => {
    const text = '# Notes\n\n## Timeline\n\n- 10:00 start\n- 09:00 earlier\n';
    assert.equal(analyze(text, { path: 'docs/notes.md' }).isPostmortem, false);
    assert.equal(analyze(text, { path: 'docs/postmortems/notes.md' }).isPostmortem, true);
    assert.equal(analyze(`---\ntype: postmortem\n---\n${text}`, { path: 'docs/notes.md' }).isPostmortem, true);
    assert.equal(analyze(`---\ntype: postmortem\n---\n${text}`, { path: 'docs/notes.md' }).findings.some((f) => f.ruleId === 'timeline-order'), true);
  });
});
