// The request thread and the worker collect garbage once enough replaced document text piled up
// (and the worker once it has parsed enough text afresh, or once its heap has grown well past what
// its last collection left).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { ReplacedText } from '../../server/src/lsp/garbage';

describe('replaced-text collection', () => {
  it('waits for the floor on small documents, then collects once and starts counting again', () => {
    const replaced = new ReplacedText();
    const held = 2 * 5_000;
    for (let i = 0; i < 100; i++) replaced.replaced(5_000);
    assert.equal(replaced.collectIfDue(held), false, '1 MB of replaced text is left to V8');
    for (let i = 0; i < 4_000; i++) replaced.replaced(5_000);
    assert.equal(replaced.collectIfDue(held), true, 'past 32 MB a collection runs');
    assert.equal(replaced.collectIfDue(held), false, 'and the count starts again');
  });

  it('scales with what is held: a large document collects after a few of its own versions', () => {
    const replaced = new ReplacedText();
    const held = 2 * 5_000_000;
    for (let i = 0; i < 3; i++) replaced.replaced(5_000_000);
    assert.equal(replaced.collectIfDue(held), false, 'three versions of 5 MB: below four times what is held');
    replaced.replaced(5_000_000);
    assert.equal(replaced.collectIfDue(held), true);
  });

  it('collects after a large parse: its trees are garbage, small parses are left to V8', () => {
    const replaced = new ReplacedText();
    const held = 2 * 5_000;
    for (let i = 0; i < 100; i++) replaced.parsed(2_000);
    assert.equal(replaced.collectIfDue(held), false, 'a hundred keystrokes re-parsing 2 KB blocks');
    replaced.parsed(5_000_000);
    assert.equal(replaced.collectIfDue(held), true, 'the open of a 5 MB document');
    assert.equal(replaced.collectIfDue(held), false, 'and the count starts again');
  });

  it('the worker collects once its heap has grown past what the last collection left, and at least 8 MB', async () => {
    const watching = new ReplacedText({ watchHeap: true });
    const notWatching = new ReplacedText();
    assert.equal(watching.collectIfDue(0), false, 'the first reading only sets the baseline');
    assert.equal(notWatching.collectIfDue(0), false);
    // Held strings (one byte per character): sure to count when the heap is read, where garbage
    // (what the worker actually piles up) might be collected by V8 first.
    const grown = Math.max(8 * 1024 * 1024, getHeapStatistics().used_heap_size) + 8 * 1024 * 1024;
    const held: string[] = [];
    for (let bytes = 0; bytes < grown; bytes += 100_000) held.push(JSON.parse(JSON.stringify(`${held.length}`.padEnd(100_000, 'y'))) as string);
    assert.equal(notWatching.collectIfDue(0), false, 'the request thread leaves heap growth to V8');
    assert.equal(watching.collectIfDue(0), true, `heap grew by more than ${grown} bytes`);
    await watching.collected;
    assert.equal(watching.collectIfDue(0), false, 'the collection set a new baseline: what it left, the held strings included');
    assert.ok(held.length > 0);
  });

  it('frees what it was meant to free', async () => {
    const replaced = new ReplacedText();
    // A flat string on the V8 heap (repeat() builds a small tree of shared pieces; a Buffer's
    // decoding can be an external string, outside the heap).
    let text: string | undefined = JSON.parse(JSON.stringify('x'.repeat(20_000_000))) as string;
    const before = process.memoryUsage().heapUsed;
    assert.ok(before > 20_000_000 / 2);
    replaced.replaced(text.length);
    text = undefined;
    for (let i = 0; i < 2; i++) replaced.replaced(20_000_000);
    assert.equal(replaced.collectIfDue(0), true);
    await replaced.collected;
    assert.ok(process.memoryUsage().heapUsed < before - 10_000_000, `heap ${process.memoryUsage().heapUsed} after, ${before} before`);
  });
});
