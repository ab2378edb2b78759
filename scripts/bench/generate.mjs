// Deterministic postmortem-like Markdown of a given size, for the benchmark and its property test:
// a title, summary fields, impact prose, a long timeline of "- **14:05 UTC:** ..." entries grouped
// in phases under sub-headings, tables, lists, paragraphs, code, action items.

/** A small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('the api gateway returned errors for requests to checkout service while the database primary ' +
  'was failing over and the on-call engineer paged the storage team who confirmed replication lag on the ' +
  'replica cluster after a configuration change rolled out to all regions traffic was shifted to the ' +
  'secondary region and latency recovered alerts fired for elevated error rates dashboards showed queue ' +
  'depth growing cache hit ratio dropped connection pool exhausted deploy pipeline paused rollback started').split(' ');
const SERVICES = ['checkout', 'payments', 'search', 'auth', 'inventory', 'notifications', 'billing', 'gateway'];
const TEAMS = ['storage', 'platform', 'payments', 'sre', 'networking', 'data'];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}
function sentence(r, min = 8, max = 20) {
  const n = min + Math.floor(r() * (max - min));
  const w = [];
  for (let i = 0; i < n; i++) w.push(pick(r, WORDS));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}
function paragraph(r, sentences = 3) {
  const s = [];
  for (let i = 0; i < sentences; i++) s.push(sentence(r));
  return s.join(' ');
}
const pad = (n) => String(n).padStart(2, '0');

/** About `bytes` of postmortem Markdown (the result is within one section of the size). */
export function generatePostmortem(bytes, seed = 1) {
  const r = rng(seed);
  const out = [];
  const day = 1 + (seed % 27);
  const date = `2024-03-${pad(day)}`;
  out.push(`# Postmortem: ${pick(r, SERVICES)} outage on ${date}`, '');
  out.push('## Summary', '');
  // The stated window is filled in once the timeline is written, so the two agree.
  out.push(`**Date:** ${date}`, `**Duration:** WINDOW`, `**Severity:** SEV2`,
    `**Impact:** About 12% of checkout requests failed for 2 hours 30 minutes.`, `**Root cause:** A configuration change exhausted the connection pool.`, '');
  out.push(paragraph(r, 4), '');
  out.push('## Impact', '');
  out.push(paragraph(r, 3), '');
  out.push('| Service | Error rate | Requests affected |', '| --- | ---: | ---: |');
  for (const s of SERVICES.slice(0, 5)) out.push(`| ${s} | ${(r() * 20).toFixed(1)}% | ${Math.floor(r() * 100000)} |`);
  out.push('');
  out.push('## Timeline', '', 'All times UTC.', '');
  // The timeline: phases of 10–25 entries, each under its own sub-heading, with notes between.
  let minutes = 14 * 60;
  let lastDay = 0;
  const dayDate = (d) => new Date(Date.UTC(2024, 2, day + d)).toISOString().slice(0, 10);
  let phase = 1;
  const tail = [];
  tail.push('## Root Cause', '', paragraph(r, 5), '', paragraph(r, 4), '');
  tail.push('```yaml', 'pool:', '  max_connections: 20', '  timeout_ms: 500', '```', '');
  // A few findings, as in a draft: a leftover marker and blaming wording.
  tail.push('## Resolution', '', paragraph(r, 3) + ' TODO: link the dashboards.', '', 'The rollback was slow because an engineer forgot to check the runbook.', '');
  tail.push('## Action Items', '');
  tail.push('| Action | Owner | Due | Ticket |', '| --- | --- | --- | --- |');
  for (let i = 0; i < 6; i++) tail.push(`| ${sentence(r, 4, 8)} | @${pick(r, TEAMS)} | 2030-0${1 + i}-15 | OPS-${1000 + i} |`);
  tail.push('', '- [ ] Add an alert on connection pool saturation (owner: @sre, due 2030-05-01)', '- [x] Roll back the configuration change (owner: @platform, due 2024-03-02)', '');
  tail.push('## Lessons Learned', '', '- ' + sentence(r), '- ' + sentence(r), '- ' + sentence(r), '', paragraph(r, 2), '');
  const tailText = tail.join('\n');
  let size = out.join('\n').length + tailText.length;
  while (size < bytes) {
    const chunk = [];
    chunk.push(`### Phase ${phase}: ${pick(r, ['detection', 'escalation', 'mitigation', 'recovery', 'monitoring'])}`, '');
    // Entries are about 100 bytes: the last phase is cut so the text ends near `bytes`.
    const entries = Math.max(1, Math.min(10 + Math.floor(r() * 15), Math.ceil((bytes - size) / 100)));
    for (let i = 0; i < entries; i++) {
      // Keep the clock moving forward within a day; phases wrap to a new dated day.
      minutes += 1 + Math.floor(r() * 3);
      // Past midnight the entry says which day it is, as a long incident's timeline would.
      const dayOf = Math.floor(minutes / (24 * 60));
      const newDay = dayOf !== lastDay;
      lastDay = dayOf;
      const m = minutes % (24 * 60);
      const t = `${newDay ? dayDate(dayOf) + ' ' : ''}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
      const who = r() < 0.3 ? ` (${pick(r, TEAMS)} team)` : '';
      chunk.push(`- **${t} UTC:** ${sentence(r, 6, 18)}${who}`);
    }
    chunk.push('');
    if (phase % 3 === 0) chunk.push(paragraph(r, 2), '');
    if (phase % 7 === 0) {
      chunk.push('| Metric | Before | After |', '| --- | ---: | ---: |');
      for (let i = 0; i < 4; i++) chunk.push(`| ${pick(r, SERVICES)} p99 latency | ${Math.floor(r() * 900)} ms | ${Math.floor(r() * 300)} ms |`);
      chunk.push('');
    }
    if (phase % 5 === 0) chunk.push('> ' + sentence(r), '', '1. ' + sentence(r), '2. ' + sentence(r), '');
    const text = chunk.join('\n');
    out.push(text);
    size += text.length + 1;
    phase++;
  }
  const end = minutes % (24 * 60);
  const span = minutes - 14 * 60;
  const hours = `${Math.floor(span / 60)} hours ${span % 60} minutes`;
  const endText = `${lastDay > 0 ? dayDate(lastDay) + ' ' : ''}${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
  const window = `${date} 14:00 UTC to ${endText} UTC (${hours})`;
  return out.join('\n').replace('**Duration:** WINDOW', `**Duration:** ${window}`) + '\n' + tailText;
}
