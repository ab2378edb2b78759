// The preview's saved state is written inside its webview: only a file or untitled document URI
// of a sane length is taken from it when VS Code restores the panel after a window reload.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFromWebview, restoredDocumentUri } from '../../client/src/preview/messages';

describe('preview state and messages from the webview', () => {
  it('takes the document URI the page saved when it names a file or an untitled document', () => {
    assert.equal(restoredDocumentUri({ line: 12, uri: 'file:///home/a/postmortems/2024-05-20.md' }), 'file:///home/a/postmortems/2024-05-20.md');
    assert.equal(restoredDocumentUri({ uri: 'untitled:Untitled-1' }), 'untitled:Untitled-1');
  });

  it('takes nothing from a state without a usable URI', () => {
    for (const state of [undefined, null, 42, 'file:///a.md', {}, { line: 3 }, { uri: 7 }, { uri: ['file:///a.md'] }]) {
      assert.equal(restoredDocumentUri(state), undefined, JSON.stringify(state));
    }
    for (const uri of ['https://example.com/a.md', 'command:workbench.action.reloadWindow', 'vscode-remote://x/a.md', 'javascript:alert(1)', ' file:///a.md', '']) {
      assert.equal(restoredDocumentUri({ uri }), undefined, uri);
    }
    assert.equal(restoredDocumentUri({ uri: `file:///${'a'.repeat(9000)}.md` }), undefined, 'too long');
  });

  it('accepts only the messages the page may send', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', line: 4 }), { type: 'reveal', line: 4 });
    assert.equal(parseFromWebview({ type: 'reveal', line: -1 }), undefined);
    assert.equal(parseFromWebview({ type: 'reveal', line: 1.5 }), undefined);
    assert.deepEqual(parseFromWebview({ type: 'open-link', href: 'https://a.example' }), { type: 'open-link', href: 'https://a.example' });
    assert.equal(parseFromWebview({ type: 'open-link', href: 'x'.repeat(5000) }), undefined);
    assert.equal(parseFromWebview({ type: 'update', html: '<b>' }), undefined);
    assert.equal(parseFromWebview(null), undefined);
  });
});
