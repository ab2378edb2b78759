// fast-check arbitraries for documents the engine must survive: postmortems put together from the
// notations real ones use (section titles as headings, bold labels, plain lines, HTML; timestamps
// as "14:05 UTC", "2:30 PM", "[08:47]", "### 13:35", table cells; midnight crossings, zones,
// durations), and Markdown soup built from the characters that change how Markdown parses.
import fc from 'fast-check';

// ---------------------------------------------------------------------------------------------
// Small pieces

const pad2 = (n: number) => String(n).padStart(2, '0');

const ZONES = ['UTC', 'GMT', 'Z', 'PST', 'PDT', 'EST', 'EDT', 'CET', 'CEST', 'IST', 'JST', 'WAT', '+0200', '-05:00', 'GMT+1', 'UTC-8', 'Pacific Time', '(UTC)', 'AEST', 'XYZ'];
const MONTHS = ['January', 'Feb', 'March', 'Apr.', 'May', 'June', 'Jul', 'August', 'Sept', 'Oct', 'Nov', 'December'];

/** A clock time in one of the notations postmortems use. */
export const clockArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 9 }))
  .map(([h, m, s, style]) => {
    const h12 = h % 12 === 0 ? 12 : h % 12;
    const ampm = h < 12 ? 'AM' : 'PM';
    switch (style) {
      case 0: return `${pad2(h)}:${pad2(m)}`;
      case 1: return `${h12}:${pad2(m)} ${ampm}`;
      case 2: return `${h12}:${pad2(m)}${ampm.toLowerCase()}`;
      case 3: return `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
      case 4: return `${h12} ${ampm.toLowerCase()}`;
      case 5: return `${pad2(h)}${pad2(m)}`; // military, often not a time at all
      case 6: return `${h}.${pad2(m)}`;
      case 7: return `${pad2(h)}h${pad2(m)}`;
      case 8: return h === 0 ? 'midnight' : h === 12 ? 'noon' : `${pad2(h)}:${pad2(m)}`;
      default: return `${h}:${m}`; // "9:5": unreadable on purpose
    }
  });

export const zoneArb: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 5, arbitrary: fc.constantFrom(...ZONES) });

export const dateArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 5 }))
  .map(([y, mo, d, style]) => {
    switch (style) {
      case 0: return `${y}-${pad2(mo)}-${pad2(d)}`;
      case 1: return `${MONTHS[mo - 1]} ${d}, ${y}`;
      case 2: return `${d} ${MONTHS[mo - 1]} ${y}`;
      case 3: return `${mo}/${d}/${y}`;
      case 4: return `${MONTHS[mo - 1]} ${d}`;
      default: return `${d}th ${MONTHS[mo - 1]}`;
    }
  });

/** A timestamp: a clock with an optional zone, date, "~" or ISO form, sometimes a range. */
export const stampArb: fc.Arbitrary<string> = fc
  .tuple(clockArb, zoneArb, fc.option(dateArb, { freq: 4 }), fc.integer({ min: 0, max: 7 }), clockArb)
  .map(([clock, zone, date, style, other]) => {
    const z = zone ? ` ${zone}` : '';
    switch (style) {
      case 0: return `${clock}${z}`;
      case 1: return date ? `${date}, ${clock}${z}` : `${clock}${z}`;
      case 2: return `~${clock}${z}`;
      case 3: return `${clock} - ${other}${z}`;
      case 4: return date ? `${date} ${clock}` : `approx. ${clock}`;
      case 5: return `2024-05-${pad2((clock.length % 28) + 1)}T${clock.replace(/[^0-9:]/g, '').slice(0, 5) || '00:00'}Z`;
      case 6: return date ?? clock;
      default: return `${clock}${z}`;
    }
  });

export const durationArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1, max: 600 }).map((n) => `${n} minutes`),
  fc.integer({ min: 1, max: 48 }).map((n) => `${n} hour${n === 1 ? '' : 's'}`),
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}h${m}m`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 59 })).map(([h, m]) => `${h} hours and ${m} minutes`),
  fc.integer({ min: 1, max: 120 }).map((n) => `a ${n}-minute outage`),
  fc.constantFrom('about 3 hours', 'an hour and a half', 'half an hour', 'at least 2 hours', 'almost four hours', '1 day 6 hours', '~45 min', 'three hours', '2.5 hours', 'several hours'),
);

const WORDS = ['checkout', 'the', 'API', 'errors', 'rose', 'deploy', 'rolled', 'back', 'alert', 'fired', 'on-call', 'paged', 'database', 'failover', 'cache', 'TODO', 'TBD', 'blame', 'Bob', 'forgot', 'users', '50%', 'of', 'requests', 'failed', 'detected', 'resolved', 'mitigated', 'v1.2.3', '10.0.0.1', 'k8s', '24/7', 'ürün', 'ошибка', '障害', 'خطأ', '😀', '🔥', '👩‍💻', 'café', '[detected]', '[resolved]', '`code`', '*em*', '**strong**', '<br>', '&nbsp;', 'https://example.com/2024/05/20/12:00', '@alice', 'JIRA-123', '#42'];

export const proseArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));

// ---------------------------------------------------------------------------------------------
// Sections

const SECTION_TITLES = ['Summary', 'Issue Summary', 'Executive Summary', 'Impact', 'Timeline', 'Timeline (all times UTC)', 'Timeline of events (May 20, 2024)', 'Root Cause', 'Root Causes', 'Root Cause and Resolution', 'Trigger', 'Resolution', 'Detection', 'Corrective and Preventative Measures', 'Action Items', 'Lessons Learned', 'What went well', 'Follow-ups', 'Background', 'Notes'];

/** A section title in any of the ways people write one; the heading level is random too. */
export const titleLineArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SECTION_TITLES), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 4 }))
  .map(([title, style, level]) => {
    const hashes = '#'.repeat(level);
    switch (style) {
      case 0: case 1: case 2: return `${hashes} ${title}`;
      case 3: return `**${title}:**`;
      case 4: return `**${title}**`;
      case 5: return `${title}:`;
      case 6: return `<h${level}>${title}</h${level}>`;
      case 7: return `${hashes}${title}`;
      case 8: return `1. ${title}:`;
      case 9: return `__${title}__`;
      case 10: return `${title}\n${level % 2 ? '---' : '==='}`;
      default: return `**${title}`;
    }
  });

/** A field line of the summary: "**Duration:** 13:00 - 14:00 UTC (1 hour)", "Start: ...". */
export const fieldArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('Duration', 'Outage Duration', 'Start', 'End', 'Start Time', 'Impact', 'Root Cause', 'Severity', 'Date', 'Detected', 'Status', 'Owner'), stampArb, durationArb, proseArb, fc.integer({ min: 0, max: 6 }))
  .map(([label, stamp, duration, prose, style]) => {
    const value = label.includes('Duration') ? `${stamp} (${duration})` : label === 'Severity' ? `SEV${prose.length % 5}` : /Start|End|Date|Detected/.test(label) ? stamp : prose;
    switch (style) {
      case 0: return `**${label}:** ${value}`;
      case 1: return `${label}: ${value}`;
      case 2: return `- **${label}**: ${value}`;
      case 3: return `| ${label} | ${value} |`;
      case 4: return `__${label}:__ ${value}`;
      case 5: return `The service was down from ${stamp} to ${stamp}, ${duration} in all, because ${prose}.`;
      default: return `*${label}:* ${value}`;
    }
  });

/** One timeline entry in one of the notations timelines use. */
export const entryArb: fc.Arbitrary<string> = fc
  .tuple(stampArb, proseArb, fc.integer({ min: 0, max: 13 }))
  .map(([stamp, prose, style]) => {
    switch (style) {
      case 0: return `- **${stamp}:** ${prose}`;
      case 1: return `* ${stamp} - ${prose}`;
      case 2: return `[${stamp}] ${prose}`;
      case 3: return `### ${stamp}\n\n${prose}`;
      case 4: return `| ${stamp} | ${prose} |`;
      case 5: return `${stamp} ${prose}`;
      case 6: return `- ${stamp}: ${prose}\n  ${prose}`;
      case 7: return `**${stamp}**: ${prose}`;
      case 8: return `1. ${stamp} — ${prose}`;
      case 9: return `- [???] ${prose}`;
      case 10: return `- HH:MM ${prose}`;
      case 11: return `> ${stamp} ${prose}`;
      case 12: return `**${stamp.split(' ')[0]}**`;
      default: return `- ${prose}`;
    }
  });

const tableHeaderArb = fc.constantFrom('| Time | Event |\n| --- | --- |', '| Time (UTC) | What happened |\n|:--|:--|', '| Action Item | Owner | Due | Bug |\n| --- | --- | --- | --- |');

const actionItemArb: fc.Arbitrary<string> = fc
  .tuple(proseArb, dateArb, fc.integer({ min: 0, max: 5 }))
  .map(([prose, date, style]) => {
    switch (style) {
      case 0: return `- [ ] ${prose} (owner: @alice, due ${date})`;
      case 1: return `- [x] ${prose} JIRA-${prose.length}`;
      case 2: return `| ${prose} | @bob | ${date} | OPS-1 |`;
      case 3: return `- ${prose}\n  - Owner: @carol\n  - Due: ${date}`;
      case 4: return `* TODO: ${prose}`;
      default: return `- ${prose}`;
    }
  });

/** Things found between sections: code, quotes, comments, suppressions, rules, blank lines. */
const fillerArb: fc.Arbitrary<string> = fc.oneof(
  proseArb,
  proseArb.map((p) => `> ${p}`),
  proseArb.map((p) => '```\n' + p + '\n```'),
  proseArb.map((p) => `<!-- ${p} -->`),
  fc.constantFrom('<!-- postmortem-disable-next-line -->', '<!-- postmortem-disable timeline-order -->', '---', '***', '', '<details>\n<summary>Logs</summary>\n\n12:00 noise\n\n</details>', '- [ ]', '|', '#', '**', '<!--', '```'),
);

const sectionBodyArb: fc.Arbitrary<string[]> = fc.array(fc.oneof({ weight: 3, arbitrary: entryArb }, { weight: 2, arbitrary: fieldArb }, { weight: 1, arbitrary: actionItemArb }, { weight: 2, arbitrary: fillerArb }, { weight: 1, arbitrary: tableHeaderArb }), { maxLength: 12 });

const frontMatterArb: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.tuple(dateArb, fc.constantFrom('postmortem', 'incident', 'note'), fc.constantFrom('google-sre', 'issue-summary', 'generic', 'nope'), fc.constantFrom('UTC', 'America/New_York', 'PST', 'Mars/Olympus')).map(([d, type, template, tz]) => `---\ntype: ${type}\ntemplate: ${template}\ndate: ${d}\ntimezone: ${tz}\nseverity: SEV2\n---\n\n`),
  fc.constantFrom('---\ntitle: [unclosed\n---\n\n', '---\n---\n\n', '---\n: : :\n---\n\n', '---\na: &x [*x]\n---\n\n', '---\nno closing fence\n\n'),
);

export type LineEnding = '\n' | '\r\n' | 'mixed';

/** Joins lines with the given ending ("mixed" alternates LF, CRLF and a lone CR). */
export function joinLines(lines: string[], eol: LineEnding): string {
  const text = lines.join('\n');
  if (eol === '\n') return text;
  if (eol === '\r\n') return text.replace(/\n/g, '\r\n');
  let i = 0;
  return text.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]!);
}

/** A whole postmortem: front matter, title, sections with bodies, in random order and notation. */
export const postmortemArb: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    frontMatter: frontMatterArb,
    title: fc.tuple(fc.constantFrom('# Postmortem: ', '# Incident report: ', '# ', 'Postmortem ', '# RCA - '), proseArb, fc.option(dateArb)).map(([p, t, d]) => `${p}${t}${d ? ` (${d})` : ''}`),
    sections: fc.array(fc.tuple(titleLineArb, sectionBodyArb), { minLength: 0, maxLength: 9 }),
    eol: fc.constantFrom<LineEnding>('\n', '\n', '\r\n', 'mixed'),
    trailingNewline: fc.boolean(),
  })
  .map(({ bom, frontMatter, title, sections, eol, trailingNewline }) => {
    const lines: string[] = [title, ''];
    for (const [header, body] of sections) {
      lines.push(header, '');
      // Entries of one list are usually written without blank lines between them.
      for (const part of body) lines.push(part, ...(part.startsWith('-') || part.startsWith('|') ? [] : ['']));
      lines.push('');
    }
    const text = (bom ? '\uFEFF' : '') + joinLines([frontMatter + lines.join('\n')], eol);
    return trailingNewline ? text : text.replace(/[\r\n]+$/, '');
  });

// ---------------------------------------------------------------------------------------------
// Markdown soup

/** Characters that open, close or break Markdown constructs, and a few that are odd in text. */
const SOUP = ['#', '*', '_', '-', '+', '>', '|', '`', '~', '[', ']', '(', ')', '!', '<', '>', '/', ':', '=', '\\', '&', ';', ' ', ' ', ' ', '\t', '\n', '\n', '\n', '\r\n', '\r', '1', '2', '0', '9', '.', 'a', 'Z', 'PM', 'UTC', '<!--', '-->', '```', '---', '|---|', '**', '\u0000', '\u0007', '\u2028', '\uFEFF', '\u200D', '\uD83D', '\uDE00', '😀', 'é', '\u202E', 'ש', '\u0301'];

export const soupArb: fc.Arbitrary<string> = fc.array(fc.constantFrom(...SOUP), { maxLength: 400 }).map((parts) => parts.join(''));

/** A postmortem with soup spliced in at random places: structure plus garbage. */
export const mixedArb: fc.Arbitrary<string> = fc.tuple(postmortemArb, fc.array(fc.tuple(fc.nat(), soupArb), { maxLength: 4 })).map(([doc, splices]) => {
  let text = doc;
  for (const [at, soup] of splices) {
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    text = text.slice(0, i) + soup + text.slice(i);
  }
  return text;
});

// ---------------------------------------------------------------------------------------------
// Coherent postmortems: one notation per document, a timeline that really runs forward (and past
// midnight), a summary window and stated duration that agree or are off by a little. These are the
// documents where rules fire with fixes: an entry swapped out of order, a duration a little off.

const fmtClock = (minutes: number, h12: boolean) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  const h = Math.floor(m / 60);
  if (!h12) return `${pad2(h)}:${pad2(m % 60)}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${pad2(m % 60)} ${h < 12 ? 'AM' : 'PM'}`;
};

export const coherentPostmortemArb: fc.Arbitrary<string> = fc
  .record({
    start: fc.integer({ min: 0, max: 1439 }),
    steps: fc.array(fc.integer({ min: 1, max: 240 }), { minLength: 2, maxLength: 12 }),
    h12: fc.boolean(),
    zone: fc.constantFrom('UTC', 'PST', 'CET', '+0530', ''),
    entryStyle: fc.integer({ min: 0, max: 5 }),
    headingStyle: fc.integer({ min: 0, max: 2 }),
    swap: fc.option(fc.nat()),
    durationError: fc.constantFrom(0, 0, 5, 30, -60),
    dated: fc.boolean(),
    eol: fc.constantFrom<LineEnding>('\n', '\r\n'),
  })
  .map(({ start, steps, h12, zone, entryStyle, headingStyle, swap, durationError, dated, eol }) => {
    const times = steps.reduce<number[]>((acc, s) => [...acc, acc[acc.length - 1]! + s], [start]);
    const z = zone ? ` ${zone}` : '';
    const day = (t: number) => 10 + Math.floor(t / 1440);
    const stamp = (t: number) => `${dated ? `May ${day(t)}, 2024, ` : ''}${fmtClock(t, h12)}${z}`;
    const entry = (t: number, i: number) =>
      [`- **${stamp(t)}:** step ${i}`, `* ${stamp(t)} - step ${i}`, `[${stamp(t)}] step ${i}`, `| ${stamp(t)} | step ${i} |`, `${stamp(t)} step ${i}`, `### ${stamp(t)}\n\nstep ${i}`][entryStyle]!;
    const order = times.map((t, i) => ({ t, i }));
    if (swap !== null && order.length > 2) {
      const a = swap % (order.length - 1);
      [order[a], order[a + 1]] = [order[a + 1]!, order[a]!];
    }
    const total = times[times.length - 1]! - start + durationError;
    const title = (t: string) => [`## ${t}`, `**${t}:**`, `${t}:`][headingStyle]!;
    const body = [
      `# Postmortem: checkout outage${dated ? ' (May 10, 2024)' : ''}`,
      '',
      title('Summary'),
      '',
      `**Duration:** ${stamp(start)} - ${stamp(times[times.length - 1]!)} (${Math.floor(total / 60)} hours ${total % 60} minutes)`,
      '',
      '**Impact:** 40% of users could not pay.',
      '',
      title('Timeline'),
      '',
      ...(entryStyle === 3 ? ['| Time | Event |', '| --- | --- |'] : []),
      ...order.map(({ t, i }) => entry(t, i)).flatMap((e) => (entryStyle === 4 || entryStyle === 5 ? [e, ''] : [e])),
      '',
      title('Root Cause'),
      '',
      'A feature flag enabled an unfinished payment path.',
      '',
      title('Action Items'),
      '',
      '- [ ] Review flags (owner: @ana, due: 2024-06-01)',
      '',
    ];
    return joinLines(body, eol);
  });
