// `postmortem.server.sortTimeline` and `postmortem.server.insertTimelineEntry`: edits applied through
// workspace/applyEdit, so they land in the editor's undo stack like any other edit.
import type { CancellationToken, Connection, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mergeNonOverlapping } from '../../core/text/edits';
import { dominantEol } from '../../core/text/line-index';
import type { TextEdit } from '../../core/types';
import type { Analyses } from '../analyses';
import { workspaceEdit } from '../convert';
import { modelEntry, newEntry } from '../features/timeline-entry';
import { showInfo } from '../notify';

export interface EditResult {
  applied: boolean;
  message?: string;
  /** Where the cursor belongs after an insertion (in the edited document). */
  position?: Position;
}

export interface TimelineCommandOptions {
  versionedEdits: boolean;
  now?: () => Date;
}

async function current(analyses: Analyses, uri: unknown, token: CancellationToken) {
  if (typeof uri !== 'string') return undefined;
  const got = await analyses.factsFor(uri, token);
  return got?.current ? got : undefined;
}

export async function sortTimeline(connection: Connection, analyses: Analyses, uri: unknown, token: CancellationToken, options: TimelineCommandOptions): Promise<EditResult> {
  const got = await current(analyses, uri, token);
  if (!got) return { applied: false, message: 'The document is not open or not analysed yet.' };
  const fixes = got.facts.findings.filter((f) => f.ruleId === 'timeline-order').flatMap((f) => (f.fixes ?? []).slice(0, 1));
  if (fixes.length === 0) {
    const message = got.facts.timeline ? 'The timeline is already in order.' : 'This document has no timeline.';
    showInfo(connection, `Postmortem: ${message}`);
    return { applied: false, message };
  }
  const edits = mergeNonOverlapping(fixes.map((f) => f.edits));
  const result = await connection.workspace.applyEdit({ label: 'Sort timeline', edit: workspaceEdit(got.doc, edits, options.versionedEdits) });
  return { applied: result.applied, ...(result.failureReason ? { message: result.failureReason } : {}) };
}

export async function insertTimelineEntry(connection: Connection, analyses: Analyses, uri: unknown, position: unknown, token: CancellationToken, options: TimelineCommandOptions): Promise<EditResult> {
  const got = await current(analyses, uri, token);
  if (!got) return { applied: false, message: 'The document is not open or not analysed yet.' };
  const { facts, doc } = got;
  const timeline = facts.timeline;
  const section = timeline ? facts.sections[timeline.section] : undefined;
  if (!timeline || !section) {
    const message = 'This postmortem has no Timeline section yet: insert it with its quick fix first.';
    showInfo(connection, `Postmortem: ${message}`);
    return { applied: false, message };
  }
  const text = doc.getText();
  const eol = dominantEol(text);
  const cursor = isPosition(position) ? doc.offsetAt(position) : undefined;
  const inTimeline = cursor !== undefined && cursor >= section.range.start && cursor <= section.range.end;
  const like = modelEntry(facts, inTimeline ? cursor : undefined);
  const entry = newEntry(text, facts, options.now?.() ?? new Date(), like);
  let edit: TextEdit;
  let cursorInNewText: number;
  if (like) {
    // After the entry (its nested lines included), on a line of its own.
    const end = like.range.end;
    if (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) {
      edit = { start: end, end, newText: entry.line + eol };
      cursorInNewText = entry.line.length;
    } else {
      const lineEnd = doc.offsetAt({ line: doc.positionAt(end).line, character: Number.MAX_SAFE_INTEGER });
      edit = { start: lineEnd, end: lineEnd, newText: eol + entry.line };
      cursorInNewText = edit.newText.length;
    }
  } else {
    const at = section.headerRange.end;
    edit = { start: at, end: at, newText: eol + eol + entry.line };
    cursorInNewText = edit.newText.length;
  }
  const result = await connection.workspace.applyEdit({ label: 'Insert timeline entry', edit: workspaceEdit(doc, [edit], options.versionedEdits) });
  if (!result.applied) return { applied: false, ...(result.failureReason ? { message: result.failureReason } : {}) };
  const after = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, text.slice(0, edit.start) + edit.newText + text.slice(edit.end));
  return { applied: true, position: after.positionAt(edit.start + cursorInNewText) };
}

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && Number.isInteger((p as Position).line) && Number.isInteger((p as Position).character);
}
