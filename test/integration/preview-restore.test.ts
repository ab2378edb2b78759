// Which document a preview restored with the window shows (client/src/preview/restore.ts), with
// the real editor's documents and editors: the one its page saved, else the one its title names,
// the active or a visible Markdown editor's, now or within the wait, else none.
import * as assert from 'node:assert/strict';
import { documentToRestore } from '../../client/src/preview/restore';
import { BROKEN, closeAll, fileUri, open, README, ready } from './helpers';

suite('preview restored with the window', () => {
  suiteSetup(ready);
  teardown(closeAll);

  test('shows the document its page saved, open or not', async () => {
    await closeAll();
    const uri = fileUri(BROKEN);
    const document = await documentToRestore({ line: 3, uri: uri.toString() }, 0);
    assert.equal(document?.uri.toString(), uri.toString());
  });

  test('with nothing usable saved, the open document its kept title names, else the active editor\'s', async () => {
    await closeAll();
    await open(fileUri(BROKEN));
    await open(fileUri(README)); // active now, over the postmortem in the same group
    const title = `Preview ${BROKEN.split('/').pop()}`;
    assert.equal((await documentToRestore({ line: 2 }, 0, title))?.uri.toString(), fileUri(BROKEN).toString());
    assert.equal((await documentToRestore({ line: 2 }, 0, 'Preview no-such-file.md'))?.uri.toString(), fileUri(README).toString());
    assert.equal((await documentToRestore(undefined, 0))?.uri.toString(), fileUri(README).toString());
  });

  test('with nothing usable saved, waits for the window to make a Markdown editor active', async () => {
    await closeAll();
    const pending = documentToRestore({ uri: fileUri('postmortems/deleted-since.md').toString() }, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    await open(fileUri(BROKEN));
    const document = await pending;
    assert.equal(document?.uri.toString(), fileUri(BROKEN).toString());
  });

  test('gives up after the wait when no Markdown editor becomes active', async () => {
    await closeAll();
    const started = Date.now();
    assert.equal(await documentToRestore({ uri: 'untitled:Untitled-9' }, 300), undefined);
    assert.ok(Date.now() - started >= 290, 'it waited');
  });
});
