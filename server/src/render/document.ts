// The document part of the report, from the parse the analysis used: the blocks' mdast trees are
// joined into one tree (positions shifted from block-relative to document-absolute), turned into
// hast with remark-rehype, raw HTML parsed (hast-util-raw) so it can be sanitised rather than
// dropped, sanitised with GitHub's rules narrowed (schema.ts), then given heading ids and
// data-line attributes (scroll sync, click-to-reveal). Ours are added after sanitising, so the
// document cannot forge them. The cached trees are never mutated: the block cache hands the same
// trees to the next version of the document.
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { List, Root as MdastRoot, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import type { LineIndex } from '../core';
import { joinsPrevious, treeOf, type ParsedDocument } from '../core/parse/document';
import { h } from './h';
import { resolveReferences } from './references';
import { SANITIZE_SCHEMA } from './schema';
import { imageSource, linkHref, type UrlPolicy } from './urls';

// clobberPrefix '': the sanitiser prefixes ids itself; prefixing here too would double it and
// break footnote links (rehype-sanitize's documented pairing).
const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRawHtml)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .freeze();

/** The id prefix the sanitiser gives every id and name from the document. */
export const ID_PREFIX = 'user-content-';

/** Elements that get a data-line: those a reader would scroll to or click. */
const LINE_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'tr', 'hr', 'dl', 'dt', 'dd', 'details', 'div', 'img']);

export function renderDocument(doc: ParsedDocument, index: LineIndex, policy: UrlPolicy): Element {
  const mdast = documentTree(doc, index);
  resolveReferences(mdast);
  // The file gives hast-util-raw what it needs to keep positions (hence data-line) through its re-parse.
  const tree = processor.runSync(mdast, new VFile(doc.text)) as HastRoot;
  finish(tree, policy);
  return h('article', { className: ['pm-document', 'markdown-body'] }, ...(tree.children.filter((c) => c.type !== 'doctype') as ElementContent[]));
}

/** One mdast root for the whole document: front matter left out (the card shows what matters). */
export function documentTree(doc: ParsedDocument, index: LineIndex): MdastRoot {
  const children: RootContent[] = [];
  doc.blocks.forEach((block, k) => {
    if (block.frontMatter) return;
    // Blocks start at line starts, so only lines and offsets move; columns stay.
    const lines = index.position(block.start).line - 1;
    const own = treeOf(doc, block).children.filter((c) => c.type !== 'yaml').map((c) => shifted(c, block.start, lines));
    // A long list is parsed item by item (core/parse/blocks.ts): its pieces become one list again.
    if (joinsPrevious(doc.blocks[k - 1], block) && own[0]?.type === 'list' && children[children.length - 1]?.type === 'list') {
      joinList(doc.text, children[children.length - 1] as List, own.shift() as List);
    }
    // One by one: a block can hold very many top-level nodes (spreading them could overflow the stack).
    for (const node of own) children.push(node);
  });
  return { type: 'root', children };
}

/** Appends `piece`'s items to `list`; the list is loose if any item is, or a blank line parts two. */
function joinList(text: string, list: List, piece: List): void {
  const gap = text.slice(list.position?.end.offset ?? 0, piece.position?.start.offset ?? 0);
  for (const item of piece.children) list.children.push(item);
  if (list.position && piece.position) list.position = { start: list.position.start, end: piece.position.end };
  if (piece.spread || /\n[ \t]*\r?\n/.test(gap)) list.spread = true;
}

function shiftPoint(p: Point, offset: number, lines: number): Point {
  return { line: p.line + lines, column: p.column, ...(p.offset !== undefined ? { offset: p.offset + offset } : {}) };
}

/** A copy of `node` and its descendants with absolute positions; the original stays untouched. */
function shifted<T extends RootContent>(node: T, offset: number, lines: number): T {
  const copy = { ...node } as T & { position?: Position; children?: RootContent[] };
  if (node.position) copy.position = { start: shiftPoint(node.position.start, offset, lines), end: shiftPoint(node.position.end, offset, lines) };
  if ('children' in node) copy.children = (node.children as RootContent[]).map((c) => shifted(c, offset, lines));
  return copy;
}

/** Raw HTML becomes real elements, so the sanitiser can keep `<kbd>` or `<details>` and drop `<script>`. */
function rehypeRawHtml() {
  return (tree: HastRoot, file: VFile): HastRoot => (hasRaw(tree) ? (raw(tree, { file }) as HastRoot) : tree);
}

function hasRaw(node: HastRoot | HastContent): boolean {
  if ((node.type as string) === 'raw') return true;
  return 'children' in node && node.children.some((c) => hasRaw(c));
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

export function textOf(node: HastRoot | HastContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

export function walk(node: HastRoot | Element, visit: (el: Element, parent: HastRoot | Element, index: number) => void): void {
  node.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    visit(child, node, i);
    walk(child, visit);
  });
}

/** After sanitising: heading ids, in-page links to the prefixed ids, link and image policy, data-line. */
function finish(tree: HastRoot, policy: UrlPolicy): void {
  const ids = new Set<string>();
  walk(tree, (el) => {
    if (typeof el.properties['id'] === 'string') ids.add(el.properties['id']);
  });
  // GitHub-style heading ids (from the sanitised text), so `[see](#timeline)` works.
  walk(tree, (el) => {
    if (!/^h[1-6]$/.test(el.tagName) || el.properties['id'] !== undefined) return;
    const base = slug(textOf(el)) || 'section';
    let id = `${ID_PREFIX}${base}`;
    for (let n = 1; ids.has(id); n++) id = `${ID_PREFIX}${base}-${n}`;
    ids.add(id);
    el.properties['id'] = id;
  });
  const tasks = taskCheckboxes(tree);
  walk(tree, (el, parent, i) => {
    const line = el.position?.start.line;
    if (line !== undefined && LINE_ELEMENTS.has(el.tagName)) el.properties['dataLine'] = line - 1;
    if (el.tagName === 'a' && typeof el.properties['href'] === 'string') fixLink(el, el.properties['href'], ids, policy);
    if (el.tagName === 'img') parent.children[i] = image(el, policy);
    // Only task-list checkboxes are inputs we mean; the schema turns any raw <input> into one.
    if (el.tagName === 'input' && !tasks.has(el)) parent.children[i] = { type: 'text', value: '' };
  });
}

/** The checkbox of each task-list item (directly in the item, or in its first paragraph when loose). */
function taskCheckboxes(tree: HastRoot): Set<Element> {
  const boxes = new Set<Element>();
  walk(tree, (el) => {
    const classes = el.properties['className'];
    if (el.tagName !== 'li' || !Array.isArray(classes) || !classes.includes('task-list-item')) return;
    const first = el.children.find((c): c is Element => c.type === 'element');
    const box = first?.tagName === 'input' ? first : first?.tagName === 'p' ? first.children.find((c): c is Element => c.type === 'element') : undefined;
    if (box?.tagName === 'input') boxes.add(box);
  });
  return boxes;
}

function fixLink(el: Element, href: string, ids: Set<string>, policy: UrlPolicy): void {
  if (href.startsWith('#')) {
    let id = href.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: keep the fragment as written.
    }
    if (ids.has(ID_PREFIX + id)) el.properties['href'] = `#${ID_PREFIX}${id}`;
    return;
  }
  const kept = linkHref(href, policy);
  if (kept === undefined) delete el.properties['href'];
  else el.properties['href'] = kept;
}

function image(el: Element, policy: UrlPolicy): Element {
  const src = typeof el.properties['src'] === 'string' ? el.properties['src'] : '';
  const alt = typeof el.properties['alt'] === 'string' && el.properties['alt'].trim() !== '' ? el.properties['alt'] : 'image';
  const decided = imageSource(src, policy);
  const line = el.properties['dataLine'];
  switch (decided.kind) {
    case 'load':
      el.properties['src'] = decided.src;
      el.properties['loading'] = 'lazy';
      return el;
    case 'link':
      return h('a', { href: decided.href, className: ['pm-image-link'], title: 'Remote image, not loaded in this report', dataLine: line }, `Image: ${alt}`);
    case 'drop':
      return h('span', { className: ['pm-image-link'], title: 'Image not shown: its address is not allowed', dataLine: line }, `Image: ${alt}`);
  }
}
