import type * as Yaml from 'yaml';
import type { ParsedDocument } from '../parse/document';
import { snapOffset } from '../text/boundaries';
import type { FrontMatter } from './types';

/**
 * The YAML library, loaded by the first document with front matter: most postmortems have none,
 * and loading it with the engine cost every server start its ~115 KB of module set-up and cached
 * code before the first diagnostics. require, not import(): the engine runs synchronously, and in
 * the bundle esbuild turns this into a module initialised on first use.
 */
let yamlLibrary: typeof Yaml | undefined;
function yamlLib(): typeof Yaml {
  return (yamlLibrary ??= require('yaml') as typeof Yaml);
}

/** The YAML front matter of a document, with any syntax error located in the document. */
export function readFrontMatter(doc: ParsedDocument): FrontMatter | undefined {
  const block = doc.blocks[0];
  if (!block?.frontMatter) return undefined;
  const yaml = block.data.yaml;
  if (yaml === undefined) return undefined;
  const { parse: parseYaml, YAMLParseError } = yamlLib();
  const range = { start: block.start, end: block.end };
  // The YAML starts after the opening "---" line.
  const bodyStart = doc.text.slice(block.start, block.end).indexOf('\n') + 1;
  try {
    // Bounded: YAML aliases could expand hostile input, so limit them.
    const data: unknown = parseYaml(yaml, { maxAliasCount: 50, prettyErrors: false });
    if (data === null || data === undefined) return { data: {}, range };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, range, error: { message: 'Front matter should be a set of `key: value` lines.', range } };
    }
    return { data: data as Record<string, unknown>, range };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    let errRange = range;
    if (e instanceof YAMLParseError && e.pos) {
      // yaml points at the character after the error, often the line break: with CRLF that
      // range ended between CR and LF, so it is widened to whole characters.
      const start = snapOffset(doc.text, Math.min(block.start + bodyStart + e.pos[0], block.end), 'back');
      errRange = { start, end: snapOffset(doc.text, Math.max(start, Math.min(block.start + bodyStart + e.pos[1], block.end)), 'forward') };
    }
    return { data: {}, range, error: { message: `Front matter is not valid YAML: ${message}`, range: errRange } };
  }
}
