// Title normalisation (text/plain.ts) runs on every heading and label, and hundreds of times while
// the engine builds its tables at start-up, so it takes fast paths: one replace for runs of spaces,
// and an ASCII character class for ASCII titles. These properties hold the fast paths to the
// plain definitions they replace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { collapseSpaces, normalizeTitle } from '../../server/src/core/text/plain';
import { fcParams } from '../robustness/support/env';

/** The definition: each run of spaces, tabs and no-break spaces as one space, none at either end. */
function collapseByCharacter(s: string): string {
  let out = '';
  let space = false;
  for (const c of s) {
    if (c === ' ' || c === '\t' || c === '\u00a0') {
      space = out.length > 0;
    } else {
      if (space) out += ' ';
      out += c;
      space = false;
    }
  }
  return out;
}

const pieces = [' ', '  ', '\t', '\u00a0', '\n', 'a', 'Root', 'é', '😀', '(', ')', '[', ']', ':', '&', '+', '/', "'", '’', '-', '2.', 'IV.', 'İ', 'ß', '*', '_', '<b>', '#'];
const titleLike = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));

describe('text/plain fast paths', () => {
  it('collapseSpaces equals the character-by-character definition', () => {
    fc.assert(
      fc.property(titleLike, (s) => collapseSpaces(s) === collapseByCharacter(s)),
      fcParams(25),
    );
  });

  it('the ASCII class keeps exactly what the Unicode class keeps, for every lower-cased ASCII character', () => {
    for (let code = 0; code < 128; code++) {
      const c = String.fromCharCode(code).toLowerCase();
      assert.equal(c.replace(/[^a-z0-9/']/g, ' '), c.replace(/[^\p{L}\p{N}/']/gu, ' '), `character ${code}`);
    }
  });

  it('reads titles written with non-ASCII letters and marks', () => {
    assert.equal(normalizeTitle('## 2. Causa raíz (análisis)'), 'causa raíz');
    assert.equal(normalizeTitle('Überblick — Zusammenfassung'), 'überblick zusammenfassung');
    assert.equal(normalizeTitle(':rotating_light: What we’re doing'), "what we're doing");
    assert.equal(normalizeTitle('Detection & Response / Timeline'), 'detection and response and timeline');
  });
});
