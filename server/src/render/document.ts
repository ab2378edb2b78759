// The document part of the report, from the parse the analysis used: the blocks' mdast trees are
// joined into one tree (positions shifted from block-relative to document-absolute), turned into
// hast with remark-rehype, raw HTML parsed (hast-util-raw) so it can be sanitised rather than
// dropped, sanitised with GitHub's rules narrowed (schema.ts), then given data-line attributes
// for scroll sync and click-to-reveal. The cached trees are never mutated: the block cache hands
// the same trees to the next version of the document.
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { raw } from 'hast-util-raw';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Point, Position } from 'unist';
import type { LineIndex, ParsedDocument } from '../core';
import { h } from './h';
import { SANITIZE_SCHEMA } from './schema';
import { imageSource, linkHref, type UrlPolicy } from './urls';

// clobberPrefix '': the sanitiser prefixes ids itself; prefixing here too would double it and
// break footnote links (rehype-sanitize's documented pairing).
const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRawHtml)
  .use(rehypeHeadingIds)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .freeze();

/** The id prefix the sanitiser gives every id and name from the document. */
export const ID_PREFIX = 'user-content-';

/** Elements that get a data-line: those a reader would scroll to or click. */
const LINE_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'tr', 'hr', 'dl', 'dt', 'dd', 'details', 'div', 'img']);

export function renderDocument(doc: ParsedDocument, index: LineIndex, policy: UrlPolicy): Element {
  const tree = processor.runSync(documentTree(doc, index)) as HastRoot;
  finish(tree, policy);
  return h('article', { className: ['pm-document', 'markdown-body'] }, ...(tree.children.filter((c) => c.type !== 'doctype') as ElementContent[]));
}

/** One mdast root for the whole document: front matter left out (the card shows what matters). */
export function documentTree(doc: ParsedDocument, index: LineIndex): MdastRoot {
  const children: RootContent[] = [];
  for (const block of doc.blocks) {
    if (block.frontMatter) continue;
    // Blocks start at line starts, so only lines and offsets move; columns stay.
    const lines = index.position(block.start).line - 1;
    for (const child of block.data.root.children) {
      if (child.type === 'yaml') continue;
      children.push(shifted(child, block.start, lines));
    }
  }
  return { type: 'root', children };
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
  return (tree: HastRoot): HastRoot => (hasRaw(tree) ? (raw(tree) as HastRoot) : tree);
}

function hasRaw(node: HastRoot | HastContent): boolean {
  if ((node.type as string) === 'raw') return true;
  return 'children' in node && node.children.some((c) => hasRaw(c));
}

/** GitHub-style heading ids, so `[see](#timeline)` works; the sanitiser prefixes them. */
function rehypeHeadingIds() {
  return (tree: HastRoot): void => {
    const seen = new Map<string, number>();
    walk(tree, (el) => {
      if (!/^h[1-6]$/.test(el.tagName) || el.properties['id'] !== undefined) return;
      const base = slug(textOf(el)) || 'section';
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      el.properties['id'] = n === 0 ? base : `${base}-${n}`;
    });
  };
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

/** After sanitising: in-page links to the prefixed ids, link and image policy, data-line. */
function finish(tree: HastRoot, policy: UrlPolicy): void {
  const ids = new Set<string>();
  walk(tree, (el) => {
    if (typeof el.properties['id'] === 'string') ids.add(el.properties['id']);
  });
  walk(tree, (el, parent, i) => {
    const line = el.position?.start.line;
    if (line !== undefined && LINE_ELEMENTS.has(el.tagName)) el.properties['dataLine'] = line - 1;
    if (el.tagName === 'a' && typeof el.properties['href'] === 'string') fixLink(el, el.properties['href'], ids, policy);
    if (el.tagName === 'img') parent.children[i] = image(el, policy);
  });
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
