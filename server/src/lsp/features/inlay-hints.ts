// Inlay hints: the elapsed time since the incident start after each timeline timestamp ("T+45m").
import type { CancellationToken, InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { Analyses } from '../analyses';
import { toOffsets } from '../convert';
import { entryAt, timeEndOf } from '../timeline-columns';
import { formatElapsed } from '../time-text';

export async function inlayHints(analyses: Analyses, params: InlayHintParams, token: CancellationToken, enabled: boolean): Promise<InlayHint[]> {
  if (!enabled) return [];
  const got = await analyses.factsFor(params.textDocument.uri, token);
  if (!got || !got.current || !got.facts.isPostmortem || !got.facts.timeline) return [];
  const { facts, doc } = got;
  const { start, end } = toOffsets(doc, params.range);
  const timeline = facts.timeline!;
  const hints: InlayHint[] = [];
  for (let i = 0; i < timeline.count; i++) {
    // Only the entries in view become objects: a long timeline is mostly off screen.
    const at = timeEndOf(timeline, i);
    if (at < start) continue;
    if (at > end) break;
    const entry = entryAt(timeline, i);
    if (entry.elapsed === undefined) continue;
    hints.push({
      position: doc.positionAt(entry.timeRange.end),
      label: formatElapsed(entry.elapsed),
      paddingLeft: true,
      ...(timeline.base ? { tooltip: `Elapsed since ${timeline.base}` } : {}),
    });
  }
  return hints;
}
