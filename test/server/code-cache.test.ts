// The V8 code cache the server's bundles are loaded through (server/src/lsp/code-cache.ts): a bad,
// stale or foreign cache must only ever mean an ordinary compile, and the prestarted worker is
// handed over once, and only while usable.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cacheDirectory, cacheFileFor, loadWithCodeCache, readCache } from '../../server/src/lsp/code-cache';
import { resolveWorkerScript } from '../../server/src/lsp/worker-script';
import { prestartAnalysisWorker, takePrestarted } from '../../server/src/lsp/worker-spawn';
import { TestClient } from './client';
import { buildServer, fixture } from './setup';

const root = mkdtempSync(join(tmpdir(), 'postmortem-code-cache-test-'));
after(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
/** A CommonJS module unique to the test (V8 also caches compiles per process, by source). */
function moduleFile(body: string): string {
  const file = join(root, `module-${++counter}.js`);
  writeFileSync(file, `"use strict";\n// ${counter} ${Math.random()}\n${body}\n`);
  return file;
}

function cacheFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.v8cache'));
}

describe('code cache', () => {
  test('the first load asks for a cache, the next one uses it; both run the module', () => {
    const dir = cacheDirectory(mkdtempSync(join(root, 'dir-')))!;
    const file = moduleFile('exports.answer = [1, 2, 3].map((n) => n * 14)[2]; exports.where = __filename;');
    const first = loadWithCodeCache(file, dir);
    assert.deepEqual(first.exports, { answer: 42, where: file });
    assert.equal(first.needsSave, true);
    first.save();
    assert.equal(cacheFiles(dir).length, 1);
    const second = loadWithCodeCache(file, dir);
    assert.equal((second.exports as { answer: number }).answer, 42);
    assert.equal(second.needsSave, false);
  });

  test('a corrupt, truncated or foreign cache file is ignored and replaced', () => {
    const dir = cacheDirectory(mkdtempSync(join(root, 'dir-')))!;
    const file = moduleFile('exports.value = "fine";');
    loadWithCodeCache(file, dir).save();
    const [name] = cacheFiles(dir);
    const path = join(dir, name!);
    const good = readFileSync(path);
    const damaged = [
      Buffer.concat([good.subarray(0, good.length - 40), Buffer.alloc(40, 0xab)]),
      good.subarray(0, good.length >> 1),
      Buffer.from('not a cache at all'),
      Buffer.alloc(0),
    ];
    for (const bytes of damaged) {
      writeFileSync(path, bytes);
      assert.equal(readCache(path), undefined);
      const loaded = loadWithCodeCache(file, dir);
      assert.deepEqual(loaded.exports, { value: 'fine' });
      assert.equal(loaded.needsSave, true);
    }
  });

  test('a changed bundle gets a cache of its own; old caches are pruned', () => {
    const dir = cacheDirectory(mkdtempSync(join(root, 'dir-')))!;
    const file = moduleFile('exports.version = 1;');
    for (let version = 1; version <= 6; version++) {
      writeFileSync(file, `exports.version = ${version};\n`);
      // Same size each time: the name must still change with the modification time.
      utimesSync(file, new Date(), new Date(Date.now() + version * 1000));
      const loaded = loadWithCodeCache(file, dir);
      assert.deepEqual(loaded.exports, { version });
      assert.equal(loaded.needsSave, true, `version ${version} is not served an older cache`);
      loaded.save();
    }
    assert.ok(cacheFiles(dir).length <= 4, `kept ${cacheFiles(dir).length}`);
  });

  test('a server stopped as soon as it published its first diagnostics has left a whole cache of the engine', async () => {
    // Clients (and the benchmark) may stop a server right after its first answer: a cache written
    // any later was lost, and every start then compiled the engine again.
    buildServer();
    const temp = mkdtempSync(join(root, 'tmpdir-'));
    const client = await TestClient.start({ env: { TMPDIR: temp } });
    const uri = 'file:///virtual/postmortems/first.md';
    client.open(uri, fixture('broken.md'));
    await client.diagnosticsFor(uri, 1);
    client.child.kill('SIGKILL');
    await new Promise((resolve) => (client.child.exitCode !== null || client.child.signalCode !== null ? resolve(undefined) : client.child.once('exit', resolve)));
    const dir = cacheDirectory(temp)!;
    const engine = cacheFiles(dir).filter((n) => n.startsWith('analysis-worker-'));
    assert.equal(engine.length, 1, `cache files: ${readdirSync(dir).join(', ')}`);
    assert.ok(readCache(join(dir, engine[0]!)), 'the cache reads back whole');
  });

  test('errors keep their line numbers', () => {
    const file = moduleFile('function fail() {\n  throw new Error("boom");\n}\nfail();');
    assert.throws(() => loadWithCodeCache(file, undefined), (error: Error) => {
      // Lines: "use strict", the comment, the function, then the throw on line 4.
      assert.match(error.stack ?? '', new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:`));
      return true;
    });
  });

  test('no cache is used or written without a trustworthy directory', { skip: process.getuid === undefined }, () => {
    const open = mkdtempSync(join(root, 'open-'));
    const dir = join(open, `postmortem-v8-cache-${process.getuid!()}`);
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    assert.equal(cacheDirectory(open), undefined, 'writable by others');
    const linked = mkdtempSync(join(root, 'linked-'));
    symlinkSync(mkdtempSync(join(root, 'target-')), join(linked, `postmortem-v8-cache-${process.getuid!()}`));
    assert.equal(cacheDirectory(linked), undefined, 'a symbolic link');
    const file = moduleFile('exports.ok = true;');
    const loaded = loadWithCodeCache(file, undefined);
    assert.deepEqual(loaded.exports, { ok: true });
    assert.equal(loaded.needsSave, false);
    loaded.save();
  });

  test('cache names differ by bundle state and are stable otherwise', () => {
    const st = { size: 10, mtimeMs: 1, ino: 2 };
    assert.equal(cacheFileFor('/c', '/b/x.js', st), cacheFileFor('/c', '/b/x.js', { ...st }));
    assert.notEqual(cacheFileFor('/c', '/b/x.js', st), cacheFileFor('/c', '/b/x.js', { ...st, mtimeMs: 2 }));
    assert.notEqual(cacheFileFor('/c', '/b/x.js', st), cacheFileFor('/c', '/b/y.js', st));
    assert.match(cacheFileFor('/c', '/b/x.js', st), /x-[0-9a-f]{16}\.v8cache$/);
  });
});

describe('prestarted worker', () => {
  test('is taken once, for the same script only', async () => {
    const prestarted = prestartAnalysisWorker();
    assert.ok(prestarted);
    const other = { file: `${prestarted.script.file}.other` };
    assert.equal(takePrestarted(prestarted, other), undefined, 'another script: not taken (and stopped)');
    assert.equal(takePrestarted(prestarted, prestarted.script), undefined, 'only once');
    await new Promise((resolve) => prestarted.worker.once('exit', resolve));

    const again = prestartAnalysisWorker()!;
    const worker = takePrestarted(again, resolveWorkerScript());
    assert.equal(worker, again.worker);
    await worker!.terminate();
  });

  test('one that died before it was taken is not taken', async () => {
    const prestarted = prestartAnalysisWorker()!;
    await prestarted.worker.terminate();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(takePrestarted(prestarted, prestarted.script), undefined);
  });
});
