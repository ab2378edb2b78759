// The server's pure parts and its worker host, without a client: settings merging, snippets,
// new timeline entries, worker-script lookup, the workspace walk, and the host's queue and budget.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import type { DocumentFacts } from '../../server/src/lsp/analysis-protocol';
import type { Finding } from '../../server/src/core/types';
import { findMarkdownFiles } from '../../server/src/lsp/commands/walk';
import { skeletonSnippet } from '../../server/src/lsp/features/completion';
import { newEntry } from '../../server/src/lsp/features/timeline-entry';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/lsp/settings';
import { SettingsStore } from '../../server/src/lsp/settings-store';
import { entryAt, entryIndexAt, entryStrings, TimelineColumnsBuilder, type EntryFacts } from '../../server/src/lsp/timeline-columns';
import { AnalysisWorkerHost, type Job, type Outcome } from '../../server/src/lsp/worker-host';
import { resolveWorkerScript } from '../../server/src/lsp/worker-script';
import { ROOT } from './client';
import { buildServer, fixture, TempWorkspace } from './setup';

function facts(partial: Partial<DocumentFacts>): DocumentFacts {
  return {
    uri: 'u', version: 1, isPostmortem: true, findings: [], template: { id: 't', name: 'T', sections: [] }, sections: [], summaryFields: [],
    entryZone: { text: 'UTC', offsetMinutes: 0 }, stats: { ms: 0, blocksReused: 0, blocksParsed: 0 }, ...partial,
  };
}

describe('settings', () => {
  test('recognised keys overlay the defaults; wrong types are ignored', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, {
      debounceMs: 0, budgetMs: 1, timeZone: 'CET', rules: { 'timeline-order': 'off', bad: 'loud', other: 3 }, files: ['a/**/*.md', 7],
      inlayHints: { enabled: false }, 'newFile.folder': 'incidents', defaultTemplate: { evil: true },
    });
    assert.equal(s.debounceMs, 0);
    assert.equal(s.budgetMs, 10, 'clamped to the minimum');
    assert.equal(s.timeZone, 'CET');
    assert.deepEqual(s.rules, { 'timeline-order': 'off' });
    assert.deepEqual(s.files, ['a/**/*.md']);
    assert.equal(s.inlayHints.enabled, false);
    assert.equal(s.newFile.folder, 'incidents');
    assert.equal(s.defaultTemplate, undefined);
    assert.equal(DEFAULT_SETTINGS.debounceMs, 150, 'defaults untouched');
    assert.equal(mergeSettings(DEFAULT_SETTINGS, null), DEFAULT_SETTINGS);
  });

  /** A connection that answers workspace/configuration from `answer` and records each request's items. */
  function fakeConnection(answer: (items: { scopeUri?: string }[]) => unknown) {
    const asked: { scopeUri?: string }[][] = [];
    const errors: string[] = [];
    const connection = {
      workspace: { getConfiguration: async (items: { scopeUri?: string }[]) => (asked.push(items), answer(items)) },
      console: { error: (m: string) => errors.push(m), warn: (m: string) => errors.push(m) },
    } as unknown as Connection;
    return { connection, asked, errors };
  }

  test('per folder: the innermost folder holding a document, compared as paths however the URIs are encoded', async () => {
    // An editor's folder URI encodes "@" and ":"; a file found by the workspace walk comes from pathToFileURL.
    const editorUri = 'file:///work/team%40corp/incidents';
    const { connection } = fakeConnection((items) => items.map((i) => (i.scopeUri === editorUri ? { timeZone: 'CET' } : i.scopeUri ? { timeZone: 'PST' } : { timeZone: 'UTC' })));
    const store = new SettingsStore(connection, {}, true, [editorUri, 'file:///work', 'file:///work/team@corp/incidents/eu/']);
    assert.equal(await store.refresh(), true);
    assert.equal(store.forUri(pathToFileURL('/work/team@corp/incidents/2024/db.md').href).timeZone, 'CET');
    assert.equal(store.forUri('file:///work/team%40corp/incidents/db.md').timeZone, 'CET');
    assert.equal(store.forUri('file:///work/team%40corp/incidents/eu/db.md').timeZone, 'PST', 'nested folder first');
    assert.equal(store.forUri('file:///work/team%40corp/incidents-old/db.md').timeZone, 'PST', 'a sibling with the same prefix is not inside');
    assert.equal(store.forUri('file:///elsewhere/db.md').timeZone, 'UTC');
    assert.equal(store.forUri('untitled:Untitled-1').timeZone, 'UTC');
    assert.equal(await store.refresh(), false, 'nothing changed');
  });

  test('per folder: pushed settings and short answers fall back to the window\'s; removed folders are not asked about', async () => {
    const { connection, asked } = fakeConnection((items) => [{ timeZone: 'UTC' }].concat(items.length > 2 ? [{ timeZone: 'CET' }] : []));
    const store = new SettingsStore(connection, {}, true, ['file:///a', 'file:///b']);
    await store.refresh();
    assert.deepEqual(asked[0]!.map((i) => i.scopeUri), [undefined, 'file:///a', 'file:///b']);
    // Two folders asked about, one answered: the other takes the window's settings.
    assert.deepEqual([store.forUri('file:///a/x.md').timeZone, store.forUri('file:///b/x.md').timeZone].sort(), ['CET', 'UTC']);
    assert.equal(await store.setFolders(['file:///b']), true);
    assert.deepEqual(asked[1]!.map((i) => i.scopeUri), [undefined, 'file:///b']);
    // Folders changing again while the client answers: the answer about the old set is not applied to the new one.
    const pending: Array<() => void> = [];
    const slow = fakeConnection((items) => new Promise((resolve) => pending.push(() => resolve(items.map((i) => ({ timeZone: i.scopeUri ? `zone of ${i.scopeUri}` : 'UTC' }))))));
    const racing = new SettingsStore(slow.connection, {}, true, []);
    const first = racing.setFolders(['file:///a']);
    const second = racing.setFolders(['file:///b']);
    // The newer answer first, then the older one, each taken in before the next comes.
    pending[1]!();
    await second;
    pending[0]!();
    await first;
    assert.equal(racing.forUri('file:///b/x.md').timeZone, 'zone of file:///b');
    assert.equal(racing.forUri('file:///a/x.md').timeZone, 'UTC');
    const pushed = new SettingsStore(fakeConnection(() => []).connection, {}, false, ['file:///a']);
    assert.equal(await pushed.refresh({ postmortem: { timeZone: 'CET' } }), true);
    assert.equal(pushed.forUri('file:///a/x.md').timeZone, 'CET');
    assert.equal(pushed.forUri('file:///z/x.md').timeZone, 'CET');
  });
});

describe('completion text', () => {
  test('skeleton placeholders become tab stops; the rest is escaped', () => {
    assert.equal(skeletonSnippet('- **{{HH:MM}} {{zone}}:** cost $5 {x}\n'), '- **${1:HH:MM} ${2:zone}:** cost \\$5 {x\\}\n');
  });

  test('a new entry copies the style of the entry it follows', () => {
    const now = new Date(Date.UTC(2024, 4, 20, 21, 7));
    const text = '3. 2:05 PM - deploy started\n| 14:05 | x |\n';
    const pm = facts({ entryZone: { text: 'PDT', offsetMinutes: -420 } });
    const numbered = newEntry(text, pm, now, { timeRange: { start: 3, end: 10 }, lineRange: { start: 0, end: 27 }, range: { start: 0, end: 27 }, clock: { hour: 14, minute: 5, meridiem: 'pm' }, zoneExplicit: false });
    assert.equal(numbered.line, '4. 2:07 PM - ');
    const table = newEntry(text, facts({}), now, { timeRange: { start: 30, end: 35 }, lineRange: { start: 28, end: 40 }, range: { start: 28, end: 40 }, clock: { hour: 14, minute: 5 }, zoneExplicit: true });
    assert.equal(table.line, '| 21:07 UTC | ');
    assert.equal(newEntry('', facts({ entryZone: { text: '+05:30', offsetMinutes: 330 } }), now).line, '- **02:37 UTC+05:30:** ');
  });
});

describe('timeline columns', () => {
  test('entries survive the trip through numbers, and are found by offset', () => {
    const entries: EntryFacts[] = [
      { timeRange: { start: 4, end: 13 }, lineRange: { start: 0, end: 40 }, range: { start: 0, end: 41 }, clock: { hour: 14, minute: 5, second: 30, meridiem: 'pm' }, date: { year: 2024, month: 5, day: 20 }, zone: { text: 'UTC', offsetMinutes: 0 }, zoneExplicit: true, elapsed: 5 },
      { timeRange: { start: 45, end: 50 }, lineRange: { start: 41, end: 60 }, range: { start: 41, end: 61 }, date: { month: 5, day: 21, ambiguous: true }, zone: { text: 'PT' }, zoneExplicit: false },
      { timeRange: { start: 65, end: 70 }, lineRange: { start: 61, end: 80 }, range: { start: 61, end: 81 }, clock: { hour: 24, minute: 0, endOfDay: true }, zone: { text: 'UTC', offsetMinutes: 0 }, zoneExplicit: false, elapsed: -15 },
    ];
    const builder = new TimelineColumnsBuilder(entries.length);
    for (const e of entries) builder.add(e);
    const t = builder.finish();
    assert.deepEqual(entries.map((_, i) => entryAt(t, i)), entries);
    assert.equal(t.zones.length, 2, 'zones are shared');
    assert.deepEqual([3, 4, 13, 14, 47, 70, 71].map((o) => entryIndexAt(t, o)), [-1, 0, 0, -1, 1, 2, -1]);
    assert.deepEqual(entryStrings('- **14:05 UTC:** Paged the on-call. ', { ...entries[0]!, lineRange: { start: 0, end: 35 } }), { written: '14:05 UTC', text: 'Paged the on-call.' });
  });
});

describe('worker script and workspace walk', () => {
  test('the bundle uses its sibling worker; source under tsx uses the TypeScript worker', () => {
    assert.deepEqual(resolveWorkerScript(join(ROOT, 'dist'), false), { file: join(ROOT, 'dist', 'analysis-worker.js') });
    assert.deepEqual(resolveWorkerScript(join(ROOT, 'server', 'src', 'lsp'), true), { file: join(ROOT, 'server', 'src', 'lsp', 'analysis-worker.ts'), typescript: true });
    assert.throws(() => resolveWorkerScript('/nonexistent', false), /analysis worker not found/);
  });

  test('the walk skips dependency folders, stops at the cap and on cancellation', async () => {
    const ws = new TempWorkspace();
    try {
      for (const f of ['a.md', 'b/c.markdown', 'b/d.txt', 'node_modules/x.md', '.git/y.md', 'e/f/g.md']) ws.write(f, '#');
      const all = await findMarkdownFiles([ws.dir], { cap: 100, cancelled: () => false });
      assert.deepEqual(all.files.map((f) => f.slice(ws.dir.length + 1)), ['a.md', 'b/c.markdown', 'e/f/g.md']);
      assert.equal(all.truncated, false);
      const capped = await findMarkdownFiles([ws.dir], { cap: 2, cancelled: () => false });
      assert.deepEqual([capped.files.length, capped.truncated], [2, true]);
      assert.deepEqual((await findMarkdownFiles([ws.dir], { cap: 100, cancelled: () => true })).files, []);
    } finally {
      ws.remove();
    }
  });
});

describe('worker host', () => {
  let host: AnalysisWorkerHost;
  let budgetMs = 5000;
  const job = (uri: string, version: number, text: string): Job => ({
    uri, version, text, path: `/virtual/postmortems/${uri}.md`, onDisk: false, settings: { files: [], rules: {} }, settingsGeneration: 0, keep: true, findingsOnly: false,
  });

  before(() => {
    buildServer();
    host = new AnalysisWorkerHost({ name: 'test', script: resolveWorkerScript(join(ROOT, 'dist'), false), budgetMs: () => budgetMs, log: () => {} });
  });
  after(() => host.dispose());

  test('a queued version is replaced by a newer one (stale work is dropped)', async () => {
    const text = fixture('broken.md');
    const first = host.submit(job('a', 1, text));
    const queued = host.submit(job('b', 1, text));
    const newer = host.submit(job('b', 2, text));
    const [a, b1, b2] = (await Promise.all([first, queued, newer])) as Outcome[];
    assert.equal(a!.kind, 'done');
    assert.equal(b1!.kind, 'superseded');
    assert.equal(b2!.kind === 'done' && b2.facts.version, 2);
  });

  test('the findings are heard before the facts are built, and the outcome carries the same ones', async () => {
    const heard: { findings: Finding[]; settledBefore: boolean }[] = [];
    let settled = false;
    const outcome = host.submit(job('early', 1, fixture('broken.md')), (findings) => heard.push({ findings, settledBefore: settled }));
    const done = await outcome.then((o) => ((settled = true), o));
    assert.ok(done.kind === 'done');
    assert.equal(heard.length, 1);
    assert.equal(heard[0]!.settledBefore, false);
    assert.equal(done.facts.findings.length, 4);
    assert.deepEqual(done.facts.findings, heard[0]!.findings);
    // A superseded job never reports findings.
    const calls: string[] = [];
    const running = host.submit(job('f', 1, fixture('broken.md')), () => calls.push('f1'));
    const stale = host.submit(job('g', 1, fixture('broken.md')), () => calls.push('g1'));
    const newer = host.submit(job('g', 2, fixture('broken.md')), () => calls.push('g2'));
    assert.equal((await stale).kind, 'superseded');
    await Promise.all([running, newer]);
    assert.deepEqual(calls, ['f1', 'g2']);
  });

  test('an edit re-parses only the blocks it touched', async () => {
    const text = fixture('broken.md');
    await host.submit(job('c', 1, text));
    const outcome = await host.submit(job('c', 2, text.replace('Rollback started.', 'Rollback started!')));
    assert.ok(outcome.kind === 'done');
    assert.equal(outcome.facts.stats.blocksParsed, 1);
    assert.ok(outcome.facts.stats.blocksReused > 5);
  });

  test('over budget: the job is cut short and a fresh worker serves the next one', async () => {
    budgetMs = 200;
    const slow = await host.submit(job('slow', 1, `${'> '.repeat(5000)}x\n`));
    assert.deepEqual(slow, { kind: 'cut-short', budgetMs: 200 });
    budgetMs = 5000;
    const next = await host.submit(job('d', 1, fixture('broken.md')));
    assert.equal(next.kind === 'done' && next.facts.findings.length, 4);
    assert.equal(host.restarts, 1);
  });
});
