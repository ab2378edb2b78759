// One parse per document version, block by block, reusing the blocks an edit did not touch.
import type { Root, RootContent } from 'mdast';
import { newLineMemo, type LineMemo } from '../model/line-memo';
import { collectLines, type SourceLine } from '../model/lines';
import { markerAt, MIN_PIECE, opensFrontMatter, splitFrom, touchesDashLine, type Block } from './blocks';
import { parseMarkdown } from './markdown';
import { RecycledArrays } from './recycle';

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
  /**
   * Its last node runs to the end of its text, line break included: only an unclosed fenced code or
   * raw HTML block does that (see mergeRunningOpen).
   */
  runsOpen: boolean;
  /** The text of the block's YAML front matter node, if it opens with one. */
  yaml?: string;
  /** The list the block opens with (at its first character), and the list it ends with: how list pieces join. */
  firstList?: BlockList;
  lastList?: BlockList;
  lines: SourceLine[];
  /** Per-line memo of derived facts (label, leading time...), filled lazily by the model. */
  memo: LineMemo[];
  /** The model's lines made from this block last time (model/doc-lines.ts), reused when it is. */
  docLines?: unknown;
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
  /** Arrays the model of this version overwrites from the one before (recycle.ts). */
  recycled: RecycledArrays;
}

/** The previous version a BlockCache parsed: what an edit is compared with. */
interface Previous {
  /** The text without its byte order mark. */
  body: string;
  skip: number;
  blocks: ParsedBlock[];
}

/**
 * Keeps the parsed blocks of a document's previous version. Each parse compares the new text with
 * the previous one: blocks before the first changed character are kept as they are, blocks after
 * the last one are kept and moved, and only the stretch between is split and looked up again (a
 * block whose text was already there is reused, else parsed). So a keystroke costs the blocks it
 * touched plus a pass over the list of blocks, not a pass over the text; memory stays one version.
 */
export class BlockCache {
  private previous: Previous | undefined;
  private readonly recycled = new RecycledArrays();
  hits = 0;
  misses = 0;
  /** Characters parsed (not reused) so far: a parse leaves garbage in proportion (analysis-worker.ts). */
  parsedChars = 0;

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
    // A leading byte order mark stays outside every block: micromark drops it and counts offsets
    // from after it, which shifted every range (and every fix) of a BOM file one unit left.
    const skip = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const body = skip ? text.slice(skip) : text;
    const previous = this.previous?.skip === skip ? this.previous : undefined;
    const blocks = previous ? this.reparse(text, body, skip, previous) : this.parseAll(text, body, skip);
    this.previous = { body, skip, blocks };
    return { text, blocks, keepTrees: this.keepTrees, recycled: this.recycled };
  }

  /** `known`: block data by text (see lookUp), to reuse. */
  private parseAll(text: string, body: string, skip: number, known = new Map<string, BlockData>()): ParsedBlock[] {
    // Equal blocks of one version share their data.
    const blocks = this.lookUp(text, skip, splitFrom(body, this.minPiece).blocks, 0, known);
    this.mergeRunningOpen(text, blocks, 0, blocks.length);
    return blocks;
  }

  /** Only the stretch an edit changed is split again; see the class comment. */
  private reparse(text: string, body: string, skip: number, previous: Previous): ParsedBlock[] {
    const old = previous.blocks;
    const prefix = commonPrefix(previous.body, body);
    const suffix = commonSuffix(previous.body, body, prefix);
    const delta = body.length - previous.body.length;
    if (prefix === body.length && delta === 0) {
      this.hits += old.length;
      return old;
    }
    const changedEnd = body.length - suffix;
    // A "---" at the top that nothing closed becomes front matter when a closing line appears
    // anywhere below it, which turns every block in between into front matter: split it all again.
    if (!old[0]?.frontMatter && opensFrontMatter(body) && touchesDashLine(body, prefix, changedEnd)) {
      return this.parseAll(text, body, skip, new Map(old.map((b, i) => [(i === 0 ? '\u0000' : '') + previous.body.slice(b.start - skip, b.end - skip), b.data])));
    }
    // Resume at the last block whose first line (line break included) lies before the change: its
    // boundary and everything above it stand. Block 0 (front matter is only ever block 0) resumes
    // from the top.
    let k = lastStartingAtOrBefore(old, prefix + skip);
    if (k > 0 && !/[\r\n]/.test(previous.body.slice(old[k]!.start - skip, prefix))) k--;
    const resume = k > 0 ? { offset: old[k]!.start - skip, continuesList: old[k]!.continuesList } : undefined;
    if (k < 0) k = 0;
    let rejoin = -1;
    const { blocks: split } = splitFrom(body, this.minPiece, resume, (offset, continuesList) => {
      if (offset < changedEnd) return false;
      const j = lastStartingAtOrBefore(old, offset - delta + skip);
      if (j < 0 || old[j]!.start !== offset - delta + skip || old[j]!.continuesList !== continuesList || old[j]!.frontMatter) return false;
      // A block is parsed as the first one or not (front matter in view: an unclosed "---" reads
      // differently at the start), so it is reused only in the same place: not moved down by an
      // edit above it, nor up to the top by a deletion of everything before it.
      if (old[j]!.data.atStart !== (offset === 0)) return false;
      rejoin = j;
      return true;
    });
    // Blocks the edit replaced, by text: a block that only moved (an edit that split or merged its neighbours) is reused.
    const replaced = new Map<string, BlockData>();
    for (let i = k; i < (rejoin < 0 ? old.length : rejoin); i++) {
      const oldText = previous.body.slice(old[i]!.start - skip, old[i]!.end - skip);
      replaced.set(i === 0 ? '\u0000' + oldText : oldText, old[i]!.data);
    }
    const looked = this.lookUp(text, skip, split, k, replaced);
    const moved = rejoin >= 0 ? old.length - rejoin : 0;
    // Filled by index at its final size (see FRESH_MEMORY in model/doc-lines.ts).
    const out = new Array<ParsedBlock>(k + looked.length + moved);
    let n = 0;
    for (let j = 0; j < k; j++) out[n++] = old[j]!;
    this.hits += k;
    for (const b of looked) out[n++] = b;
    // The blocks after the edit are moved in place (the previous version's list is not read again:
    // this.previous is replaced below), not copied: ~12,000 new objects a keystroke at 5 MB.
    for (let j = rejoin; j >= 0 && j < old.length; j++) {
      const b = old[j]!;
      b.start += delta;
      b.end += delta;
      out[n++] = b;
    }
    this.hits += moved;
    // The moved blocks were checked when they were parsed; a looked-up one may take them in.
    this.mergeRunningOpen(text, out, k, k + looked.length);
    return out;
  }

  /**
   * The splitter's safety net. A block boundary is wrong only where something open at the end of
   * the block above goes on past it in the whole document: a fenced code or raw HTML block the
   * splitter did not see open (one opened after a list marker, "- ```", which its item's end
   * closes, not a closing fence, and which the splitter therefore cannot follow line by line).
   * Parsed alone, such a block runs to the end of the text, blank lines included, where the whole
   * document ends it earlier or later. Such a block is merged with the next one and parsed again,
   * until it closes or the document ends. Blocks in [from, to) are checked; merging one changes
   * `blocks` in place.
   */
  private mergeRunningOpen(text: string, blocks: ParsedBlock[], from: number, to: number): void {
    let i = from;
    let end = to;
    while (i < end && i + 1 < blocks.length) {
      const block = blocks[i]!;
      if (!block.data.runsOpen || block.frontMatter) {
        i++;
        continue;
      }
      const next = blocks[i + 1]!;
      this.misses++;
      this.parsedChars += next.end - block.start;
      const data = parseBlock(text.slice(block.start, next.end), block.data.atStart, this.keepTrees);
      blocks.splice(i, 2, { start: block.start, end: next.end, frontMatter: false, continuesList: block.continuesList, data });
      // The merged block is checked again; the stretch to check lost the block it took in.
      if (i + 1 < end) end--;
    }
  }

  /** Blocks of a split (offsets in the text without its BOM) with their data: known by text, else parsed. */
  private lookUp(text: string, skip: number, split: readonly Block[], firstIndex: number, known: Map<string, BlockData>): ParsedBlock[] {
    return split.map((b, i) => {
      const start = b.start + skip;
      const end = b.end + skip;
      const blockText = text.slice(start, end);
      const atStart = firstIndex + i === 0;
      // The first block parses with front matter; the key keeps the two kinds apart.
      const key = atStart ? '\u0000' + blockText : blockText;
      let data = known.get(key);
      if (data) this.hits++;
      else {
        this.misses++;
        this.parsedChars += blockText.length;
        data = parseBlock(blockText, atStart, this.keepTrees);
        known.set(key, data);
      }
      return { start, end, frontMatter: b.frontMatter === true, continuesList: b.continuesList === true, data };
    });
  }
}

/** Compares in slices (string equality runs at memory speed), then narrows down by character. */
const CHUNK = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end of `a` and `b`, not reaching into the first `prefix` characters of either. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n + CHUNK <= max && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Index of the last block starting at or before `offset` (-1 if none). */
function lastStartingAtOrBefore(blocks: readonly ParsedBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A task box at the end of its line ("- [ ]" with the item's words on the next line). There the
 * task-list extension starts the item's paragraph on the box's line or the next one depending on
 * whether the next line opens with plain text or formatting ("**09:00**"), which only a parse with
 * inline constructs knows; such a block is parsed in full.
 */
const TASK_BOX_AT_LINE_END = /\[[ xX]\][ \t]*[\r\n]/;

function parseBlock(text: string, atStart: boolean, keepTree: boolean): BlockData {
  // A tree that is kept is for the preview, which renders inline formatting; the model alone needs
  // only the block structure (markdown.ts).
  const content = keepTree || TASK_BOX_AT_LINE_END.test(text) ? 'full' : 'blocks';
  const root = parseMarkdown(text, atStart, content);
  const lines = collectLines(text, root);
  const first = root.children[0];
  const last = root.children[root.children.length - 1];
  const lastChar = text.charCodeAt(text.length - 1);
  const runsOpen = last?.position?.end.offset === text.length && (lastChar === 10 || lastChar === 13);
  const data: BlockData = { atStart, runsOpen, lines, memo: lines.map(newLineMemo) };
  if (keepTree) data.root = root;
  if (first?.type === 'yaml') data.yaml = first.value;
  const opening = first?.type === 'list' ? listOf(text, first) : undefined;
  if (opening && opening.start === 0) data.firstList = opening;
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
  const root = parseMarkdown(doc.text.slice(block.start, block.end), block.data.atStart, 'full');
  if (doc.keepTrees) block.data.root = root;
  return root;
}

/** A one-off parse with no reuse (the CLI, tests). */
export function parseDocument(text: string, minPiece = MIN_PIECE): ParsedDocument {
  return new BlockCache(false, minPiece).parse(text);
}
