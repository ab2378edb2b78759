// The report's structure on fixtures, read back with an HTML parser: the card's fields, the
// sections in order, data-line on what the preview scrolls to and reveals, metric values, the
// action-item table, and the document rendered from the analysis's own parse.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { byClass, classes, elements, lineIncluding, num, one, renderFile, RENDER_FIXTURES, RULE_FIXTURES, textOf } from './helpers';

const REPORT = join(RENDER_FIXTURES, 'report.md');

describe('report structure', () => {
  const r = renderFile(REPORT);

  it('puts the card, problems, metrics, chart, action items and document in that order', () => {
    const main = elements(r.tree).find((e) => e.tagName === 'main')!;
    const order = main.children.flatMap((c) => (c.type === 'element' ? [classes(c).find((k) => k.startsWith('pm-') && k !== 'pm-section')] : []));
    assert.deepEqual(order, ['pm-card', 'pm-problems', 'pm-metrics', 'pm-chart', 'pm-actions', 'pm-document']);
  });

  it('shows title, template, severity, start and end with zone, and both durations when they differ', () => {
    const card = one(r.tree, 'pm-card');
    assert.equal(textOf(one(card, 'pm-card-title')), 'Postmortem: Payments API errors after a config push');
    const fact = (name: string) => textOf(elements(one(card, name)).find((e) => e.tagName === 'dd')!);
    assert.equal(fact('pm-template'), 'Issue Summary');
    assert.equal(fact('pm-severity'), 'SEV-2');
    assert.equal(fact('pm-start'), '2024-03-09 23:40 UTC');
    assert.equal(fact('pm-end'), '2024-03-10 01:10 UTC');
    assert.equal(textOf(one(card, 'pm-computed')), '1 hour 30 minutes');
    const stated = one(card, 'pm-stated');
    assert.match(textOf(stated), /^stated: (about )?1 hour$/);
    assert.ok(classes(stated).includes('pm-differs'));
  });

  it('counts problems by severity, each linking to the first such finding and carrying its line', () => {
    const counts = byClass(one(r.tree, 'pm-counts'), 'pm-count');
    assert.deepEqual(counts.map((c) => textOf(c)), ['1 error', '3 warnings']);
    const errors = r.analysis.findings.filter((f) => f.severity === 'error');
    const first = r.analysis.findings.indexOf(errors[0]!);
    assert.equal(counts[0]!.properties['href'], `#pm-problem-${first}`);
    assert.equal(num(counts[0]!, 'dataLine'), lineIncluding(r.text, '**Duration:**'));
    const target = elements(r.tree).find((e) => e.properties['id'] === `pm-problem-${first}`)!;
    assert.match(textOf(target), /Duration says 1 hour/);
    assert.equal(num(target, 'dataLine'), lineIncluding(r.text, '**Duration:**'));
  });

  it('shows the four metrics with their values in minutes and the lines of their markers', () => {
    const metrics = byClass(one(r.tree, 'pm-metrics'), 'pm-metric');
    assert.deepEqual(metrics.map((m) => num(m, 'dataMinutes')), [12, 18, 55, 90]);
    assert.deepEqual(metrics.map((m) => textOf(elements(m).find((e) => e.tagName === 'dd')!)), ['12 minutes', '18 minutes', '55 minutes', '1 hour 30 minutes']);
    assert.equal(num(metrics[0]!, 'dataLine'), lineIncluding(r.text, '[detected]'));
    assert.equal(num(metrics[3]!, 'dataLine'), lineIncluding(r.text, '[resolved]'));
  });

  it('tabulates action items with owner, due date, status (overdue as of the given day) and ticket link', () => {
    const table = one(r.tree, 'pm-actions');
    const header = elements(table).filter((e) => e.tagName === 'th').map((e) => textOf(e));
    assert.deepEqual(header, ['Item', 'Owner', 'Due', 'Status', 'Ticket']);
    const rows = elements(table).filter((e) => e.tagName === 'tr' && e.properties['dataLine'] !== undefined);
    const cells = rows.map((row) => elements(row).filter((e) => e.tagName === 'td').map((td) => textOf(td)));
    assert.deepEqual(cells, [
      ['Validate config pushes', '@amir', '2024-04-01', 'Overdue', 'tracker.example/PAY-7'],
      ['Alert on connection limit', '@bea', '2024-03-20', 'Done', 'PAY-8'],
      ['Add a canary stage', '@amir', '2024-05-01', 'Overdue', 'PAY-9'],
    ]);
    const link = elements(rows[0]!).find((e) => e.tagName === 'a')!;
    assert.equal(link.properties['href'], 'https://tracker.example/PAY-7');
    assert.equal(num(rows[1]!, 'dataLine'), lineIncluding(r.text, '| Alert on connection limit'));
  });

  it('gives every heading of the document its line and a prefixed id that in-page links use', () => {
    const doc = one(r.tree, 'pm-document');
    const headings = elements(doc).filter((e) => /^h[1-6]$/.test(e.tagName) && !classes(e).includes('sr-only'));
    for (const h of headings) assert.equal(num(h, 'dataLine'), lineIncluding(r.text, `# ${textOf(h)}`), textOf(h));
    const timeline = headings.find((h) => textOf(h) === 'Timeline')!;
    assert.equal(timeline.properties['id'], 'user-content-timeline');
    const link = elements(doc).find((e) => e.tagName === 'a' && textOf(e) === 'Timeline')!;
    assert.equal(link.properties['href'], '#user-content-timeline');
  });

  it('resolves reference links and footnotes whose definitions sit in other blocks', () => {
    const doc = one(r.tree, 'pm-document');
    const runbook = elements(doc).find((e) => e.tagName === 'a' && textOf(e) === 'runbook');
    assert.equal(runbook?.properties['href'], 'https://runbooks.example/payments');
    const ref = elements(doc).find((e) => e.tagName === 'a' && e.properties['dataFootnoteRef'] !== undefined)!;
    const note = elements(doc).find((e) => e.properties['id'] === String(ref.properties['href']).slice(1));
    assert.match(textOf(note!), /dashboard lagged/);
  });

  it('resolves relative images against the document, and keeps the task checkboxes and tables of the source', () => {
    const img = elements(one(r.tree, 'pm-document')).find((e) => e.tagName === 'img')!;
    assert.equal(img.properties['src'], new URL('graphs/errors.png', `file://${REPORT}`).href);
    assert.equal(img.properties['alt'], 'Error graph');
  });

  it('leaves out front matter and renders no card sections for a document that is not a postmortem', () => {
    const plain = renderFile(join(RENDER_FIXTURES, 'reading-list.md'));
    assert.deepEqual(byClass(plain.tree, 'pm-chart'), []);
    assert.deepEqual(byClass(plain.tree, 'pm-metrics'), []);
    assert.match(textOf(one(plain.tree, 'pm-note')), /Not recognised as a postmortem/);
    assert.ok(!textOf(one(plain.tree, 'pm-document')).includes('layout: notes'));
  });

  it('omits metrics without markers and action-item columns nobody filled', () => {
    const bare = renderFile(join(RULE_FIXTURES, 'timeline-order', 'bad-swapped.md'));
    const header = elements(one(bare.tree, 'pm-actions')).filter((e) => e.tagName === 'th').map((e) => textOf(e));
    assert.deepEqual(header, ['Item']);
    assert.match(textOf(one(one(bare.tree, 'pm-actions'), 'pm-note')), /No item states an owner, a due date, a status or a ticket/);
  });
});
