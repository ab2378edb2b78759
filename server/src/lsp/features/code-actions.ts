// Quick fixes from each finding's fixes (preferred when safe), "Insert missing section X", and the
// "Fix all postmortem problems" source action that applies every safe fix at once.
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { safeFixEdits } from '../../core/fixes';
import type { Finding } from '../../core/types';
import type { Analyses } from '../analyses';
import type { DocumentFacts } from '../analysis-protocol';
import { FIX_ALL_KIND, rangesTouch, toDiagnostic, toOffsets, workspaceEdit } from '../convert';

export interface CodeActionOptions {
  /** The client takes versioned document edits (documentChanges). */
  versionedEdits: boolean;
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function titleOf(finding: Finding, fixTitle: string, facts: DocumentFacts): string {
  if (finding.ruleId !== 'missing-section') return fixTitle;
  const id = finding.data?.['section'];
  const section = facts.template.sections.find((s) => s.id === id);
  return section ? `Insert missing section "${section.title}"` : fixTitle;
}

export async function codeActions(analyses: Analyses, params: CodeActionParams, token: CancellationToken, options: CodeActionOptions): Promise<CodeAction[]> {
  const got = await analyses.factsFor(params.textDocument.uri, token);
  // Fixes are offsets into the analysed text: only offer them for the version they were made for.
  if (!got || !got.current || !got.facts.isPostmortem) return [];
  const { facts, doc } = got;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const range = toOffsets(doc, params.range);
    // Several findings can share one fix (each out-of-order entry offers the same sort): offer it once.
    const seen = new Map<string, CodeAction>();
    for (const finding of facts.findings) {
      if (!finding.fixes?.length || !rangesTouch(finding.range, range)) continue;
      const diagnostic = toDiagnostic(doc, finding);
      for (const fix of finding.fixes) {
        // Cheap to compute even when a fix rewrites a long timeline (no JSON of its text).
        const key = `${fix.title}\0${fix.edits.map((e) => `${e.start}:${e.end}:${e.newText.length}`).join()}`;
        const same = seen.get(key);
        if (same) {
          same.diagnostics!.push(diagnostic);
          continue;
        }
        const action: CodeAction = {
          title: titleOf(finding, fix.title, facts),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          ...(fix.safe ? { isPreferred: true } : {}),
          edit: workspaceEdit(doc, fix.edits, options.versionedEdits),
        };
        seen.set(key, action);
        actions.push(action);
      }
    }
  }
  if (wants(only, FIX_ALL_KIND)) {
    const edits = safeFixEdits(facts.findings);
    if (edits.length > 0) {
      actions.push({ title: 'Fix all postmortem problems', kind: FIX_ALL_KIND, edit: workspaceEdit(doc, edits, options.versionedEdits) });
    }
  }
  return actions;
}
