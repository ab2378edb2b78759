// Regular expressions in server/src/core that recheck cannot prove linear, each with the reason
// it cannot be slow where it is used. An entry names the file and the pattern exactly as written
// (for a RegExp built at run time, the start of the call as written);
// the regex test fails on any flagged pattern not listed here, and on entries that no longer
// match anything (so the list cannot go stale). Bounded input is the usual reason: a pattern
// that is quadratic in its input costs nothing on 60 characters.

export interface Allowed {
  file: string;
  written: string;
  reason: string;
}

export const ALLOWED: readonly Allowed[] = [
  {
    file: 'server/src/core/model/labels.ts',
    written: String.raw`/\s*:$/`,
    reason: 'Applied to a label title: readLabel returns before this for lines over MAX_LABEL_LENGTH + 40 (140) characters.',
  },
  {
    file: 'server/src/core/rules/section-not-heading.ts',
    written: String.raw`/\s*:$/`,
    reason: 'Applied to the title of a heading swallowed by HTML, which readLabel caps at 140 characters.',
  },
  {
    file: 'server/src/core/rules/section-not-heading.ts',
    written: String.raw`/\s*[:.]$/`,
    reason: 'Applied to the title of a label, HTML or broken heading, which readLabel caps at 140 characters.',
  },
  {
    file: 'server/src/core/action-items/parts.ts',
    written: String.raw`/[.;,]+$/`,
    reason: 'Applied to a dash-separated segment of an action item, skipped when over 45 characters.',
  },
  {
    file: 'server/src/core/action-items/parts.ts',
    written: String.raw`/[*_]+$/`,
    reason: 'Applied to an owner value sliced to at most 60 characters.',
  },
  {
    file: 'server/src/core/rules/impact-percentages.ts',
    written: String.raw`/(?:up to|over|more than|less than|under|above|below|at least|at most)\s*~?\s*$/i`,
    reason: 'Applied to the 12 characters before a percentage.',
  },
  {
    file: 'server/src/core/rules/shared/describe.ts',
    written: String.raw`/^[*_[(~]+|[*_\]):]+$/g`,
    reason: 'quote() cuts its text to 60 characters before this runs.',
  },
  {
    file: 'server/src/core/rules/placeholder.ts',
    written: String.raw`/^ {0,3}\[([^\]\r\n]{1,200})\]:$/`,
    reason: 'Runs only on the start of one line up to a "]:", at most 206 characters, and every quantifier is bounded (recheck gives up on the state count of {1,200}, it finds no attack).',
  },
  {
    file: 'server/src/core/model/date-order.ts',
    written: 'new RegExp(`(?:^|[^\\\\d/.-])0?${first}([/.-])0?${second}\\\\1',
    reason: 'Only digits of a date (day, month, year) are interpolated; every quantifier is a single optional character, so each start position is tried in constant time: linear.',
  },
  {
    file: 'server/src/core/model/detect.ts',
    written: 'new RegExp(`(?:^|/)${globSource(glob)}$`, \'i\')',
    reason: 'Built from a postmortemFiles glob: config validation caps wildcards at 8 (CONFIG_LIMITS.maxGlobWildcards), and it only ever runs on a file path.',
  },
  {
    file: 'server/src/core/rules/severity-value.ts',
    written: 'new RegExp(`^${field.label.replace(',
    reason: 'An escaped literal (the label) then \\s*: at line starts: every attempt must first match the literal, so whitespace runs are scanned once each: linear.',
  },
];
