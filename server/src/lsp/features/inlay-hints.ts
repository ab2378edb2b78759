// Inlay hints: the elapsed time since the incident start after each timeline timestamp ("T+45m").
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { toOffsets } from '../convert';
import { formatElapsed } from '../time-text';

export async function inlayHints(analyses: Analyses, params: InlayHintParams, token: CancellationToken, enabled: boolean): Promise<InlayHint[]> {
  if (!enabled) return [];
  const got = await analyses.factsFor(params.textDocument.uri, token);
  if (!got || !got.current || !got.facts.isPostmortem || !got.facts.timeline) return [];
  const { facts, doc } = got;
  const { start, end } = toOffsets(doc, params.range);
  const base = facts.timeline!.base;
  const hints: InlayHint[] = [];
  for (const entry of facts.timeline!.entries) {
    if (entry.timeRange.end < start) continue;
    if (entry.timeRange.end > end) break;
    if (entry.elapsed === undefined) continue;
    hints.push({
      position: doc.positionAt(entry.timeRange.end),
      label: formatElapsed(entry.elapsed),
      paddingLeft: true,
      ...(base ? { tooltip: `Elapsed since ${base}` } : {}),
    });
  }
  return hints;
}
