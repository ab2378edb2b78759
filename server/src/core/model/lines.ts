// Flattens a parsed block into the lines the model reasons about. Real postmortems put sections,
// fields and timeline entries on headings, bold lines, list items, table rows, lines of one long
// paragraph and even raw HTML, so everything downstream works on these lines, not on node types.

import type { Nodes, Root, TableRow } from 'mdast';
import type { TextRange } from '../types';
import { isRawHtmlBlock } from '../parse/blocks';
import { snapOffset } from '../text/boundaries';

export type LineKind =
  /** An ATX or setext heading. */
  | 'heading'
  /** The first line of a list item. */
  | 'list-item'
  /** Any other line of a paragraph (including list items' later lines). */
  | 'text'
  /** A table row (header rows included). */
  | 'table-row'
  /** A line of a raw HTML block. */
  | 'html'
  /** A line of an indented code block: often a title or entry indented by accident. */
  | 'indented';

/**
 * A list item whose first line this is. The item starts where its line does, so only its end is
 * kept (a range object per item, twice with the model's copy, was ~4 MB at 5 MB: issue 7).
 */
export interface ListItemInfo {
  /** End of the whole item, nested content included. */
  end: number;
  /** A task's box: checked, unchecked, or not a task (null). */
  checked: boolean | null;
  ordered: boolean;
  /** Where the item's list starts. */
  listStart: number;
}

export interface SourceLine extends TextRange {
  kind: LineKind;
  /** Heading depth (1-6), or list nesting depth (1 = top level) for list items, else 0. */
  depth: number;
  /** For list items: the whole item (nested content included) and whether it is a task. */
  item?: ListItemInfo;
  /** For table rows: each cell's content range, and whether this is the header row. */
  cells?: TextRange[];
  header?: boolean;
  /** For the first line of a paragraph or item: where that paragraph ends. */
  paragraphEnd?: number;
  /** Where the enclosing top-level node ends, for extents of entries. */
  containerEnd: number;
  /**
   * A line of an HTML comment, <script>, <pre>, <style> or <textarea> block: hidden or verbatim
   * by intent. Lines of other HTML blocks may be Markdown the block swallowed (labels.ts).
   */
  rawHtml?: boolean;
}

function offsets(node: Nodes): TextRange | undefined {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? undefined : { start: s, end: e };
}

/** Splits [start, end) of `text` into line ranges (without line breaks). */
function splitLines(text: string, from: number, end: number): TextRange[] {
  // micromark starts the paragraph of "- [ ]\r\n…" (a task box with nothing after it) between the
  // CR and the LF; from there the item's line would end inside the line break. Start on the CR.
  const start = snapOffset(text, from, 'back');
  const out: TextRange[] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push({ start: s, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      s = i + 1;
    }
  }
  if (s < end) out.push({ start: s, end });
  return out;
}

/** A node waiting to be read, with what it inherits from its containers. */
interface Visit {
  node: Nodes;
  listDepth: number;
  containerEnd: number;
  list?: { ordered: boolean; start: number };
}

/** Queues children so they are read next, in source order. */
function later(stack: Visit[], children: readonly Nodes[], listDepth: number, containerEnd: number): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, listDepth, containerEnd });
}

/**
 * Lines of a block, in source order. `text` is the block's own text (offsets are relative to it).
 * An explicit stack instead of recursion: 5,000 nested block quotes must not exhaust the call stack.
 */
export function collectLines(text: string, root: Root): SourceLine[] {
  const out: SourceLine[] = [];
  const stack: Visit[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) {
    const child = root.children[i]!;
    const r = offsets(child);
    if (r) stack.push({ node: child, listDepth: 0, containerEnd: r.end });
  }
  while (stack.length > 0) visit(text, stack.pop()!, out, stack);
  return out;
}

function visit(text: string, { node, listDepth, containerEnd, list }: Visit, out: SourceLine[], stack: Visit[]): void {
  const r = offsets(node);
  if (!r) return;
  switch (node.type) {
    case 'heading':
      out.push({ ...r, kind: 'heading', depth: node.depth, containerEnd });
      return;
    case 'paragraph': {
      const lines = splitLines(text, r.start, r.end);
      lines.forEach((line, i) => {
        out.push({ ...line, kind: 'text', depth: 0, containerEnd, ...(i === 0 ? { paragraphEnd: r.end } : {}) });
      });
      return;
    }
    case 'list':
      for (let i = node.children.length - 1; i >= 0; i--) {
        stack.push({ node: node.children[i]!, listDepth, containerEnd, list: { ordered: node.ordered ?? false, start: r.start } });
      }
      return;
    case 'listItem': {
      const first = node.children[0];
      const firstRange = first ? offsets(first) : undefined;
      const itemInfo: ListItemInfo = { end: r.end, checked: node.checked ?? null, ordered: list?.ordered ?? false, listStart: list?.start ?? r.start };
      if (first && firstRange && first.type === 'paragraph') {
        const lines = splitLines(text, firstRange.start, firstRange.end);
        // The item's line starts at its marker, so fixes and ranges cover the whole entry.
        lines.forEach((line, i) => {
          if (i === 0) {
            out.push({ start: r.start, end: line.end, kind: 'list-item', depth: listDepth + 1, item: itemInfo, paragraphEnd: firstRange.end, containerEnd });
          } else out.push({ ...line, kind: 'text', depth: 0, containerEnd });
        });
        later(stack, node.children.slice(1), listDepth + 1, containerEnd);
      } else {
        // An empty item or one starting with another block: record the marker line alone, up to
        // where that block starts. "- - - x" nests three lists on one line: each item's line ran
        // to the line's end, so n levels gave n overlapping lines, O(n^2) text for every rule
        // that reads lines (3,000 levels, 6 KB, took 600 ms); each line also repeated the entry.
        const stop = firstRange ? Math.min(firstRange.start, r.end) : r.end;
        let lineEnd = r.start;
        while (lineEnd < stop && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
        out.push({ start: r.start, end: lineEnd, kind: 'list-item', depth: listDepth + 1, item: itemInfo, containerEnd });
        later(stack, node.children, listDepth + 1, containerEnd);
      }
      return;
    }
    case 'table':
      node.children.forEach((row: TableRow, i: number) => {
        const rr = offsets(row);
        if (!rr) return;
        const cells = row.children.map((c) => offsets(c)).filter((c): c is TextRange => c !== undefined);
        out.push({ ...rr, kind: 'table-row', depth: 0, cells, header: i === 0, containerEnd });
      });
      return;
    case 'html': {
      const raw = isRawHtmlBlock(node.value);
      for (const line of splitLines(text, r.start, r.end)) out.push({ ...line, kind: 'html', depth: 0, containerEnd, ...(raw ? { rawHtml: true } : {}) });
      return;
    }
    case 'code': {
      // Fenced code is code; an indented block is usually text that was indented by accident
      // ("centered" titles, tab-indented timelines), so its lines are offered to the model.
      const first = text.slice(r.start, Math.min(r.end, r.start + 8)).trimStart();
      if (first.startsWith('```') || first.startsWith('~~~')) return;
      for (const line of splitLines(text, r.start, r.end)) out.push({ ...line, kind: 'indented', depth: 0, containerEnd });
      return;
    }
    case 'blockquote':
      later(stack, node.children, listDepth, containerEnd);
      return;
    default:
      // Code, front matter, thematic breaks, definitions: nothing a postmortem states.
      return;
  }
}
