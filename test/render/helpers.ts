// Shared by the renderer tests: render a fixture the way the worker and the CLI do (one parse,
// the analysis's own block trees), and read the HTML back with a real HTML parser
// (hast-util-from-html, parse5 underneath) so assertions are about the DOM a browser builds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { analyze, BlockCache, type Analysis } from '../../server/src/core';
import type { ParsedDocument } from '../../server/src/core/parse/document';
import { renderBody, renderStandalone, type RenderOptions } from '../../server/src/render';

export const ROOT = join(__dirname, '..', '..');
export const RENDER_FIXTURES = join(ROOT, 'test', 'fixtures', 'render');
export const RULE_FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');
export const EXAMPLES = join(ROOT, 'examples', 'postmortems');

/** "Today" for every test, so overdue marks do not change with the calendar. */
export const NOW = new Date('2024-06-10T12:00:00Z');

export interface Rendered {
  analysis: Analysis;
  doc: ParsedDocument;
  text: string;
  html: string;
  tree: Root;
}

export function analyseFile(file: string): { analysis: Analysis; doc: ParsedDocument; text: string } {
  const text = readFileSync(file, 'utf8');
  const cache = new BlockCache();
  const analysis = analyze(text, { path: file, cache });
  return { analysis, doc: cache.parse(text), text };
}

export function renderFile(file: string, standalone = false, options: Omit<RenderOptions, 'standalone'> = {}): Rendered {
  const { analysis, doc, text } = analyseFile(file);
  const opts = { baseUrl: pathToFileURL(file).href, now: NOW, ...options };
  const html = standalone ? renderStandalone(analysis, doc, opts) : renderBody(analysis, doc, opts);
  return { analysis, doc, text, html, tree: fromHtml(html, { fragment: !standalone }) };
}

export function elements(node: Root | Element): Element[] {
  const out: Element[] = [];
  const visit = (n: Root | RootContent) => {
    if (n.type === 'element') out.push(n);
    if ('children' in n) for (const c of n.children) visit(c);
  };
  visit(node);
  return out;
}

export function classes(el: Element): string[] {
  const c = el.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
}

export function byClass(node: Root | Element, name: string): Element[] {
  return elements(node).filter((e) => classes(e).includes(name));
}

export function one(node: Root | Element, name: string): Element {
  const found = byClass(node, name);
  if (found.length !== 1) throw new Error(`expected one .${name}, found ${found.length}`);
  return found[0]!;
}

export function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

export function num(el: Element, property: string): number {
  return Number(el.properties[property]);
}

/** 0-based line (as data-line counts) of the first line of `text` that includes `needle`. */
export function lineIncluding(text: string, needle: string): number {
  const i = text.split(/\r?\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line includes ${JSON.stringify(needle)}`);
  return i;
}
