// Finds the document's sections: headings, and lines written as titles that the template knows.
import { detachString } from '../text/detach';
import { stripMarkup } from '../text/plain';
import { parseLeadingTimestamp } from '../time';
import type { SectionMatcher } from '../templates/matcher';
import type { DocLine } from './doc-lines';
import { readLabel, type Label } from './labels';
import type { Section, SectionKind } from './types';

/** A line that may open a section, before the template decides what it means. */
export interface HeaderCandidate {
  line: DocLine;
  title: string;
  kind: SectionKind;
  /** Heading depth, or the level implied by a broken or HTML heading; 0 for labels. */
  level: number;
  label?: Label;
  /** A label followed by prose, not by list items, table rows or timestamped lines. */
  leadsProse?: boolean;
}

/** Headings, plus lines that read as titles. Template-independent, so it is computed once. */
export function findHeaderCandidates(text: string, lines: readonly DocLine[]): HeaderCandidate[] {
  const out: HeaderCandidate[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.kind === 'heading') {
      // The title is the line's own text: read once per line (model/line-memo.ts).
      let title = line.memo.title as string | undefined;
      if (title === undefined) line.memo.title = title = detachString(stripMarkup(text.slice(line.contentStart, line.contentEnd)));
      out.push({ line, title, kind: 'heading', level: line.depth });
      continue;
    }
    let label = line.memo.label as Label | null | undefined;
    if (label === undefined) {
      const read = readLabel(text, line);
      label = read ? { ...read, title: detachString(read.title) } : null;
      line.memo.label = label;
    }
    if (!label) continue;
    const kind: SectionKind = label.style === 'html-heading' ? 'html' : label.style === 'broken-heading' || label.style === 'swallowed-heading' ? 'broken-heading' : 'label';
    out.push({ line, title: label.title, kind, level: label.level ?? 0, label, ...(leadsProse(text, lines[n + 1]) ? { leadsProse: true } : {}) });
  }
  return out;
}

/** Whether the line after a label is prose ("Jonas issued a new certificate at 3:30pm."). */
function leadsProse(text: string, next: DocLine | undefined): boolean {
  if (!next || next.kind !== 'text') return false;
  return parseLeadingTimestamp(text.slice(next.contentStart, Math.min(next.contentEnd, next.contentStart + 80))) === undefined;
}

/**
 * "# RCA: Order service outage" over "## Summary", "## Timeline": a first-level heading that names
 * its subject after a colon, with the sections below it, is the document's title, not a section
 * (read as Root Cause, everything under it was the root cause). The first heading only.
 */
function documentTitle(candidates: readonly HeaderCandidate[]): HeaderCandidate | undefined {
  const first = candidates.find((c) => c.kind === 'heading');
  if (!first || first.level !== 1 || !/^[^:]{1,40}:\s*\S/.test(first.title)) return undefined;
  return candidates.some((c) => c.kind === 'heading' && c.level > 1) ? first : undefined;
}

/**
 * Sections for one template. Headings always make sections (unknown ones with no ids, so the
 * outline shows them); other candidates only when they name a section the template knows and
 * that the enclosing heading does not already cover ("**Root Cause:**" under "Root Cause and
 * Resolution" is part of that section, not a new one).
 */
export function buildSections(textLength: number, candidates: readonly HeaderCandidate[], matcher: SectionMatcher): Section[] {
  // Labels the template lists as the summary's fields ("Impact", "Root Cause") are parts of the
  // summary when they come right under it, not sections of their own.
  const summaryFields = new Set(matcher.template.sections.find((s) => s.id === 'summary')?.fields ?? []);
  const sections: Section[] = [];
  // Open sections, outermost first; levels strictly increase, so it is at most a few deep.
  const open: number[] = [];
  let headingLevel = 0; // depth of the closest heading above, for the level of labels
  const title = documentTitle(candidates);
  for (const c of candidates) {
    const isHeading = c.kind === 'heading';
    let ids = c === title ? [] : matcher.match(c.title, !isHeading && c.kind !== 'html');
    let level = isHeading || c.level > 0 ? c.level : headingLevel + 1;
    let depth = open.length;
    while (depth > 0 && sections[open[depth - 1]!]!.level >= level) depth--;
    let enclosing = depth > 0 ? sections[open[depth - 1]!] : undefined;
    // "### Improvements" under "## Corrective and Preventative Measures" is a part of it, not another one.
    const outer = enclosing;
    if (isHeading && outer && ids.length > 0 && ids.every((id) => outer.ids.includes(id))) ids = [];
    if (!isHeading) {
      if (ids.length === 0) continue;
      if (enclosing && enclosing.kind === 'heading') {
        if (ids.some((id) => outer!.ids.includes(id))) continue;
        // Bold lines inside a timeline label its entries ("**Resolution**" over the entries of that
        // phase); they do not start sections. One followed by prose ends the timeline.
        if (enclosing.ids.includes('timeline') && c.kind === 'label' && !c.leadsProse) continue;
      }
      const previous = sections[sections.length - 1];
      if (previous && c.kind === 'label') {
        // "Root Cause" and "Resolution" right after "Root Cause and Resolution" are its parts, and
        // so is "Contributing Factors" after "Root Cause".
        if (previous.ids.length > 1 && ids.every((id) => previous.ids.includes(id))) continue;
        if (ids.every((id) => previous.ids.includes(id)) && matcher.partOf(c.title) !== '') continue;
        // Under "## Summary", and plain "Impact:" lines under a "Summary" line, are the summary's
        // fields; a bold "**Root cause**" after a bold "**Summary**" is the next section.
        if (previous.ids.includes('summary') && (previous.kind === 'heading' || c.label?.style !== 'bold') && ids.every((id) => summaryFields.has(id))) continue;
      }
    }
    if (!isHeading && c.level === 0 && enclosing?.kind === 'heading' && enclosing.ids.includes('timeline')) {
      // "**Resolution**" and its prose after the timeline's entries is a section beside the
      // timeline, not within it (labels of its entries were passed over above).
      level = enclosing.level;
      depth--;
      enclosing = depth > 0 ? sections[open[depth - 1]!] : undefined;
    }
    if (isHeading || c.level > 0) headingLevel = level;
    // This section ends every open one at its level or deeper.
    while (open.length > depth) {
      const ended = sections[open.pop()!]!;
      ended.range = { start: ended.range.start, end: c.line.start };
      ended.bodyRange = { start: ended.bodyRange.start, end: Math.max(ended.bodyRange.start, c.line.start) };
    }
    sections.push({
      ids,
      title: c.title,
      kind: c.kind,
      level,
      headerRange: { start: c.line.start, end: c.line.end },
      range: { start: c.line.start, end: textLength },
      bodyRange: { start: c.line.end, end: textLength },
      ...(enclosing ? { parent: open[depth - 1]! } : {}),
    });
    open.push(sections.length - 1);
  }
  return sections;
}

/**
 * The paragraphs between the document's title and its first section ("# Outage of May 3" then a
 * paragraph, then "## Timeline"), as blog-style reports open: they are its summary when it has
 * no Summary section. A section-shaped range (only its body is meaningful), or undefined.
 */
export function introOf(sections: readonly Section[]): Section | undefined {
  const title = sections[0];
  if (!title || title.kind !== 'heading' || title.ids.length > 0) return undefined;
  const next = sections[1];
  const end = next ? next.range.start : title.range.end;
  if (end <= title.bodyRange.start) return undefined;
  return { ...title, ids: ['summary'], bodyRange: { start: title.bodyRange.start, end }, range: { start: title.range.start, end } };
}

