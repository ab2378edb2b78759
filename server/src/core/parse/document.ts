// One parse per document version, block by block, reusing the blocks an edit did not touch.
import type { Root } from 'mdast';
import { collectLines, type SourceLine } from '../model/lines';
import { splitBlocks } from './blocks';
import { parseMarkdown } from './markdown';

/** What one block's text parses to; offsets are relative to the block, so it can be reused anywhere. */
export interface BlockData {
  root: Root;
  lines: SourceLine[];
  /** Per-line memo of derived facts (label, leading time...), filled lazily by the model. */
  memo: Map<string, unknown>[];
}

export interface ParsedBlock {
  start: number;
  end: number;
  text: string;
  frontMatter: boolean;
  data: BlockData;
}

export interface ParsedDocument {
  text: string;
  blocks: ParsedBlock[];
}

/**
 * Keeps the parsed blocks of a document's previous version. Each parse swaps in the blocks the
 * new version uses, so memory stays proportional to one version of the document.
 */
export class BlockCache {
  private blocks = new Map<string, BlockData>();
  hits = 0;
  misses = 0;

  /** Parses `text` into blocks, reusing cached ones. */
  parse(text: string): ParsedDocument {
    const next = new Map<string, BlockData>();
    // A leading byte order mark stays outside every block: micromark drops it and counts offsets
    // from after it, which shifted every range (and every fix) of a BOM file one unit left.
    const skip = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const blocks = splitBlocks(skip ? text.slice(skip) : text).map((split, index) => {
      const b = { start: split.start + skip, end: split.end + skip, frontMatter: split.frontMatter };
      const blockText = text.slice(b.start, b.end);
      // The first block parses with front matter; the key keeps the two kinds apart.
      const key = index === 0 ? '\u0000' + blockText : blockText;
      let data = next.get(key) ?? this.blocks.get(key);
      if (data) this.hits++;
      else {
        this.misses++;
        data = parseBlock(blockText, index === 0);
      }
      next.set(key, data);
      return { start: b.start, end: b.end, text: blockText, frontMatter: b.frontMatter === true, data };
    });
    this.blocks = next;
    return { text, blocks };
  }
}

function parseBlock(text: string, atDocumentStart: boolean): BlockData {
  const root = parseMarkdown(text, atDocumentStart);
  const lines = collectLines(text, root);
  return { root, lines, memo: lines.map(() => new Map()) };
}

/** A one-off parse with no reuse (the CLI, tests). */
export function parseDocument(text: string): ParsedDocument {
  return new BlockCache().parse(text);
}
