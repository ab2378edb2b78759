// Completions where a postmortem writer needs them: the template's missing section headings (in
// template order) at the start of a line, a timeline entry stamped now inside the timeline, and
// summary field names at the start of a summary line.
import { CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionItem, type CompletionParams, type Range } from 'vscode-languageserver';
import { dominantEol } from '../../core/text/line-index';
import type { Analyses } from '../analyses';
import type { DocumentFacts, SectionFacts } from '../analysis-protocol';
import { modelEntry, newEntry } from './timeline-entry';

export interface CompletionOptions {
  snippets: boolean;
  now?: () => Date;
}

/** Summary fields, in the order a reader expects them. */
export const SUMMARY_FIELDS: readonly { key: string; label: string }[] = [
  { key: 'duration', label: 'Duration' },
  { key: 'start', label: 'Start' },
  { key: 'end', label: 'End' },
  { key: 'impact', label: 'Impact' },
  { key: 'root-cause', label: 'Root Cause' },
  { key: 'severity', label: 'Severity' },
];

const HEADING_PREFIX = /^#{0,6} ?[\p{L}\p{N} &/-]{0,60}$/u;
const ENTRY_PREFIX = /^\s{0,8}(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*)?[\d:]{0,5}$/;
const FIELD_PREFIX = /^\s{0,3}(?:\*\*|__)?[\p{L} ]{0,20}$/u;

/** `{{what happened}}` placeholders become snippet tab stops; everything else is literal. */
export function skeletonSnippet(skeleton: string): string {
  let n = 0;
  return skeleton
    .split(/(\{\{[^{}]*\}\})/)
    .map((part) => {
      const m = /^\{\{([^{}]*)\}\}$/.exec(part);
      if (m) return `\${${++n}:${escapeSnippet(m[1]!).replace(/}/g, '\\}')}}`;
      return escapeSnippet(part);
    })
    .join('');
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** The level the document uses for its template sections (## in most), for a heading that fits. */
function headingLevel(sections: readonly SectionFacts[]): number {
  const counts = new Map<number, number>();
  for (const s of sections) if (s.kind === 'heading' && s.ids.length > 0) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  let best = 2;
  let most = 0;
  for (const [level, count] of counts) if (count > most || (count === most && level < best)) [best, most] = [level, count];
  return best;
}

/** The deepest section whose body holds the offset. */
function sectionAt(sections: readonly SectionFacts[], offset: number): SectionFacts | undefined {
  let found: SectionFacts | undefined;
  for (const s of sections) if (s.bodyRange.start <= offset && offset <= s.bodyRange.end && (!found || s.level >= found.level)) found = s;
  return found;
}

function inSection(sections: readonly SectionFacts[], offset: number, id: string): boolean {
  for (let s = sectionAt(sections, offset); s; s = s.parent !== undefined ? sections[s.parent] : undefined) {
    if (s.ids.includes(id)) return true;
  }
  return false;
}

function sectionItems(facts: DocumentFacts, eol: string, range: Range, snippets: boolean): CompletionItem[] {
  const present = new Set(facts.sections.flatMap((s) => s.ids));
  const hashes = '#'.repeat(headingLevel(facts.sections));
  return facts.template.sections
    .filter((s) => !present.has(s.id))
    .map((s, i): CompletionItem => {
      const heading = `${hashes} ${s.title}`;
      const skeleton = (s.skeleton ?? '').replace(/\r?\n/g, eol);
      const body = snippets ? skeletonSnippet(skeleton) : skeleton;
      return {
        label: heading,
        kind: CompletionItemKind.Module,
        detail: `Missing section (${facts.template.name} template)`,
        sortText: `1${String(i).padStart(3, '0')}`,
        filterText: heading,
        textEdit: { range, newText: `${snippets ? escapeSnippet(heading) : heading}${eol}${eol}${body}` },
        ...(snippets ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
      };
    });
}

function fieldItems(facts: DocumentFacts, range: Range): CompletionItem[] {
  return SUMMARY_FIELDS.filter((f) => !facts.summaryFields.includes(f.key)).map((f, i) => {
    const text = `**${f.label}:** `;
    return { label: text.trim(), kind: CompletionItemKind.Field, detail: 'Summary field', sortText: `2${i}`, filterText: text, textEdit: { range, newText: text } };
  });
}

export async function completion(analyses: Analyses, params: CompletionParams, token: CancellationToken, options: CompletionOptions): Promise<CompletionItem[]> {
  const got = await analyses.factsFor(params.textDocument.uri, token);
  if (!got || !got.facts.isPostmortem) return [];
  // Offsets of a slightly older analysis are still good enough to tell which section the cursor
  // is in; what is offered does not depend on exact positions.
  const { facts, doc } = got;
  const text = doc.getText();
  const lineStart = doc.offsetAt({ line: params.position.line, character: 0 });
  const cursor = doc.offsetAt(params.position);
  const prefix = text.slice(lineStart, cursor);
  const range: Range = { start: { line: params.position.line, character: 0 }, end: params.position };
  const eol = dominantEol(text.length > 100_000 ? text.slice(0, 100_000) : text);
  const items: CompletionItem[] = [];
  if (facts.timeline && inSection(facts.sections, cursor, 'timeline') && ENTRY_PREFIX.test(prefix)) {
    const entry = newEntry(text, facts, options.now?.() ?? new Date(), modelEntry(facts, cursor));
    const indent = /^\s*/.exec(prefix)![0];
    const line = indent + entry.line.trimStart();
    items.push({ label: `${entry.stamp} (now)`, kind: CompletionItemKind.Event, detail: 'Timeline entry stamped now', preselect: true, sortText: '0', filterText: line, textEdit: { range, newText: line } });
  }
  if (inSection(facts.sections, cursor, 'summary') && FIELD_PREFIX.test(prefix)) items.push(...fieldItems(facts, range));
  if (HEADING_PREFIX.test(prefix)) items.push(...sectionItems(facts, eol, range, options.snippets));
  return items;
}
