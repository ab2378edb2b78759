// The test helper that expands snippet bodies must itself read the grammar right.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandSnippet, parseSnippet, SnippetSyntaxError, tabStops } from './snippet-expander';

const vars = { CURRENT_HOUR: '09', CURRENT_MINUTE: '05', TM_FILENAME: '' };

describe('snippet expander', () => {
  it('expands tab stops, placeholders, mirrors, choices and variables', () => {
    assert.equal(expandSnippet('a $1 ${2} ${3:x} b', vars), 'a   x b');
    assert.equal(expandSnippet('$1 then ${1:first}', vars), 'first then first');
    assert.equal(expandSnippet('${1|SEV1,SEV2|}', vars), 'SEV1');
    assert.equal(expandSnippet('$CURRENT_HOUR:${CURRENT_MINUTE}', vars), '09:05');
    assert.equal(expandSnippet('${1:$CURRENT_HOUR:$CURRENT_MINUTE}', vars), '09:05');
    assert.equal(expandSnippet('${TM_FILENAME:untitled}', vars), 'untitled');
    assert.equal(expandSnippet(['line 1', 'line 2'], vars), 'line 1\nline 2');
  });

  it('reads escapes in text, defaults and choices', () => {
    assert.equal(expandSnippet('\\$1 \\} \\\\ \\n', vars), '$1 } \\ \\n');
    assert.equal(expandSnippet('${1:a\\}b}', vars), 'a}b');
    assert.equal(expandSnippet('${1|a\\,b,c\\|d|}', vars), 'a,b');
  });

  it('rejects what VS Code would silently take as text, or cannot resolve', () => {
    for (const bad of ['cost: $', '${1:open', '${1|a,b}', 'x }', '$NOT_A_VARIABLE', '${1/(.*)/$1/}', '${TM_FILENAME/a/b/}', '${', '${1|a,,b|}', '${:x}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
    assert.throws(() => expandSnippet('$UUID', vars), /no value given for variable UUID/);
  });

  it('counts tab stops, their defaults and choices', () => {
    const stops = tabStops(parseSnippet('${1:a} $1 ${2|x,y|} $3'));
    assert.deepEqual(stops.get(1), { count: 2, choice: false, defaults: 1 });
    assert.deepEqual(stops.get(2), { count: 1, choice: true, defaults: 1 });
    assert.deepEqual(stops.get(3), { count: 1, choice: false, defaults: 0 });
  });
});
