// Mutations of real documents (the rule fixtures and the example postmortems): what an editor
// produces mid-keystroke or a bad merge leaves behind. Deleted, duplicated and swapped lines,
// truncation anywhere, random characters and bytes inserted or replacing others.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';

const repo = join(__dirname, '..', '..', '..');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

export interface Seed {
  name: string;
  text: string;
}

/** The rule fixtures and example postmortems, read once. */
export const SEEDS: readonly Seed[] = [join(repo, 'test', 'fixtures', 'rules'), join(repo, 'examples', 'postmortems')]
  .flatMap((dir) => markdownFiles(dir))
  .map((p) => ({ name: relative(repo, p), text: readFileSync(p, 'utf8') }));

/** Characters worth inserting: controls, line breaks, surrogate halves, joiners, BOM, RTL marks. */
const ODD = ['\u0000', '\u0001', '\u001b', '\u007f', '\r', '\n', '\r\n', '\t', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029', '\uD800', '\uDFFF', '\uFEFF', '\u200B', '\u200D', '\u202E', '\u2066', '😀', '👩‍👩‍👧', '𝒯', 'ﷺ', 'א', '٣', '\uFFFD', '#', '*', '`', '|', '>', '-', ':', '<!--', '```', '**', '\\'];

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-char'; at: number; text: string }
  | { kind: 'delete-range'; at: number; length: number };

const oddTextArb = fc.oneof(
  fc.constantFrom(...ODD),
  // Any UTF-16 code units, lone surrogates included: what a bad decoder or a split write leaves.
  fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 4 }).map((units) => String.fromCharCode(...units)),
  // Bytes read as Latin-1: what a file in the wrong encoding looks like.
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) => String.fromCharCode(...bytes)),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((at) => ({ kind: 'delete-line' as const, at })),
  fc.nat().map((at) => ({ kind: 'duplicate-line' as const, at })),
  fc.tuple(fc.nat(), fc.nat()).map(([at, w]) => ({ kind: 'swap-lines' as const, at, with: w })),
  fc.nat().map((at) => ({ kind: 'truncate' as const, at })),
  fc.tuple(fc.nat(), oddTextArb).map(([at, text]) => ({ kind: 'insert' as const, at, text })),
  fc.tuple(fc.nat(), oddTextArb).map(([at, text]) => ({ kind: 'replace-char' as const, at, text })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })).map(([at, length]) => ({ kind: 'delete-range' as const, at, length })),
);

/** Lines with their own line breaks, so joining them back gives the text exactly. */
function splitKeepingBreaks(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

export function mutate(text: string, m: Mutation): string {
  const lines = splitKeepingBreaks(text);
  const line = (n: number) => (lines.length === 0 ? 0 : n % lines.length);
  const offset = (n: number) => n % (text.length + 1);
  switch (m.kind) {
    case 'delete-line':
      lines.splice(line(m.at), 1);
      return lines.join('');
    case 'duplicate-line': {
      const i = line(m.at);
      if (lines.length > 0) lines.splice(i, 0, lines[i]!);
      return lines.join('');
    }
    case 'swap-lines': {
      if (lines.length < 2) return text;
      const a = line(m.at);
      const b = line(m.with);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('');
    }
    case 'truncate':
      return text.slice(0, offset(m.at));
    case 'insert': {
      const at = offset(m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'replace-char': {
      const at = offset(m.at);
      return text.slice(0, at) + m.text + text.slice(at + 1);
    }
    case 'delete-range': {
      const at = offset(m.at);
      return text.slice(0, at) + text.slice(at + m.length);
    }
  }
}

/** A seed document and one to four mutations applied in turn. */
export const mutatedArb: fc.Arbitrary<{ seed: string; text: string }> = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([seed, mutations]) => ({ seed: seed.name, text: mutations.reduce(mutate, seed.text) }));
