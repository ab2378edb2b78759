// Every regular expression in server/src/core is checked for catastrophic backtracking with
// recheck (https://makenowjust-labs.github.io/recheck/). It runs on text we do not control, on
// every keystroke: a flagged pattern is fixed, or listed in regex-allow-list.ts with the reason its
// input is bounded.
//
// recheck is deterministic here: time limits are replaced by step limits and the seed is fixed,
// so a verdict depends on the pattern alone, never on how busy the machine is. Verdicts are kept
// in fixtures/regex-verdicts.json, keyed by flags and pattern, because checking all ~150 patterns
// takes minutes on a 2-core machine: a new or changed pattern has no verdict there and is checked
// live. RECHECK_ALL=1 (and `npm run test:fuzz`) checks every pattern live;
// UPDATE_REGEX_VERDICTS=1 rewrites the file from what it found.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, type Parameters } from 'recheck';
import recheckPackage from 'recheck/package.json';
import { ALLOWED } from './regex-allow-list';
import { RECHECK_ALL } from './support/env';
import { scanCore, type FoundRegex } from './support/source';

// recheck reads RECHECK_BACKEND when it checks: "auto" is its native agent when the package for
// this platform is installed (fast), else its pure-JS build in a worker. Both run offline;
// RECHECK_BACKEND=pure forces the JS one.
process.env['RECHECK_BACKEND'] ??= 'auto';
const RECHECK_VERSION = recheckPackage.version;

const VERDICTS_FILE = join(__dirname, 'fixtures', 'regex-verdicts.json');
const PARAMS: Parameters = { randomSeed: 0, incubationTimeout: null, attackTimeout: null, timeout: 120_000 };

interface Verdict {
  status: string;
  complexity?: string;
  attack?: string;
}

interface VerdictFile {
  recheck: string;
  verdicts: Record<string, Verdict>;
}

const keyOf = (r: { source: string; flags: string }) => `/${r.source}/${r.flags}`;

function readVerdicts(): Record<string, Verdict> {
  if (!existsSync(VERDICTS_FILE) || RECHECK_ALL) return {};
  const file = JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) as VerdictFile;
  // Verdicts of another recheck version are not this one's: check everything again.
  return file.recheck === RECHECK_VERSION ? file.verdicts : {};
}

async function verdictOf(source: string, flags: string): Promise<Verdict> {
  const d = await check(source, flags, PARAMS);
  if (d.status === 'vulnerable') return { status: d.status, complexity: d.complexity.type, attack: d.attack.pattern };
  if (d.status === 'safe') return { status: d.status, complexity: d.complexity.type };
  return { status: d.status, complexity: d.error.kind };
}

const allowed = (r: FoundRegex) => ALLOWED.find((a) => a.file === r.file && (a.written === r.written || (r.dynamic && r.written.startsWith(a.written))));

describe('regular expressions in the engine', () => {
  const scan = scanCore();

  it('recheck works here, offline: it flags a known catastrophic pattern', async () => {
    const v = await verdictOf('^(a+)+$', '');
    assert.equal(v.status, 'vulnerable');
    assert.equal(v.complexity, 'exponential');
  });

  it('finds the regular expressions to check', () => {
    // A broken scan would pass everything: the engine has well over a hundred patterns.
    assert.ok(scan.files > 40, `only ${scan.files} files under server/src/core`);
    assert.ok(scan.regexes.length > 100, `only ${scan.regexes.length} regular expressions found`);
  });

  it('none can backtrack catastrophically, unless allow-listed with a reason', async () => {
    const cached = readVerdicts();
    const verdicts: Record<string, Verdict> = {};
    const unique = new Map<string, FoundRegex>();
    for (const r of scan.regexes) if (!r.dynamic) unique.set(keyOf(r), r);
    // One at a time: in parallel the checks only compete for the same two cores.
    for (const [key, r] of unique) verdicts[key] = cached[key] ?? (await verdictOf(r.source, r.flags));
    if (process.env['UPDATE_REGEX_VERDICTS'] === '1') {
      const sorted = Object.fromEntries(Object.entries(verdicts).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(VERDICTS_FILE, JSON.stringify({ recheck: RECHECK_VERSION, verdicts: sorted } satisfies VerdictFile, null, 2) + '\n');
    }
    const problems: string[] = [];
    for (const r of scan.regexes) {
      if (allowed(r)) continue;
      if (r.dynamic) {
        problems.push(`${r.file}:${r.line} ${r.written}: built at run time, so it cannot be checked; allow-list it with the reason its pattern and input are safe`);
        continue;
      }
      const v = verdicts[keyOf(r)]!;
      if (v.status !== 'safe') {
        problems.push(`${r.file}:${r.line} ${r.written}: ${v.status} (${v.complexity ?? '?'})${v.attack ? `, attack: ${v.attack}` : ''}`);
      }
    }
    assert.deepEqual(problems, [], `fix these patterns, or add them to test/robustness/regex-allow-list.ts with the reason their input is bounded:\n${problems.join('\n')}`);
  });

  it('every allow-list entry still matches a pattern and gives a reason', () => {
    for (const a of ALLOWED) {
      assert.ok(a.reason.length > 30, `${a.file} ${a.written}: say why it is safe`);
      const used = scan.regexes.some((r) => r.file === a.file && (a.written === r.written || (r.dynamic && r.written.startsWith(a.written))));
      assert.ok(used, `${a.file} no longer has ${a.written}: remove it from the allow-list`);
    }
  });
});
