// Hostile documents: each built to hit one path of the engine as hard as text can. `size` is the
// count of the repeated unit (characters, lines, levels); `full` is the size the issue asks to
// survive, `quick` the size `npm test` runs (the same code paths, small enough to keep the suite
// fast). `parser: 'superlinear'` marks inputs where remark/micromark itself is superlinear (deep
// nesting): there only the engine's own time is bounded; the parse time is reported.

export interface HostileCase {
  name: string;
  unit: string;
  quick: number;
  full: number;
  parser: 'linear' | 'superlinear';
  make: (size: number) => string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A clock that jumps around, so timelines are out of order and their sort fix is built. */
const clock = (i: number) => `${pad2((i * 7) % 24)}:${pad2((i * 13) % 60)}`;

const HEAD = '# Postmortem: hostile input\n\n## Summary\n\n**Duration:** 13:00 - 14:00 UTC (1 hour)\n\n**Impact:** all users.\n\n**Root Cause:** a loop.\n\n## Timeline\n\n';

/** Deterministic pseudo-random characters from `alphabet` (a failure must reproduce). */
function noise(length: number, alphabet: string, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

function lines(n: number, line: (i: number) => string, separator = '\n'): string {
  const parts: string[] = new Array(n);
  for (let i = 0; i < n; i++) parts[i] = line(i);
  return parts.join(separator);
}

export const HOSTILE: readonly HostileCase[] = [
  { name: 'digits and colons, one line', unit: 'chars', quick: 100_000, full: 100_000, parser: 'linear', make: (n) => HEAD + '- ' + noise(n, '0123456789:', 1) + '\n' },
  { name: 'digits, colons, spaces, lines', unit: 'chars', quick: 60_000, full: 100_000, parser: 'linear', make: (n) => HEAD + noise(n, '0123456789::: \n', 2) },
  {
    name: 'a single line of prose and times',
    unit: 'chars',
    quick: 200_000,
    full: 10_000_000,
    parser: 'linear',
    make: (n) => {
      // No "**" or "~": micromark is superlinear on those within one paragraph (the two cases below).
      const unit = 'deploy 12:30 PM a1:b2 09:20 UTC (2 hours) 2024-05-20 v1.2.3 @bob TODO ';
      return HEAD + '- 14:05 UTC ' + unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + '\n';
    },
  },
  { name: 'emphasis in one paragraph', unit: 'chars', quick: 15_000, full: 300_000, parser: 'superlinear', make: (n) => HEAD + '- 14:05 UTC ' + '**x** '.repeat(Math.ceil(n / 6)) + '\n' },
  { name: 'tildes in one paragraph', unit: 'chars', quick: 30_000, full: 300_000, parser: 'superlinear', make: (n) => HEAD + '- 14:05 UTC ' + '~09:20 UTC '.repeat(Math.ceil(n / 11)) + '\n' },
  { name: 'headings', unit: 'headings', quick: 4_000, full: 100_000, parser: 'linear', make: (n) => HEAD + lines(n, (i) => [`## Timeline`, `### ${clock(i)}`, `## Impact ${i}`, `#### Notes`][i % 4]!, '\n\n') },
  { name: 'timeline entries, one list', unit: 'entries', quick: 1_500, full: 50_000, parser: 'linear', make: (n) => HEAD + lines(n, (i) => `- **${clock(i)} UTC:** step ${i}`) + '\n' },
  { name: 'timeline entries, paragraphs', unit: 'entries', quick: 3_000, full: 50_000, parser: 'linear', make: (n) => HEAD + lines(n, (i) => `${clock(i)} UTC step ${i}`, '\n\n') + '\n' },
  { name: 'nested block quotes', unit: 'levels', quick: 1_000, full: 10_000, parser: 'superlinear', make: (n) => HEAD + '>'.repeat(n) + ' 14:05 UTC deploy\n' },
  // 3,000 levels in full: micromark alone takes minutes on 10,000 (about n^2), and from ~3,000 on
  // remark-gfm overflows the stack, so this also runs the fallback parse without GFM.
  { name: 'nested lists', unit: 'levels', quick: 500, full: 3_000, parser: 'superlinear', make: (n) => HEAD + '- '.repeat(n) + '14:05 UTC deploy\n' },
  { name: 'bold labels', unit: 'labels', quick: 4_000, full: 100_000, parser: 'linear', make: (n) => '# Postmortem: labels\n\n' + lines(n, (i) => ['**Summary:**', '**Timeline:**', '**Root Cause:**', '**Impact**', '**Action Items:**'][i % 5]!, '\n\n') + '\n' },
  { name: 'timeline table rows', unit: 'rows', quick: 1_500, full: 100_000, parser: 'linear', make: (n) => HEAD + '| Time | Event |\n| --- | --- |\n' + lines(n, (i) => `| ${clock(i)} | step ${i} |`) + '\n' },
  { name: 'unclosed code fences', unit: 'fences', quick: 10_000, full: 10_000, parser: 'linear', make: (n) => HEAD + lines(n, () => '```', '\n\n') },
  { name: 'unclosed HTML comments', unit: 'openers', quick: 5_000, full: 10_000, parser: 'linear', make: (n) => HEAD + lines(n, (i) => `<!-- ${clock(i)}`, '\n\n') },
  { name: 'unclosed suppression comments', unit: 'openers', quick: 3_000, full: 10_000, parser: 'linear', make: (n) => HEAD + lines(n, () => '<!-- postmortem-disable-next-line timeline-order', '\n\n') },
  { name: 'duration fields', unit: 'fields', quick: 2_500, full: 50_000, parser: 'linear', make: (n) => HEAD + lines(n, (i) => `**Duration:** ${clock(i)} - ${clock(i + 1)} UTC (${i % 9} hours)`, '\n\n') },
  { name: 'action items, one list', unit: 'items', quick: 1_500, full: 50_000, parser: 'linear', make: (n) => HEAD + '## Action Items\n\n' + lines(n, (i) => `- [ ] Fix ${i} (owner: @dev${i % 7}, due: 2024-0${(i % 9) + 1}-1${i % 10})`) + '\n' },
  { name: 'action item sections', unit: 'sections', quick: 3_000, full: 50_000, parser: 'linear', make: (n) => HEAD + lines(n, (i) => `## Action Items\n\n- [ ] Fix ${i} (owner: @dev, due: 2024-01-01)`, '\n\n') + '\n' },
  { name: '** runs', unit: 'chars', quick: 100_000, full: 100_000, parser: 'linear', make: (n) => HEAD + '*'.repeat(n) + '\n\n' + '**Timeline'.repeat(Math.ceil(n / 100)) + '\n' },
  { name: 'one word of hyphens', unit: 'chars', quick: 40_000, full: 1_000_000, parser: 'linear', make: (n) => HEAD.replace('a loop.', `the a${'-'.repeat(n)}b service failed.`) },
  { name: 'one table row of many cells', unit: 'cells', quick: 10_000, full: 300_000, parser: 'linear', make: (n) => HEAD + '| a | b |\n| --- | --- |\n|' + ' Start | 14:00 |'.repeat(n / 2) + '\n' },
  { name: 'front matter list of authors', unit: 'names', quick: 5_000, full: 200_000, parser: 'linear', make: (n) => '---\ntype: postmortem\nauthors:\n' + lines(n, (i) => `  - person${i}`) + '\n---\n\n' + HEAD.replace('# Postmortem: hostile input\n\n', '') },
];
