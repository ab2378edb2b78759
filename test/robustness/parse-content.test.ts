// The analysis parses without inline constructs (parse/markdown.ts, 'blocks'), the preview with all
// of them ('full'). That is sound only while inline constructs never change what the model reads:
// the blocks, their lines (kinds, ranges, list items and task boxes, table cells), whether a block
// runs open, its front matter and the lists it starts and ends with. These properties compare the
// two on generated postmortems, Markdown soup, soup rich in inline syntax, and every fixture.
// FUZZ_SEED / FUZZ_RUNS: see support/env.ts.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BlockCache, type ParsedDocument } from '../../server/src/core/parse/document';
import { fcParams, FUZZ_RUNS, FUZZ_SEED } from './support/env';
import { mixedArb, postmortemArb, soupArb } from './support/generators';

/** What the model reads of each block. */
function readable(doc: ParsedDocument) {
  return doc.blocks.map(({ start, end, frontMatter, continuesList, data }) => ({
    start,
    end,
    frontMatter,
    continuesList,
    lines: data.lines,
    runsOpen: data.runsOpen,
    yaml: data.yaml,
    firstList: data.firstList,
    lastList: data.lastList,
  }));
}

/** The analysis' parse (no trees kept: block structure only) against the preview's (full). */
function assertSameStructure(text: string): void {
  const analysis = new BlockCache(false).parse(text);
  const preview = new BlockCache(true).parse(text);
  assert.deepEqual(readable(analysis), readable(preview));
}

/** Pieces of inline syntax, and the block syntax they sit among. */
const INLINE_SOUP = [
  '[', ']', '(', ')', '[x]: /u', '[x]', '![a](b)', '<http://a.b>', '<b>', '</b>', '<!--', '-->', '&amp;', '&#123;', '&bogus;', '\\', '\\|', '`', '``',
  '`a|b`', '*', '**', '_', '__', '~', '~~', 'www.example.com', 'https://x.y/z', 'a@b.co', '[^1]', '[^1]: note', '|', '| a | b |', '|---|---|',
  '- [ ] ', '- [x] ', '* ', '1. ', '> ', '#', '## ', '---', '===', '```', '~~~', '    ', '  ', ' ', '\t', '\n', '\n', '\n\n', '\r\n', 'word', '14:00 UTC',
];
const inlineSoupArb = fc.array(fc.constantFrom(...INLINE_SOUP), { maxLength: 300 }).map((parts) => parts.join(''));

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

describe(`the analysis parse reads what a full parse reads (FUZZ_SEED=${FUZZ_SEED}, FUZZ_RUNS=${FUZZ_RUNS})`, () => {
  it('on generated postmortems', () => {
    fc.assert(fc.property(postmortemArb, assertSameStructure), fcParams());
  });

  it('on Markdown soup, plain and spliced into postmortems', () => {
    fc.assert(fc.property(fc.oneof(soupArb, mixedArb), assertSameStructure), fcParams(2));
  });

  it('on soup rich in inline syntax (links, code spans, escapes, entities, autolinks, footnotes)', () => {
    fc.assert(fc.property(inlineSoupArb, assertSameStructure), fcParams(4));
  });

  it('on every fixture and example postmortem', () => {
    const root = join(__dirname, '..', '..');
    const files = [...markdownFiles(join(root, 'test')), ...markdownFiles(join(root, 'examples'))];
    assert.ok(files.length > 50, `found ${files.length} Markdown files`);
    for (const file of files) {
      try {
        assertSameStructure(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`);
      }
    }
  });
});
