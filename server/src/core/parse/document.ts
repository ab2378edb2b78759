// One parse per document version, block by block, reusing the blocks an edit did not touch.
import type { Root, RootContent } from 'mdast';
import { collectLines, type SourceLine } from '../model/lines';
import { markerAt, MIN_PIECE, splitBlocks } from './blocks';
import { parseMarkdown } from './markdown';

/** What one block's text parses to; offsets are relative to the block, so it can be reused anywhere. */
export interface BlockData {
  /**
   * The mdast tree, kept only when the cache keeps trees (a preview is open): the model needs
   * nothing but the lines, and trees are most of the memory (a 5 MB document's took hundreds of
   * MB, and every collection of them slowed each keystroke). `treeOf` parses again on demand.
   */
  root?: Root;
  /** Parsed as the document's first block (with front matter). */
  atStart: boolean;
  /** The text of the block's YAML front matter node, if it opens with one. */
  yaml?: string;
  /** The list the block opens with (at its first character), and the list it ends with: how list pieces join. */
  firstList?: BlockList;
  lastList?: BlockList;
  lines: SourceLine[];
  /** Per-line memo of derived facts (label, leading time...), filled lazily by the model. */
  memo: Map<string, unknown>[];
}

/** A top-level list of a block: its marker ("-", "*", "+", "." or ")") and where it lies in the block. */
export interface BlockList {
  marker: string;
  start: number;
  end: number;
}

export interface ParsedBlock {
  start: number;
  end: number;
  text: string;
  frontMatter: boolean;
  /** Starts at an item of the list the block before ends with (see blocks.ts). */
  continuesList: boolean;
  data: BlockData;
}

export interface ParsedDocument {
  text: string;
  blocks: ParsedBlock[];
  /** Trees parsed again by treeOf are kept in their blocks (the cache keeps trees). */
  keepTrees: boolean;
}

/**
 * Keeps the parsed blocks of a document's previous version. Each parse swaps in the blocks the
 * new version uses, so memory stays proportional to one version of the document.
 */
export class BlockCache {
  private blocks = new Map<string, BlockData>();
  hits = 0;
  misses = 0;

  /**
   * `keepTrees`: keep each block's tree (for rendering); without it only lines are kept.
   * `minPiece`: the size from which a list is split at an item (blocks.ts; tests lower it).
   */
  constructor(
    public keepTrees = false,
    private readonly minPiece = MIN_PIECE,
  ) {}

  /** Parses `text` into blocks, reusing cached ones. */
  parse(text: string): ParsedDocument {
    const next = new Map<string, BlockData>();
    // A leading byte order mark stays outside every block: micromark drops it and counts offsets
    // from after it, which shifted every range (and every fix) of a BOM file one unit left.
    const skip = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const blocks = splitBlocks(skip ? text.slice(skip) : text, this.minPiece).map((split, index) => {
      const b = { start: split.start + skip, end: split.end + skip, frontMatter: split.frontMatter };
      const blockText = text.slice(b.start, b.end);
      // The first block parses with front matter; the key keeps the two kinds apart.
      const key = index === 0 ? '\u0000' + blockText : blockText;
      let data = next.get(key) ?? this.blocks.get(key);
      if (data) this.hits++;
      else {
        this.misses++;
        data = parseBlock(blockText, index === 0, this.keepTrees);
      }
      next.set(key, data);
      return { start: b.start, end: b.end, text: blockText, frontMatter: b.frontMatter === true, continuesList: split.continuesList === true, data };
    });
    this.blocks = next;
    return { text, blocks, keepTrees: this.keepTrees };
  }
}

function parseBlock(text: string, atStart: boolean, keepTree: boolean): BlockData {
  const root = parseMarkdown(text, atStart);
  const lines = collectLines(text, root);
  const first = root.children[0];
  const data: BlockData = { atStart, lines, memo: lines.map(() => new Map()) };
  if (keepTree) data.root = root;
  if (first?.type === 'yaml') data.yaml = first.value;
  const opening = first?.type === 'list' ? listOf(text, first) : undefined;
  if (opening && opening.start === 0) data.firstList = opening;
  const last = root.children[root.children.length - 1];
  const closing = last?.type === 'list' ? listOf(text, last) : undefined;
  if (closing) data.lastList = closing;
  return data;
}

function listOf(text: string, node: RootContent): BlockList | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return { marker: markerAt(text, start), start, end };
}

/** Whether `block` starts with an item of the list the block before it ends with: the two are one list. */
export function joinsPrevious(previous: ParsedBlock | undefined, block: ParsedBlock): boolean {
  if (!block.continuesList || !previous || previous.end !== block.start) return false;
  const last = previous.data.lastList;
  const first = block.data.firstList;
  return last !== undefined && first !== undefined && last.marker !== '' && last.marker === first.marker;
}

/**
 * The block's mdast tree: the kept one, else parsed again from its text (and kept from then on
 * when the cache keeps trees). Offsets are relative to the block, like its lines.
 */
export function treeOf(doc: ParsedDocument, block: ParsedBlock): Root {
  if (block.data.root) return block.data.root;
  const root = parseMarkdown(block.text, block.data.atStart);
  if (doc.keepTrees) block.data.root = root;
  return root;
}

/** A one-off parse with no reuse (the CLI, tests). */
export function parseDocument(text: string, minPiece = MIN_PIECE): ParsedDocument {
  return new BlockCache(false, minPiece).parse(text);
}
