// Which way a document writes numeric dates, and what follows from it for the dates it states.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core';
import { writesDayFirst } from '../../server/src/core/model/date-order';
import { inDateOrder } from '../../server/src/core/time/calendar';

describe('document date order', () => {
  it('is day-first only on evidence that reads one way', () => {
    assert.equal(writesDayFirst('Incident on 19/09/2026 and 03/04/2026.', undefined, undefined), true);
    assert.equal(writesDayFirst('Incident on 19-09-26.', undefined, undefined), true);
    assert.equal(writesDayFirst('Incident on 03/04/2026.', undefined, undefined), false);
    assert.equal(writesDayFirst('Incident on 09/19/2026, fixed 19/09/2026.', undefined, undefined), false, 'evidence both ways keeps the default');
    assert.equal(writesDayFirst('Build 2026-13-05, version 1.19.09.2026', undefined, undefined), false, 'not inside other numbers');
  });

  it('takes a title date that is the file name date read day-first as evidence', () => {
    assert.equal(writesDayFirst('', 'Outage 11/03/2026', 'docs/2026-03-11-outage.md'), true);
    assert.equal(writesDayFirst('', 'Outage 03/11/2026', 'docs/2026-03-11-outage.md'), false);
    assert.equal(writesDayFirst('', 'Outage 11/03/2026', 'docs/outage.md'), false);
  });

  it('looks at the end of a long document, where action items are', () => {
    const long = `Opened 03/04/2026.\n${'filler line\n'.repeat(5000)}- [ ] due 25/12/2026\n`;
    assert.equal(writesDayFirst(long, undefined, undefined), true);
  });

  it('swaps only ambiguous dates', () => {
    assert.deepEqual(inDateOrder({ year: 2026, month: 3, day: 4, ambiguous: true }, true), { year: 2026, month: 4, day: 3, ambiguous: true });
    const plain = { year: 2026, month: 3, day: 14 };
    assert.equal(inDateOrder(plain, true), plain);
    const ambiguous = { year: 2026, month: 3, day: 4, ambiguous: true };
    assert.equal(inDateOrder(ambiguous, false), ambiguous);
  });

  it('reads every date of a day-first document day-first: window, timeline, action items', () => {
    const text = [
      '# Postmortem: ledger outage',
      '',
      '## Summary',
      '',
      'The ledger was down from 23:40 UTC on 10/03/2026 to 00:25 UTC on 11/03/2026.',
      '',
      '## Timeline',
      '',
      '- 10/03/2026 23:40 Primary stops',
      '- 11/03/2026 00:25 Restored',
      '',
      '## Action items',
      '',
      '- [ ] Alert on disk (owner: @sam, due 01/04/2026)',
      '- [ ] Runbook (owner: @kim, due 30/04/2026)',
    ].join('\n');
    const { model } = analyze(text, { path: 'pm.md' });
    assert.equal(model.dayFirst, true);
    assert.deepEqual([model.incident.start?.mention.date?.month, model.incident.end?.mention.date?.month], [3, 3]);
    assert.equal(model.incident.end!.minutes - model.incident.start!.minutes, 45);
    assert.deepEqual(model.timeline?.entries.map((e) => [e.date?.month, e.date?.day]), [[3, 10], [3, 11]]);
    assert.deepEqual(model.actionItems.map((i) => [i.due?.month, i.due?.day]), [[4, 1], [4, 30]]);
  });
});
