// The one place engine data becomes LSP data. Engine offsets are UTF-16 code units into the text
// that was analysed, which is exactly what LSP positions count (utf-16 is the protocol's default
// position encoding), so conversion goes through the analysed document's own line table.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, DiagnosticSeverity, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Severity, TextEdit as CoreTextEdit, TextRange } from '../core/types';

export const SOURCE = 'postmortem';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;
export const CUT_SHORT_CODE = 'analysis-cut-short';
export const FAILED_CODE = 'analysis-failed';

/** Anything that maps offsets to positions: a TextDocument, or one made for a closed file. */
export type Positions = Pick<TextDocument, 'positionAt' | 'offsetAt'>;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(doc: Positions, range: TextRange): Range {
  return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
}

export function toOffsets(doc: Positions, range: Range): TextRange {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}

export function toDiagnostic(doc: Positions, finding: Finding): Diagnostic {
  return {
    range: toRange(doc, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
  };
}

export function toTextEdit(doc: Positions, edit: CoreTextEdit): TextEdit {
  return { range: toRange(doc, edit), newText: edit.newText };
}

/**
 * An edit of one document. With documentChanges the client refuses it if the document changed
 * since (the version is checked), which is what a fix computed for one version needs.
 */
export function workspaceEdit(doc: Positions & Pick<TextDocument, 'uri' | 'version'>, edits: readonly CoreTextEdit[], versioned: boolean): WorkspaceEdit {
  const textEdits = edits.map((e) => toTextEdit(doc, e));
  if (versioned) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: textEdits }] };
  return { changes: { [doc.uri]: textEdits } };
}

/** Said at the top of the document when the worker ran out of time on it. */
export function cutShortDiagnostic(budgetMs: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: CUT_SHORT_CODE,
    source: SOURCE,
    message: `Postmortem analysis of this document was cut short after ${budgetMs} ms (postmortem.budgetMs); the problems shown may be incomplete or out of date.`,
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Whether two ranges touch or overlap (an empty request range at a finding's edge counts). */
export function rangesTouch(a: TextRange, b: TextRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Said when the engine threw on this document: better a note than silently stale problems. */
export function failedDiagnostic(error: string): Diagnostic {
  const reason = error.split('\n')[0]!.slice(0, 200);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: FAILED_CODE,
    source: SOURCE,
    message: `Postmortem analysis failed on this document (${reason}); the problems shown may be out of date. Details are in the server's log.`,
  };
}
