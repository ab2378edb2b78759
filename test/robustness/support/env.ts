// Knobs for the robustness suite, read from the environment so CI is reproducible and a person can
// ask for more: FUZZ_SEED (fixed by default, so CI runs the same cases every time; the deep run
// draws one), FUZZ_RUNS (cases per property; small by default so `npm test` stays fast). `npm run test:fuzz` (or
// FUZZ_DEEP=1) is the deep run: 1,000 cases per property unless FUZZ_RUNS says otherwise, the
// hostile inputs at the sizes the issue names (HOSTILE=full), every regex re-checked (RECHECK_ALL=1).
import type { Parameters } from 'fast-check';

/** The default seed. Any fixed number will do; changing it changes which cases CI runs. */
const DEFAULT_SEED = 20240520;

/** npm sets npm_lifecycle_event for the script it runs, on every platform, and children inherit it. */
export const DEEP = process.env['FUZZ_DEEP'] === '1' || process.env['npm_lifecycle_event'] === 'test:fuzz';
/** Hostile inputs at the sizes (10 MB line, 100k headings...) instead of the quick ones. */
export const HOSTILE_FULL = DEEP || process.env['HOSTILE'] === 'full';
/** Check every regex with recheck, ignoring the stored verdicts. */
export const RECHECK_ALL = DEEP || process.env['RECHECK_ALL'] === '1';

const DEFAULT_RUNS = DEEP ? 1000 : 40;

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

/** The deep run explores: a new seed each time (printed with any failure), unless FUZZ_SEED is given. */
export const FUZZ_SEED = intFromEnv('FUZZ_SEED', DEEP ? Math.floor(Math.random() * 2 ** 31) : DEFAULT_SEED);
export const FUZZ_RUNS = Math.max(1, intFromEnv('FUZZ_RUNS', DEFAULT_RUNS));

/**
 * fast-check parameters for one property. `weight` scales the run count for properties whose
 * cases are cheaper or dearer than the average one. A failure prints the seed and the shrunk
 * counterexample; rerun with FUZZ_SEED=<seed> to reproduce it.
 */
export function fcParams<T>(weight = 1): Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(FUZZ_RUNS * weight)), endOnFailure: false };
}
