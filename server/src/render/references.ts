// Reference links and footnotes across blocks. The engine parses the document block by block
// (core/parse/blocks.ts), so `[runbook][rb]` or `note[^1]` whose definition sits in another
// block was read as plain text. With the whole tree joined, this finds such text and turns it
// into the reference nodes a one-piece parse would have made, when (and only when) a matching
// definition exists, so ordinary brackets stay text. A label split by markup
// (`[*the* runbook][rb]`) is not recovered.
import type { Nodes, PhrasingContent, Root, Text } from 'mdast';

/** Labels match case-insensitively with whitespace collapsed (CommonMark). */
function normalize(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase();
}

interface Definitions {
  links: Set<string>;
  notes: Set<string>;
}

function collect(node: Nodes, defs: Definitions): void {
  if (node.type === 'definition') defs.links.add(normalize(node.identifier));
  else if (node.type === 'footnoteDefinition') defs.notes.add(normalize(node.identifier));
  if ('children' in node) for (const c of node.children) collect(c, defs);
}

const PATTERN = /\[\^([^\]\s][^\]]{0,99})\]|\[([^[\]]{1,999})\](?:\[([^[\]]{0,999})\])?/g;

function split(text: Text, defs: Definitions): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  let last = 0;
  let changed = false;
  for (const m of text.value.matchAll(PATTERN)) {
    const [whole, note, content, label] = m;
    let node: PhrasingContent | undefined;
    if (note !== undefined && defs.notes.has(normalize(note))) {
      node = { type: 'footnoteReference', identifier: normalize(note), label: note };
    } else if (content !== undefined) {
      const ref = label === undefined || label === '' ? content : label;
      if (defs.links.has(normalize(ref))) {
        const referenceType = label === undefined ? 'shortcut' : label === '' ? 'collapsed' : 'full';
        node = { type: 'linkReference', identifier: normalize(ref), label: ref, referenceType, children: [{ type: 'text', value: content }] };
      }
    }
    if (!node) continue;
    if (m.index > last) out.push({ type: 'text', value: text.value.slice(last, m.index) });
    out.push(node);
    last = m.index + whole.length;
    changed = true;
  }
  if (!changed) return undefined;
  if (last < text.value.length) out.push({ type: 'text', value: text.value.slice(last) });
  return out;
}

function visit(node: Nodes, defs: Definitions): void {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
  const children: Nodes[] = [];
  let changed = false;
  for (const child of node.children as Nodes[]) {
    const replaced = child.type === 'text' ? split(child, defs) : undefined;
    if (replaced) {
      children.push(...replaced);
      changed = true;
    } else {
      visit(child, defs);
      children.push(child);
    }
  }
  if (changed) (node as { children: Nodes[] }).children = children;
}

/** Mutates `root`, which must be the renderer's own copy (documentTree), never a cached tree. */
export function resolveReferences(root: Root): void {
  const defs: Definitions = { links: new Set(), notes: new Set() };
  collect(root, defs);
  if (defs.links.size > 0 || defs.notes.size > 0) visit(root, defs);
}
