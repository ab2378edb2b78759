#!/usr/bin/env node
// `npm run bench`: the performance figures of issue 7, each beside its target, from one run.
// Starts the BUNDLED server (node dist/server.js --stdio, debounceMs 0) and times over LSP:
// open -> first publishDiagnostics and one-character incremental edits -> publishDiagnostics of
// that version, on generated postmortems of 5 KB, 50 KB, 500 KB and 5 MB; markdownlint (its sync
// library API, in this process) and a bare remark-parse + remark-gfm parse of the same texts;
// server start to first diagnostics; RSS; the CLI's files per second with 1 and 2 workers.
// Writes the table to .bench/latest.md. Options: --no-build, --quick (fewer repetitions).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePostmortem } from './bench/generate.mjs';
import { BenchClient } from './bench/lsp.mjs';
import { prepareStartupFloor } from './bench/startup-floor.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const OUT_DIR = join(ROOT, '.bench');
const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const require = createRequire(join(ROOT, 'package.json'));

const log = (...a) => console.error('[bench]', ...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms';
const benchStart = performance.now();

// ---------------------------------------------------------------------------------------------
if (!args.has('--no-build')) {
  // The production bundle (minified, no source maps): what the .vsix ships and users run.
  log('building (node scripts/build.mjs --production; --no-build to skip)');
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

const SIZES = [
  { label: '5 KB', bytes: 5_000, edits: QUICK ? 20 : 40, lint: 20, parse: 10, opens: 3 },
  { label: '50 KB', bytes: 50_000, edits: QUICK ? 20 : 40, lint: 10, parse: 5, opens: 3 },
  { label: '500 KB', bytes: 500_000, edits: QUICK ? 20 : 30, lint: 3, parse: 3, opens: 3 },
  { label: '5 MB', bytes: 5_000_000, edits: QUICK ? 5 : 10, lint: 1, parse: 1, opens: 1 },
];
const EDIT_TARGET = { '5 KB': 5, '50 KB': 10, '500 KB': 25, '5 MB': 150 };
for (const s of SIZES) s.text = generatePostmortem(s.bytes, 7);

/** LSP position of an offset. */
function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Offsets for one-character edits spread over the text, each inside a word (typing in prose). */
function editOffsets(text, n) {
  const out = [];
  const letter = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  for (let i = 0; i < n; i++) {
    let p = Math.floor(((i * 0.618034) % 1) * text.length);
    while (p < text.length - 1 && !(letter(text.charCodeAt(p - 1)) && letter(text.charCodeAt(p)))) p++;
    out.push(p);
  }
  return out;
}

/** Types `n` characters at spread positions, one version each; returns the per-edit times. */
async function typeEdits(client, uri, text, version, n, { offsets = editOffsets(text, n), onEdit } = {}) {
  const times = [];
  const settled = [];
  for (let i = 0; i < n; i++) {
    // Earlier inserts shift later offsets by at most i characters: fine for "varied positions".
    const at = Math.min(offsets[i % offsets.length] + (i % 2), text.length);
    const pos = positionAt(text, at);
    const ch = String.fromCharCode(97 + (i % 26));
    text = text.slice(0, at) + ch + text.slice(at);
    version++;
    const r = await client.change(uri, version, { start: pos, end: pos }, ch);
    times.push(r.ms);
    settled.push(r.settledMs);
    if (r.incomplete) incompleteRuns.push(`edit of ${uri}`);
    if (onEdit) await onEdit(i + 1);
  }
  return { times, settled, text, version };
}

const results = { sizes: {} };
/** Figures that ended in a budget cut or a failure instead of an analysis (should stay empty). */
const incompleteRuns = [];
const loadBefore = loadavg();

// --- 1. Start-up: spawn -> initialize -> didOpen -> first diagnostics (5 KB) --------------------
// Each server start is followed by the floor under it (bench/startup-floor.mjs): node, one worker
// thread, the engine's parse alone and then the whole engine on the same text, cold, from a code
// cache, with no language server. Interleaved, so each comparison is between figures seconds apart.
{
  const runs = QUICK ? 3 : 5;
  const times = [];
  let init = [];
  const floor = await prepareStartupFloor(SIZES[0].text);
  const floorRuns = { parse: [], analyze: [] };
  for (let i = 0; i < runs; i++) {
    const c = await BenchClient.start(SERVER);
    init.push(c.tInitialized - c.t0);
    const uri = 'file:///bench/startup-postmortem.md';
    const done = c.diagnostics(uri, 1);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: SIZES[0].text } });
    const r = await done;
    times.push(r.t - c.t0);
    await c.stop();
    for (const mode of ['parse', 'analyze']) floorRuns[mode].push(await floor.run(mode));
  }
  floor.dispose();
  // Calibration: a bare `node -e 0` on this machine now (~100 ms when the machine is idle).
  const bare = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push(performance.now() - t);
  }
  results.startup = { median: median(times), min: Math.min(...times), max: Math.max(...times), initialize: median(init), nodeBare: median(bare) };
  results.startupFloor = Object.fromEntries(Object.entries(floorRuns).map(([mode, xs]) => [mode, { median: median(xs), runs: xs }]));
  log(`start -> first diagnostics: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  log(`start-up floor: parse alone ${floorRuns.parse.map((t) => t.toFixed(0)).join(', ')} ms; whole engine ${floorRuns.analyze.map((t) => t.toFixed(0)).join(', ')} ms`);
}

// --- 2. Open and edits per size, one server; RSS with the 5 MB document open --------------------
// markdownlint (its library, in this process) and a bare remark-parse + gfm parse are timed beside
// the server's figures for the same size, each open next to a bare parse: a ratio then compares
// figures taken seconds apart, not minutes apart on a host whose speed moves by half within minutes.
const { lint } = await import(require.resolve('markdownlint/sync'));
const bareParser = await (async () => {
  const { unified } = await import(require.resolve('unified'));
  const remarkParse = (await import(require.resolve('remark-parse'))).default;
  const remarkGfm = (await import(require.resolve('remark-gfm'))).default;
  return unified().use(remarkParse).use(remarkGfm).freeze();
})();
// Warm-up, so neither is charged for its JIT.
for (let i = 0; i < 5; i++) {
  lint({ strings: { w: SIZES[0].text } });
  bareParser.parse(SIZES[0].text);
}
/** Times `run` once, in milliseconds. */
const timed = (run) => {
  const t = performance.now();
  run();
  return performance.now() - t;
};
{
  const c = await BenchClient.start(SERVER);
  // Warm the worker (JIT) on a small document, as an editor session would be.
  await c.open('file:///bench/warmup-postmortem.md', SIZES[0].text);
  await typeEdits(c, 'file:///bench/warmup-postmortem.md', SIZES[0].text, 1, 20);
  await c.close('file:///bench/warmup-postmortem.md');
  for (const s of SIZES) {
    const opens = [];
    const bp = [];
    let uri;
    let findings = 0;
    for (let i = 0; i < Math.max(s.opens, s.parse); i++) {
      if (i < s.parse) bp.push(timed(() => bareParser.parse(s.text)));
      if (i >= s.opens) continue;
      if (uri) await c.close(uri);
      uri = `file:///bench/${s.label.replace(' ', '')}-${i}-postmortem.md`;
      const r = await c.open(uri, s.text);
      opens.push(r.ms);
      findings = r.count;
      if (r.incomplete) incompleteRuns.push(`open of ${uri}`);
    }
    // Each edit is sent once the one before has settled (diagnostics out, then the facts requests read).
    const { times, settled } = await typeEdits(c, uri, s.text, 1, s.edits);
    // The status notification follows each publication: give the last one a moment to arrive.
    await new Promise((r) => setTimeout(r, 50));
    const inWorker = [...(c.analysisMs.get(uri)?.entries() ?? [])].filter(([v]) => v >= 2).map(([, ms]) => ms);
    const mem = c.memory();
    const ml = Array.from({ length: s.lint }, () => timed(() => lint({ strings: { doc: s.text } })));
    results.sizes[s.label] = { markdownlint: median(ml), bareParse: median(bp), open: median(opens), opens, edit: median(times), editMax: Math.max(...times), settled: settled.some((x) => !Number.isNaN(x)) ? median(settled.filter((x) => !Number.isNaN(x))) : NaN, edits: s.edits, findings, mem, inWorker: inWorker.length ? median(inWorker) : NaN };
    log(`${s.label}: markdownlint ${median(ml).toFixed(1)} ms, bare parse ${median(bp).toFixed(1)} ms`);
    log(`${s.label}: open ${opens.map((t) => t.toFixed(1)).join(', ')} ms; edit median ${median(times).toFixed(2)} ms (n=${s.edits}, max ${Math.max(...times).toFixed(1)}); ${findings} diagnostics; RSS ${mem.rssMB.toFixed(0)} MB, peak ${mem.peakMB.toFixed(0)} MB`);
    if (s.label === '5 MB') results.rss5mb = mem;
    await c.close(uri);
  }
  await c.stop();
}

// --- 3. RSS over 10,000 edits on a small document ------------------------------------------------
{
  const total = QUICK ? 2_000 : 10_000;
  // A cap so a slow machine cannot hang the bench; 10,000 edits take ~60-120 s when it is quiet.
  const capMs = QUICK ? 20_000 : 300_000;
  const c = await BenchClient.start(SERVER);
  const uri = 'file:///bench/soak-postmortem.md';
  const base = SIZES[0].text;
  await c.open(uri, base);
  const samples = {};
  const started = performance.now();
  let done = 0;
  // Alternate inserting and deleting one character at spread positions so the text stays the
  // same size: any growth is the server's, not the document's.
  const offsets = editOffsets(base, 97);
  let version = 1;
  for (let i = 0; i < total; i++) {
    const at = offsets[(i >> 1) % offsets.length];
    const pos = positionAt(base, at);
    version++;
    if (i % 2 === 0) await c.change(uri, version, { start: pos, end: pos }, 'x');
    else await c.change(uri, version, { start: pos, end: { line: pos.line, character: pos.character + 1 } }, '');
    done = i + 1;
    // Every 500 edits: RSS moves by ±10 MB with each collection, so growth is read from medians.
    if (done % 500 === 0 || done === total) samples[done] = c.memory();
    if (performance.now() - started > capMs) break;
  }
  if (!samples[done]) samples[done] = c.memory();
  results.soak = { done, total, seconds: (performance.now() - started) / 1000, samples };
  log(`soak: ${done} edits in ${results.soak.seconds.toFixed(1)} s; RSS ${Object.entries(samples).map(([k, v]) => `${k}: ${v.rssMB.toFixed(0)} MB`).join(', ')}`);
  await c.stop();
}

// --- 4. CLI files per second with 1 and 2 workers ------------------------------------------------
// Beside it, what two cores give this machine on the same work (bench/engine-ceiling.ts): the
// engine alone on one worker thread, then on two at once. Each of two busy threads runs ~1.4x
// slower here, which bounds what two lint workers can reach.
{
  const dir = join(OUT_DIR, 'cli-corpus');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const FILES = 200;
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `incident-${String(i).padStart(3, '0')}-postmortem.md`), generatePostmortem(20_000, 100 + i));
  const runs = QUICK ? 2 : 3;
  const fps = { 1: [], 2: [] };
  for (let r = 0; r < runs; r++) {
    for (const jobs of [1, 2]) {
      const t = performance.now();
      const p = spawnSync(process.execPath, [CLI, 'lint', '--jobs', String(jobs), '--format', 'json', '--no-config', dir], { cwd: ROOT, maxBuffer: 1 << 28 });
      const sec = (performance.now() - t) / 1000;
      if (p.status !== 0 && p.status !== 1) throw new Error(`cli exited ${p.status}: ${p.stderr}`);
      fps[jobs].push(FILES / sec);
    }
  }
  // The same work with no CLI around it, on one worker thread and then two: this machine's ceiling.
  const c = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'engine-ceiling.ts'), dir, '100'], { cwd: ROOT, maxBuffer: 1 << 20 });
  if (c.status !== 0) throw new Error(`engine-ceiling failed: ${c.stderr}`);
  results.cli = { files: FILES, fps, j1: median(fps[1]), j2: median(fps[2]), ceiling: JSON.parse(c.stdout.toString()).ceiling };
  log(`cli files/s: 1 worker ${fps[1].map((x) => x.toFixed(0)).join(', ')}; 2 workers ${fps[2].map((x) => x.toFixed(0)).join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
}

// --- 5. Where a keystroke's time goes: the engine in-process, wall-clock medians per phase ----------
{
  results.phases = {};
  for (const [label, bytes, n] of [['50 KB', 50_000, QUICK ? 20 : 40], ['500 KB', 500_000, QUICK ? 15 : 30], ['5 MB', 5_000_000, QUICK ? 5 : 10]]) {
    const p = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'phases.ts'), String(bytes), String(n)], { cwd: ROOT, maxBuffer: 1 << 26 });
    if (p.status !== 0) {
      log(`phases ${label} failed: ${p.stderr}`);
      continue;
    }
    results.phases[label] = JSON.parse(p.stdout.toString());
  }
}

// --- Report ----------------------------------------------------------------------------------------
const rows = [];
const verdict = (ok) => (ok ? 'PASS' : '**MISS**');
const lines = [];
const L = (s = '') => lines.push(s);
L(`### Benchmark (\`npm run bench\`${QUICK ? ' --quick' : ''})`);
L();
L(`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'} · bundled server over stdio, \`debounceMs: 0\`.`);
L('markdownlint is timed **in-process as a library** (its sync API on the full text, no LSP, no transport),');
L('which flatters it against our figures, which are LSP round trips (didChange → publishDiagnostics).');
L(`Load average (1 min) before / after the run: ${loadBefore[0].toFixed(1)} / ${loadavg()[0].toFixed(1)} on ${cpus().length} cores${loadBefore[0] > cpus().length ? ' — **the machine was shared and busy: wall-clock figures are inflated**' : ' (the load after is the benchmark\'s own: its CLI runs use both cores)'}. Budget set to 600 s so no figure is a budget cut.`);
if (incompleteRuns.length > 0) L(`**${incompleteRuns.length} measurement(s) ended in a budget cut or failure note, not an analysis:** ${incompleteRuns.slice(0, 5).join('; ')}`);
L();
L('| size | open → diagnostics | bare remark-parse+gfm | open / parse | edit → diagnostics (median) | edit → all done (facts for requests too) | worker time, all of it | edit target | markdownlint (lib) | markdownlint / edit |');
L('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
for (const s of SIZES) {
  const r = results.sizes[s.label];
  const target = EDIT_TARGET[s.label];
  const openRatio = r.open / r.bareParse;
  const openCell = s.bytes >= 500_000 ? `${openRatio.toFixed(2)}× (≤ 1.2×: ${verdict(openRatio <= 1.2)})` : `${openRatio.toFixed(2)}×`;
  const mlRatio = r.markdownlint / r.edit;
  const mlCell = s.label === '500 KB' ? `${mlRatio.toFixed(0)}× (≥ 50×: ${verdict(mlRatio >= 50)})` : `${mlRatio.toFixed(0)}×`;
  L(`| ${s.label} | ${ms(r.open)} | ${ms(r.bareParse)} | ${openCell} | ${ms(r.edit)} (n=${r.edits}) | ${Number.isNaN(r.settled) ? '?' : ms(r.settled)} | ${Number.isNaN(r.inWorker) ? '?' : ms(r.inWorker)} | ≤ ${target} ms: ${verdict(r.edit <= target)} | ${ms(r.markdownlint)} | ${mlCell} |`);
  rows.push({ ok: r.edit <= target });
}
L();
const st = results.startup;
const rss = results.rss5mb;
const soak = results.soak;
const s1k = soak.samples[1000];
const sEnd = soak.samples[soak.done];
// Least-squares line through the samples from 1,000 edits on; growth is its rise over that span.
const trend = (() => {
  const pts = Object.entries(soak.samples).map(([k, v]) => [Number(k), v.rssMB]).filter(([k]) => k >= 1000);
  if (pts.length < 2) return NaN;
  const n = pts.length;
  const mx = pts.reduce((a, [x]) => a + x, 0) / n;
  const my = pts.reduce((a, [, y]) => a + y, 0) / n;
  const slope = pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return slope * (pts[n - 1][0] - pts[0][0]);
})();
// The rule: the median of the samples in the run's second half against the median in its first,
// after 2,000 edits of warm-up (the server's heaps grow to their working size over the first
// ~2,000-3,000 edits). A leak raises every later sample; a collection only drops some, and a
// median is not moved by a few. The trend line above was the rule before: a climb to the
// working size, or one collection late in the run, moved it by ±13 MB between runs of one build.
const half = (from, to) => median(Object.entries(soak.samples).filter(([k]) => Number(k) > from && Number(k) <= to).map(([, v]) => v.rssMB));
const WARM_UP = 2_000;
const mid = WARM_UP + Math.floor((soak.done - WARM_UP) / 2 / 500) * 500;
const firstHalf = half(WARM_UP, mid);
const secondHalf = half(mid, soak.done);
const growth = secondHalf - firstHalf;
const cliRatio = results.cli.j2 / results.cli.j1;
const spread = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
L('| figure | measured | target | |');
L('| --- | ---: | --- | --- |');
L(`| server start → first diagnostics, 5 KB (spawn, initialize, didOpen) | ${ms(st.median)} (${st.min.toFixed(0)}–${st.max.toFixed(0)}; initialize answered at ${ms(st.initialize)}; a bare \`node -e 0\` took ${ms(st.nodeBare)}) | ≤ 250 ms | ${verdict(st.median <= 250)} |`);
const floor = results.startupFloor;
L(`| the floor under it, same text, same run: node, one worker thread and the engine's parse alone, cold, from a code cache, no language server (\`scripts/bench/startup-floor.mjs\`) | ${ms(floor.parse.median)} (runs ${floor.parse.runs.map((t) => t.toFixed(0)).join(', ')})${floor.parse.median > 250 ? ': over 250 ms before any check has run' : ''} | | |`);
L(`| the same with the whole engine (parse, model, rules), still no language server | ${ms(floor.analyze.median)} (medians; our server's is ${ms(st.median - floor.analyze.median)} more: messages, settings, the request thread) | | |`);
L(`| server peak RSS (VmHWM, incl. worker threads) with the 5 MB postmortem open and edited | ${rss.peakMB.toFixed(0)} MB (now ${rss.rssMB.toFixed(0)} MB) | ≤ 300 MB | ${verdict(rss.peakMB <= 300)} |`);
const rssRange = Object.values(soak.samples).map((v) => v.rssMB);
const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
L(`| RSS over ${soak.done.toLocaleString('en')} edits (5 KB doc, insert/delete pairs, ${soak.seconds.toFixed(0)} s): median of the samples after ${mid.toLocaleString('en')} edits against ${WARM_UP.toLocaleString('en')}–${mid.toLocaleString('en')} | ${firstHalf.toFixed(0)} → ${secondHalf.toFixed(0)} MB, ${signed(growth)} MB (samples every 500 edits ${Math.min(...rssRange).toFixed(0)}–${Math.max(...rssRange).toFixed(0)} MB; at 1,000 ${s1k ? s1k.rssMB.toFixed(0) : '?'}, at the end ${sEnd.rssMB.toFixed(0)}; trend line from 1,000 ${signed(trend)} MB) | no growth (≤ +3 MB)${soak.done < soak.total ? ` (capped at ${soak.done} of ${soak.total})` : ''} | ${verdict(growth <= 3 && soak.done >= soak.total)} |`);
L(`| CLI files/s, ${results.cli.files} files of 20 KB, \`--jobs 1\` | ${results.cli.j1.toFixed(0)} (runs ${spread(results.cli.fps[1])}) | | |`);
L(`| CLI files/s, \`--jobs 2\` | ${results.cli.j2.toFixed(0)} (runs ${spread(results.cli.fps[2])}) — ${cliRatio.toFixed(2)}× | ≥ 1.7× | ${verdict(cliRatio >= 1.7)} |`);
L(`| this machine's ceiling for the same work: the engine alone on 100 of the files, two worker threads at once vs one (\`scripts/bench/engine-ceiling.ts\`) | ${results.cli.ceiling.toFixed(2)}× (the CLI reaches ${((100 * cliRatio) / results.cli.ceiling).toFixed(0)}% of it) | | |`);
L();
const ph = results.phases;
const labels = Object.keys(ph);
if (labels.length > 0) {
  L('Where one keystroke goes (engine in-process, ms, median over one-character edits; `scripts/bench/phases.ts`):');
  L();
  L(`| phase | ${labels.join(' | ')} |`);
  L(`| --- | ${labels.map(() => '---:').join(' | ')} |`);
  const get = (l, k) => ph[l].phases.find((x) => x.phase === k)?.ms;
  const big = ph[labels[labels.length - 1]].phases.filter((x) => x.phase.startsWith('rule ') && x.phase !== 'rules (all)').sort((a, b) => b.ms - a.ms).slice(0, 3).map((x) => x.phase);
  for (const k of ['parse: what changed split and parsed again', 'model (lines, sections, fields, timeline...)', 'rules (all)', ...big]) {
    L(`| ${k} | ${labels.map((l) => (get(l, k) === undefined ? '' : get(l, k).toFixed(1))).join(' | ')} |`);
  }
  L();
}
L(`"no growth" passes when the median RSS sample (every 500 edits) of the run's second half is at most 3 MB above that of its first half, after 2,000 edits of warm-up: a single RSS reading swings by ±10 MB with each collection, and a leak of 0.75 KB per edit would fail it. Bench run took ${((performance.now() - benchStart) / 1000).toFixed(0)} s.`);
const md = lines.join('\n') + '\n';
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'latest.md'), md);
writeFileSync(join(OUT_DIR, 'latest.json'), JSON.stringify(results, null, 2));
process.stdout.write('\n' + md + '\nwritten to .bench/latest.md\n');
