// Odd text: empty files, front matter alone, control characters, lone surrogates, a BOM, CRLF,
// lone CR and mixed line endings, tabs, emoji and other astral characters, right-to-left text.
// Beyond "no crash", the strongest checks compare a document with its odd twin: the same findings,
// with ranges moved exactly as far as the text moved, and fixes that keep the BOM and line endings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, applyFixes, type Analysis, type Finding } from '../../server/src/core';
import { checkInvariants } from './support/invariants';
import { analyzeForced, NOW } from './support/timing';

/** A postmortem with one finding of each kind the checks below slice: label, order, duration. */
const DOC = [
  '# Postmortem: checkout outage',
  '',
  '**Issue Summary**',
  '',
  '**Duration:** 14:00 - 16:30 UTC (2 hours of downtime)',
  '',
  '**Impact:** 90% of users could not pay.',
  '',
  '**Root Cause:** A bad feature flag.',
  '',
  '## Timeline',
  '',
  '- **14:00 UTC:** Checkout errors alert.',
  '- **15:30 UTC:** Flag identified.',
  '- **15:15 UTC:** On-call engineer starts investigating.',
  '- **16:30 UTC:** Flag disabled, checkout recovers.',
  '',
  '## Root Cause and Resolution',
  '',
  'The flag enabled an unfinished payment path.',
  '',
  '## Corrective and Preventative Measures',
  '',
  '- [ ] Review flags before enabling them (owner: @ana, due: 2024-06-01)',
  '',
].join('\n');

const ofRule = (a: Analysis, id: string): Finding[] => a.findings.filter((f) => f.ruleId === id);
const sliced = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);
/** Findings as comparable lines, ranges mapped through `at` (an offset in the plain doc -> in the twin). */
const shape = (a: Analysis, at: (o: number) => number = (o) => o) => a.findings.map((f) => `${f.ruleId} ${at(f.range.start)}-${at(f.range.end)} ${f.message}`);

describe('odd text', () => {
  it('the reference document has the findings the checks below rely on', () => {
    const a = analyzeForced(DOC);
    assert.deepEqual(ofRule(a, 'duration-mismatch').map((f) => sliced(DOC, f)), ['2 hours']);
    assert.deepEqual(ofRule(a, 'timeline-order').map((f) => sliced(DOC, f)), ['15:15 UTC']);
    assert.deepEqual(ofRule(a, 'section-not-heading').map((f) => sliced(DOC, f)), ['**Issue Summary**']);
  });

  it('empty text, blank text, a lone line break: no crash, and not a postmortem unless forced', () => {
    for (const text of ['', ' ', '\n', '\r\n', '\r', '\t\t', '\uFEFF', '\u0000']) {
      assert.equal(analyze(text, { now: NOW }).findings.length, 0, JSON.stringify(text));
      checkInvariants(text, { idempotence: true });
    }
  });

  it('front matter alone, closed or not, valid or not', () => {
    for (const text of ['---\ntype: postmortem\n---\n', '---\ntype: postmortem\n---', '---\ntype: postmortem\n', '---\n---\n', '---\n: [\n---\n', '---\r\ntype: postmortem\r\n---\r\n', '---\ntitle: "unclosed\n---\n']) {
      const a = checkInvariants(text, { idempotence: true, detection: true });
      assert.ok(a.findings.length > 0, `${JSON.stringify(text)}: a postmortem with nothing in it has findings`);
    }
  });

  it('NUL and other control characters anywhere: no crash, findings unchanged elsewhere', () => {
    for (const c of ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029']) {
      for (const at of [0, DOC.indexOf('Timeline'), DOC.indexOf('14:00 UTC:'), DOC.indexOf('2 hours'), DOC.length]) {
        checkInvariants(DOC.slice(0, at) + c + DOC.slice(at), { idempotence: true });
      }
      // In the middle of a word of prose, a control character moves ranges after it by one.
      const at = DOC.indexOf('unfinished');
      const twin = DOC.slice(0, at) + c + DOC.slice(at);
      assert.deepEqual(shape(analyzeForced(twin)).filter((l) => !l.includes('blameless')), shape(analyzeForced(DOC), (o) => (o > at ? o + 1 : o)).filter((l) => !l.includes('blameless')), JSON.stringify(c));
    }
  });

  it('lone surrogates (either half) in titles, entries and durations: no crash, ranges inside the text', () => {
    for (const s of ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDFFF\uD800']) {
      for (const at of [0, DOC.indexOf('Checkout errors'), DOC.indexOf('14:00 -'), DOC.indexOf('hours of'), DOC.indexOf('Issue')]) {
        checkInvariants(DOC.slice(0, at) + s + DOC.slice(at), { idempotence: true });
      }
    }
  });

  it('a BOM: the same findings one code unit later, and fixes that keep the BOM', () => {
    const withBom = '\uFEFF' + DOC;
    const a = checkInvariants(withBom, { idempotence: true });
    assert.deepEqual(shape(a), shape(analyzeForced(DOC), (o) => o + 1));
    assert.deepEqual(ofRule(a, 'duration-mismatch').map((f) => sliced(withBom, f)), ['2 hours']);
    const fixed = applyFixes(withBom, a.findings);
    assert.equal(fixed, '\uFEFF' + applyFixes(DOC, analyzeForced(DOC).findings));
  });

  it('CRLF: the same findings at the CRLF offsets, and fixes that write CRLF', () => {
    const crlf = DOC.replace(/\n/g, '\r\n');
    // An LF offset o in DOC is o plus the number of line breaks before it in the CRLF twin.
    const breaksBefore = (o: number) => DOC.slice(0, o).split('\n').length - 1;
    const a = checkInvariants(crlf, { idempotence: true });
    assert.deepEqual(shape(a), shape(analyzeForced(DOC), (o) => o + breaksBefore(o)));
    assert.equal(applyFixes(crlf, a.findings), applyFixes(DOC, analyzeForced(DOC).findings).replace(/\n/g, '\r\n'));
    for (const f of a.findings) for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(!/(^|[^\r])\n/.test(e.newText), `${f.ruleId}: bare LF in a CRLF file`);
  });

  it('lone CR line endings (old Mac): the same findings at the same offsets as LF', () => {
    const cr = DOC.replace(/\n/g, '\r');
    const a = checkInvariants(cr, { idempotence: true });
    assert.deepEqual(shape(a), shape(analyzeForced(DOC)));
  });

  it('mixed LF, CRLF and CR in one file: no crash, ranges never inside a CRLF, the same rules fire', () => {
    let i = 0;
    const mixed = DOC.replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]!);
    const a = checkInvariants(mixed, { idempotence: true });
    assert.deepEqual(a.findings.map((f) => f.ruleId).sort(), analyzeForced(DOC).findings.map((f) => f.ruleId).sort());
    assert.deepEqual(ofRule(a, 'duration-mismatch').map((f) => sliced(mixed, f)), ['2 hours']);
  });

  it('tabs for indentation and inside entries', () => {
    const tabbed = DOC.replace(/^- /gm, '-\t').replace(/ UTC:\*\*/g, '\tUTC:**').replace('## Timeline', '##\tTimeline');
    const a = checkInvariants(tabbed, { idempotence: true });
    assert.deepEqual(ofRule(a, 'timeline-order').map((f) => sliced(tabbed, f)), ['15:15\tUTC']);
    checkInvariants(DOC.replace(/^/gm, '\t'), { idempotence: true });
  });

  it('emoji and other astral characters before a finding: ranges in UTF-16 units land on the finding', () => {
    // Each astral character is two code units: a range counted in code points would be off by one per emoji.
    const astral = DOC.replace('# Postmortem:', '# 🔥🔥 Postmortem 𝒯:')
      .replace('**Duration:**', '**⏱️ Duration:**')
      .replace('- **15:15 UTC:**', '- 👩‍👩‍👧 **15:15 UTC:**')
      .replace('**Issue Summary**', '**Issue Summary** 😀');
    const a = checkInvariants(astral, { idempotence: true });
    assert.deepEqual(ofRule(a, 'duration-mismatch').map((f) => sliced(astral, f)), ['2 hours']);
    assert.deepEqual(ofRule(a, 'timeline-order').map((f) => sliced(astral, f)), ['15:15 UTC']);
    const position = a.model.index.position(ofRule(a, 'duration-mismatch')[0]!.range.start);
    // VS Code's column: UTF-16 units from the line start, 1-based.
    const line = astral.split('\n')[position.line - 1]!;
    assert.equal(line.slice(position.column - 1, position.column - 1 + '2 hours'.length), '2 hours');
  });

  it('right-to-left text and bidi controls: findings and fixes as for left-to-right text', () => {
    const rtl = DOC.replace('Checkout errors alert.', 'התראה על שגיאות תשלום \u202Eabc\u202C.')
      .replace('Flag identified.', 'تم تحديد العلم \u2067ltr\u2069.')
      .replace('# Postmortem: checkout outage', '# Postmortem: תקלה בתשלום');
    const a = checkInvariants(rtl, { idempotence: true });
    assert.deepEqual(ofRule(a, 'timeline-order').map((f) => sliced(rtl, f)), ['15:15 UTC']);
    assert.deepEqual(ofRule(a, 'duration-mismatch').map((f) => sliced(rtl, f)), ['2 hours']);
    assert.ok(applyFixes(rtl, a.findings).includes('התראה על שגיאות תשלום'), 'the RTL words survive fix-all');
  });
});
