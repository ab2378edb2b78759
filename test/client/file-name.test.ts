// File names of new postmortems: slugs, the pattern's variables, and the path check that keeps
// every name inside the target folder whatever the settings or the title say.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandPattern, newFilePath, slugify } from '../../client/src/scaffold';

const vars = { date: '2024-05-20', title: 'Web App: Outage (EU)' };

function path(folder: string, pattern: string, title = vars.title) {
  const name = expandPattern(pattern, { ...vars, title });
  return name.ok ? newFilePath(folder, name.name) : name;
}

describe('slugify', () => {
  it('lower-cases, drops accents on Latin letters and joins words with single dashes', () => {
    assert.equal(slugify('Web App: Outage (EU)'), 'web-app-outage-eu');
    assert.equal(slugify('  Café — Zürich  '), 'cafe-zurich');
    assert.equal(slugify('DB/primary  failover!!'), 'db-primary-failover');
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
  });

  it('keeps letters of other scripts whole, combining marks included', () => {
    assert.equal(slugify('データベース障害'), 'データベース障害');
    assert.equal(slugify('Ошибка БД'), 'ошибка-бд');
    assert.equal(slugify('हिन्दी सर्वर'), 'हिन्दी-सर्वर');
  });

  it('is empty for a title without letters or digits', () => {
    assert.equal(slugify('!!! ???'), '');
    assert.equal(slugify('🔥🔥'), '');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('The primary database cluster in the European region stopped accepting writes after a failover');
    assert.ok(slug.length <= 60, slug);
    assert.equal(slug, 'the-primary-database-cluster-in-the-european-region-stopped');
    assert.equal(slugify('a'.repeat(80)).length, 60);
  });
});

describe('expandPattern', () => {
  it('fills ${date}, ${slug} and ${title}', () => {
    assert.deepEqual(expandPattern('${date}-${slug}.md', vars), { ok: true, name: '2024-05-20-web-app-outage-eu.md' });
    assert.deepEqual(expandPattern('${date}/${slug}.md', vars), { ok: true, name: '2024-05-20/web-app-outage-eu.md' });
    assert.deepEqual(expandPattern('${title}.md', vars), { ok: true, name: 'Web App- Outage (EU).md' });
  });

  it('refuses unknown variables and titles that give an empty slug', () => {
    const unknown = expandPattern('${date}-${author}.md', vars);
    assert.equal(unknown.ok, false);
    assert.match((unknown as { error: string }).error, /\$\{author\}/);
    assert.equal(expandPattern('${slug}.md', { ...vars, title: '???' }).ok, false);
  });

  it('never lets a title add folders', () => {
    assert.deepEqual(expandPattern('${title}.md', { ...vars, title: '../../x/y' }), { ok: true, name: '..-..-x-y.md' });
    assert.deepEqual(expandPattern('${title}.md', { ...vars, title: 'C:\\evil' }), { ok: true, name: 'C-evil.md' });
  });
});

describe('newFilePath', () => {
  it('joins the folder and the name into segments inside the workspace folder', () => {
    assert.deepEqual(path('postmortems', '${date}-${slug}.md'), { ok: true, segments: ['postmortems', '2024-05-20-web-app-outage-eu.md'] });
    assert.deepEqual(path('docs/incidents/', '${date}/${slug}.md'), { ok: true, segments: ['docs', 'incidents', '2024-05-20', 'web-app-outage-eu.md'] });
    assert.deepEqual(path('./docs\\incidents', '${slug}.markdown'), { ok: true, segments: ['docs', 'incidents', 'web-app-outage-eu.markdown'] });
    assert.deepEqual(path('', '${slug}.md'), { ok: true, segments: ['web-app-outage-eu.md'] });
    assert.deepEqual(path('.', '${slug}.md'), { ok: true, segments: ['web-app-outage-eu.md'] });
  });

  const refused: [string, string, RegExp][] = [
    ['../outside', '${slug}.md', /leaves the workspace folder/],
    ['postmortems/../..', '${slug}.md', /leaves the workspace folder/],
    ['postmortems', '../${slug}.md', /leaves the workspace folder/],
    ['postmortems', '..\\..\\${slug}.md', /leaves the workspace folder/],
    ['/etc', '${slug}.md', /absolute/],
    ['\\\\server\\share', '${slug}.md', /absolute/],
    ['C:\\Users', '${slug}.md', /absolute/],
    ['~/notes', '${slug}.md', /absolute/],
    ['postmortems', '/tmp/${slug}.md', /absolute/],
    ['.git/hooks', 'post-checkout.md', /hidden/],
    ['postmortems', '.vscode/settings.md', /hidden/],
    ['postmortems', '${slug}.sh', /must end in \.md/],
    ['postmortems', '${slug}', /must end in \.md/],
    ['postmortems', '', /empty/],
    ['postmortems', '   ', /empty/],
    ['postmortems', '/', /absolute/],
    ['post:mortems', '${slug}.md', /character/],
    ['postmortems', 'a\u0000b.md', /character/],
    ['postmortems', 'con.md', /reserves/],
    ['postmortems /sub', '${slug}.md', /ending in a space/],
  ];
  for (const [folder, pattern, why] of refused) {
    it(`refuses folder ${JSON.stringify(folder)} with pattern ${JSON.stringify(pattern)}`, () => {
      const r = path(folder, pattern);
      assert.equal(r.ok, false, JSON.stringify(r));
      assert.match((r as { error: string }).error, why);
    });
  }

  it('refuses any name escaping the folder, for many generated inputs', () => {
    const pieces = ['..', '.', '', '/', '\\', 'a', '..a', 'a..', '%2e%2e', 'C:', '~'];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const name = `${a}/${b}\\${c}.md`;
      const r = newFilePath('postmortems', name);
      if (!r.ok) continue;
      assert.equal(r.segments[0], 'postmortems', name);
      assert.ok(r.segments.every((s) => s !== '..' && s !== '.' && s !== '' && !s.startsWith('.') && !/[\\/:]/.test(s)), `${name} -> ${r.segments.join('|')}`);
    }
  });
});
