import { dominantEol } from '../../text/line-index';
import type { PostmortemModel, Section } from '../../model/types';

/** The heading level the document uses for its known sections (2 when it has none). */
export function sectionHeadingLevel(model: PostmortemModel): number {
  const counts = new Map<number, number>();
  for (const s of model.sections) {
    if (s.kind === 'heading' && s.ids.length > 0) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [level, count] of counts) {
    if (count > bestCount || (count === bestCount && level < best)) {
      best = level;
      bestCount = count;
    }
  }
  if (best > 0) return best;
  // Sections under an H1 title are H2; with no title, H2 still reads best.
  return 2;
}

/**
 * The line ending new lines are written with: the one the document mostly uses, read from its first
 * 100,000 characters (as completion does) so a fix built on every keystroke does not scan a long
 * document whole.
 */
export function eolOf(model: PostmortemModel): string {
  return dominantEol(model.text.length > 100_000 ? model.text.slice(0, 100_000) : model.text);
}

/** Known top-level sections: recognised, and not nested inside another recognised section. */
export function topSections(model: PostmortemModel): Section[] {
  return model.sections.filter((s) => s.ids.length > 0 && !hasKnownAncestor(model, s));
}

function hasKnownAncestor(model: PostmortemModel, s: Section): boolean {
  let p = s.parent;
  while (p !== undefined) {
    const parent = model.sections[p]!;
    if (parent.ids.length > 0) return true;
    p = parent.parent;
  }
  return false;
}

/** 1-based line of an offset, for messages. */
export function lineOf(model: PostmortemModel, offset: number): number {
  return model.index.position(offset).line;
}

/** Where "missing" findings about the whole document point: the title, else the first line. */
export function documentAnchor(model: PostmortemModel): { start: number; end: number } {
  if (model.title && model.title.range.end > model.title.range.start) {
    return { start: model.title.range.start, end: model.index.lineContentEnd(model.index.position(model.title.range.start).line) };
  }
  const firstLine = model.frontMatter ? model.index.position(model.frontMatter.range.end).line : 1;
  const line = Math.min(firstLine, model.index.lineCount);
  return { start: model.index.lineStart(line), end: model.index.lineContentEnd(line) };
}

/**
 * Indices [from, to) of the model's lines starting inside [start, end), found by binary search
 * (lines are in order). Indices, not a copy: a section's lines copied out were a fresh array the
 * size of the section every keystroke (see FRESH_MEMORY in model/doc-lines.ts).
 */
export function lineIndicesWithin(model: PostmortemModel, range: { start: number; end: number }): { from: number; to: number } {
  const lines = model.lines;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.start < range.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < lines.length && lines[end]!.start < range.end) end++;
  return { from: lo, to: end };
}
