// Block-wise parsing must give the same tree as parsing the whole text: that is what makes
// re-parsing only the edited blocks correct. Property-tested over generated Markdown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FUZZ_SEED } from '../robustness/support/env';
import type { Nodes } from 'mdast';
import { BlockCache, parseDocument } from '../../server/src/core';
import { frontMatterLength, splitBlocks } from '../../server/src/core/parse/blocks';
import { treeOf } from '../../server/src/core/parse/document';
import { documentLines } from '../../server/src/core/model/doc-lines';
import { collectLines, type SourceLine } from '../../server/src/core/model/lines';
import { documentTree } from '../../server/src/render/document';
import { LineIndex } from '../../server/src/core/text/line-index';
import { parseMarkdown } from '../../server/src/core/parse/markdown';

/** A comparable outline of a tree: type, offsets and children (values of leaves too). */
function outline(node: Nodes, shift = 0): unknown {
  const n = node as Nodes & { children?: Nodes[]; value?: string };
  return [
    n.type,
    (n.position?.start.offset ?? -1) + shift,
    (n.position?.end.offset ?? -1) + shift,
    n.value ?? null,
    (n.children ?? []).map((c) => outline(c, shift)),
  ];
}

/** The top-level nodes block by block, a list parsed item by item joined again as the renderer does. */
function blockwise(text: string): unknown[] {
  // Pieces as small as they come (one list item each), so every join is exercised.
  const doc = parseDocument(text, 0);
  // The renderer leaves front matter out; the whole parse has it first.
  const frontMatter = doc.blocks[0]?.frontMatter ? treeOf(doc, doc.blocks[0]).children.map((c) => outline(c)) : [];
  return [...frontMatter, ...documentTree(doc, new LineIndex(text)).children.map((c) => outline(c))];
}

const word = fc.constantFrom('outage', 'timeline', '14:05 UTC', 'root cause', 'fix', '`code`', '**bold**', '_em_', '<b>x</b>', '[link](http://x)', '2:30 PM');
const line = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
const block = fc.oneof(
  line.map((l) => `# ${l}`),
  line.map((l) => `### ${l}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n')),
  fc.array(line, { minLength: 1, maxLength: 4 }).map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l, i) => `${i + 1}. ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- ${l}\n\n  ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `> ${l}`).join('\n')),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => '```\n' + ls.join('\n\n') + '\n```'),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => '~~~~md\n' + ls.join('\n\n# ') + '\n~~~~'),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => '<!--\n' + ls.join('\n\n') + '\n-->'),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => '<div>\n' + ls.join('\n') + '\n</div>'),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => '| a | b |\n|---|---|\n' + ls.map((l) => `| ${l} | x |`).join('\n')),
  line.map((l) => `    ${l}`),
  fc.constant('---'),
  fc.constant('***'),
  line.map((l) => `${l}\n===`),
  line.map((l) => `**${l}:**`),
  // A fence opened after a list marker: its item's end closes it, which the splitter cannot follow.
  fc.array(line, { minLength: 0, maxLength: 2 }).map((ls) => '- ```\n' + ls.map((l) => `  ${l}`).join('\n') + '\n  ```'),
  fc.constantFrom('- ```', '1. ~~~', '- <!--', '> - ```'),
);
const separator = fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n', '\n  \n');
const document = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 12 }))
  .map(([fm, parts]) => (fm ? '---\ntype: postmortem\n---\n' : '') + parts.map(([b, s]) => b + s).join(''));

describe('block-wise parsing', () => {
  it('blocks cover the text exactly, in order', () => {
    fc.assert(
      fc.property(document, (text) => {
        const blocks = splitBlocks(text);
        assert.equal(blocks[0]!.start, 0);
        assert.equal(blocks[blocks.length - 1]!.end, text.length);
        for (let i = 1; i < blocks.length; i++) assert.equal(blocks[i]!.start, blocks[i - 1]!.end);
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });

  it('gives the same tree as one whole parse', () => {
    fc.assert(
      fc.property(document, (text) => {
        // Known upstream quirk: when a document opens with "---" that never closes as front matter,
        // remark-frontmatter leaves ordered lists unable to interrupt paragraphs anywhere after it.
        // Block-wise parsing confines that to the first block, which is the CommonMark reading.
        fc.pre(!(/^---[ \t]*\r?\n/.test(text) && frontMatterLength(text) === 0));
        const whole = parseMarkdown(text).children.map((c) => outline(c));
        assert.deepEqual(blockwise(text), whole);
      }),
      { seed: FUZZ_SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  // Lists are split item by item; everything that can sit between or inside items, so the joined
  // pieces are checked against one parse of the whole list.
  const itemLine = fc.oneof(
    line.map((l) => `- ${l}`),
    line.map((l) => `* ${l}`),
    line.map((l) => `1. ${l}`),
    line.map((l) => `2) ${l}`),
    line.map((l) => `- [ ] ${l}`),
    line.map((l) => `- **14:05 UTC:** ${l}`),
    line.map((l) => `  - ${l}`),
    line.map((l) => `   ${l}`),
    line,
    fc.constantFrom('', '- - -', '* * *', '---', '-', '> quote', '# heading', '```', '    code', '<div>', '</div>', '<!--', '-->', '| a | b |', '|---|---|', '  ```', '- ```', '+ plus', '10. ten', '- <details>', '==='),
  );
  const opening = fc.constantFrom('- first', '# Title\n\n- first', 'Paragraph\n- first', '## Timeline\n', 'Paragraph', '> quote\n- first', '1. first', '```\ncode\n```\n- first');
  const listDocument = fc.tuple(opening, fc.array(itemLine, { minLength: 1, maxLength: 25 })).map(([o, ls]) => [o, ...ls].join('\n') + '\n');

  it('a list parsed item by item gives the same tree as one whole parse', () => {
    fc.assert(
      fc.property(listDocument, (text) => {
        assert.deepEqual(blockwise(text), parseMarkdown(text).children.map((c) => outline(c)));
      }),
      { seed: FUZZ_SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  /** The model's lines, field by field, from the block-wise parse and from one parse of the whole text. */
  function linesBothWays(text: string): [unknown[], unknown[]] {
    const pick = (l: SourceLine) => [l.kind, l.start, l.end, l.depth, l.containerEnd, l.paragraphEnd ?? null, l.item ? [l.start, l.item.end, l.item.listStart, l.item.checked, l.item.ordered] : null, l.cells?.map((c) => [c.start, c.end]) ?? null];
    const blockwiseLines = documentLines(parseDocument(text, 0)).map(pick);
    const wholeLines = collectLines(text, parseMarkdown(text)).map(pick);
    return [blockwiseLines, wholeLines];
  }

  it('the model reads the same lines from list pieces as from one parse of the whole text', () => {
    fc.assert(
      fc.property(fc.oneof(listDocument, document), (text) => {
        fc.pre(!(/^---[ \t]*\r?\n/.test(text) && frontMatterLength(text) === 0));
        const [pieces, whole] = linesBothWays(text);
        assert.deepEqual(pieces, whole);
      }),
      { seed: FUZZ_SEED, numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('splits a long tight list item by item, and an edit re-parses one item', () => {
    const text = '## Timeline\n\n' + Array.from({ length: 30 }, (_, i) => `- **${10 + (i >> 2)}:${String((i % 4) * 15).padStart(2, '0')} UTC:** step ${i}, the on-call engineer checked the dashboards and the queue depth again`).join('\n') + '\n';
    // Pieces of at least MIN_PIECE characters: 30 items of ~110 characters make about 8.
    assert.ok(splitBlocks(text).length >= 6, `${splitBlocks(text).length} blocks`);
    const cache = new BlockCache();
    cache.parse(text);
    const misses = cache.misses;
    cache.parse(text.replace('step 17', 'step 17 done'));
    assert.equal(cache.misses - misses, 1);
  });

  // Both found by the properties above (the first in CI): a fence or comment opened after a list
  // marker is closed by its item's end, which the splitter does not follow.
  for (const [name, text] of [
    ['an unclosed fence in the last item runs to the end of its block alone, but not in the document', '- first\n- ```\n\n# heading\n\n'],
    ['an unclosed comment in an item likewise', '- <!--\n  x\n\n# heading\n\nLast.\n'],
    ['the closing fence of a fenced item is not read as opening a fence', '- ```\n  code\n  ```\n\n```\ncode\n\n# not a heading\n```\n\nAfter.\n'],
    ['a fence in a quote ends with the quote', '> ```\n\n```\ncode\n\n# not a heading\n```\n'],
  ] as const) {
    it(name, () => {
      assert.deepEqual(blockwise(text), parseMarkdown(text).children.map((c) => outline(c)));
    });
  }

  it('an edit that opens or closes a fence in an item re-parses as far as it reaches', () => {
    const text = '## Timeline\n\n- 10:00 start\n- 10:05 ```\n\n## Impact\n\n```\nlog\n\n# inside\n```\n\nEnd.\n';
    const cache = new BlockCache(true);
    cache.parse(text);
    for (const next of [text.replace('10:05 ```', '```'), text.replace('10:05 ```', '10:05 fixed'), text.replace('10:05 ```', '```').replace('## Impact\n\n', '')]) {
      const doc = cache.parse(next);
      const pieces = documentTree(doc, new LineIndex(next)).children.map((c) => outline(c));
      assert.deepEqual(pieces, parseMarkdown(next).children.map((c) => outline(c)), JSON.stringify(next));
      cache.parse(text);
    }
  });

  it('reuses unchanged blocks after an edit', () => {
    const text = '# Title\n\nFirst paragraph.\n\n## Timeline\n\n- 10:00 start\n- 11:00 end\n\nLast paragraph.\n';
    const cache = new BlockCache();
    cache.parse(text);
    const misses = cache.misses;
    cache.parse(text.replace('First', 'Frist'));
    assert.equal(cache.misses - misses, 1, 'only the edited block is parsed again');
  });
});
