// Document symbols: sections nested by level, and the timeline's entries under the timeline
// section, so the Outline reads as the incident.
import { SymbolKind, type CancellationToken, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { TextRange } from '../../core/types';
import type { Analyses } from '../analyses';
import { toRange, type Positions } from '../convert';
import { entryAt, entryStrings, type EntryFacts } from '../timeline-columns';
import { formatElapsed } from '../time-text';

/** The selection must lie inside the range (VS Code rejects the symbol otherwise). */
function symbolRanges(doc: Positions, range: TextRange, selection: TextRange) {
  const start = Math.min(range.start, selection.start);
  const end = Math.max(range.end, selection.end);
  return { range: toRange(doc, { start, end }), selectionRange: toRange(doc, selection) };
}

function entrySymbol(doc: Positions, text: string, e: EntryFacts): DocumentSymbol {
  const strings = entryStrings(text, e);
  const name = `${strings.written} ${strings.text}`.trim() || 'entry';
  return {
    name,
    kind: SymbolKind.Event,
    ...(e.elapsed !== undefined ? { detail: formatElapsed(e.elapsed) } : {}),
    ...symbolRanges(doc, e.range, e.timeRange),
  };
}

export async function documentSymbols(analyses: Analyses, params: DocumentSymbolParams, token: CancellationToken): Promise<DocumentSymbol[]> {
  const got = await analyses.factsFor(params.textDocument.uri, token);
  // An outline from an analysis one keystroke old is still the right outline; positions clamp.
  if (!got || !got.facts.isPostmortem) return [];
  const { facts, doc } = got;
  const symbols: DocumentSymbol[] = facts.sections.map((s) => ({
    name: s.title.trim() || '(untitled section)',
    kind: s.parent === undefined ? SymbolKind.Namespace : SymbolKind.Module,
    ...(s.ids.length > 0 ? { detail: s.ids.join(', ') } : {}),
    ...symbolRanges(doc, s.range, s.headerRange),
    children: [],
  }));
  const timeline = facts.timeline;
  if (timeline && symbols[timeline.section]) {
    // Entries go after any sub-sections already nested here, in document order.
    const text = doc.getText();
    const entries = Array.from({ length: timeline.count }, (_, i) => entrySymbol(doc, text, entryAt(timeline, i)));
    symbols[timeline.section]!.children!.push(...entries);
  }
  const roots: DocumentSymbol[] = [];
  facts.sections.forEach((s, i) => {
    const parent = s.parent !== undefined ? symbols[s.parent] : undefined;
    (parent ? parent.children! : roots).push(symbols[i]!);
  });
  for (const s of symbols) s.children!.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return roots;
}
