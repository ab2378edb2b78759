// The placeholder scanner and the prose masking it reads: what counts as a leftover, what never
// does (code, comments, links, markup), and linear time on hostile lines.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPlaceholders, isFiller } from '../../server/src/core/rules/shared/placeholders';
import { maskLine } from '../../server/src/core/rules/shared/prose';

const found = (line: string) => findPlaceholders(maskLine(line, { inComment: false })).map((p) => p.text);

describe('placeholder scanner', () => {
  it('finds template blanks, markers, formats and filler', () => {
    assert.deepEqual(found('# {{ incident date: yyyy-mm-dd }}, {{ incident name }}'), ['{{ incident date: yyyy-mm-dd }}', '{{ incident name }}']);
    assert.deepEqual(found('TODO: confirm. Cost was $XXX, owner TBD, FIXME'), ['TODO', 'XXX', 'TBD', 'FIXME']);
    assert.deepEqual(found('From YYYY-MM-DD HH:MM to hh:mm, on MM/DD/YYYY'), ['YYYY-MM-DD HH:MM', 'hh:mm', 'MM/DD/YYYY']);
    assert.deepEqual(found('[date] paged <owner>; [???] saw it; see [link to github issue] and [Your Name]'), ['[date]', '<owner>', '[???]', '[link to github issue]', '[Your Name]']);
    assert.deepEqual(found('Lorem ipsum dolor. Etiam quis dapibus'), ['Lorem ipsum dolor', 'Etiam quis dapibus']);
    assert.deepEqual(found('## Timeline DATE RANGE'), ['DATE RANGE']);
    assert.deepEqual(found('12:45 PM DATE: Thing 1 happened'), ['DATE']);
  });

  it('leaves real text alone', () => {
    for (const line of [
      'There are a few outstanding TODOs in the codebase.',
      'DATE: 2024-05-20',
      '## DATE AND TIME OF THE OUTAGE',
      'Logs show 10.0.XXX.XXX and ticket XXX-1234.',
      '[Issue](https://example.invalid/1) and [#528](https://example.invalid/528)',
      '- [detected] alert fired [sic]',
      'We ran sed in a loop; the ante was high.',
      'List<Name> is a type.',
      'Images from https://via.placeholder.com/600x200?text=TODO',
      'Run `TODO` and `YYYY-MM-DD` in code, <!-- TODO: hidden --> done',
      '<span style="color: #696969;">Owner</span> <time>noon</time>',
    ]) {
      assert.deepEqual(found(line), [], line);
    }
  });

  it('treats a reference link with a definition as a link', () => {
    assert.deepEqual(findPlaceholders('see [date]', { definitions: new Set(['date']) }), []);
    assert.equal(findPlaceholders('see [date]').length, 1);
  });

  it('carries an HTML comment across lines', () => {
    const state = { inComment: false };
    assert.equal(maskLine('text <!-- TODO', state).trim(), 'text');
    assert.equal(state.inComment, true);
    assert.equal(maskLine('still TODO --> TBD', state).trim(), 'TBD');
    assert.equal(state.inComment, false);
  });

  it('knows filler cells', () => {
    assert.ok(isFiller('etc') && isFiller('etc.') && isFiller('...') && isFiller('…'));
    assert.ok(!isFiller('ETC') && !isFiller('etc and more'));
  });

  it('stays linear on hostile lines', () => {
    for (const unit of ['`', '`` `', '{{', '[', '[date', '<', '<owner', 'X', 'TODO ', 'lorem ', 'amet ', 'YYYY-MM-', '&#x', '](', 'https://a ', '<!--']) {
      const small = unit.repeat(Math.ceil(50_000 / unit.length));
      const big = small + small;
      // Best of three, so a GC pause or a busy machine does not look like a quadratic scan.
      const time = (s: string) => {
        let best = Infinity;
        for (let k = 0; k < 3; k++) {
          const t = performance.now();
          findPlaceholders(maskLine(s, { inComment: false }));
          best = Math.min(best, performance.now() - t);
        }
        return best;
      };
      const tSmall = time(small);
      const tBig = time(big);
      assert.ok(tBig < 3000, `${unit}: ${tBig.toFixed(0)} ms on 100k`);
      assert.ok(tBig < 4 * tSmall + 100, `${unit}: doubling took ${tSmall.toFixed(0)} -> ${tBig.toFixed(0)} ms`);
    }
  });
});
