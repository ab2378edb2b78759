// How times are quoted back in messages: as the author wrote them.
import type { PostmortemModel, TimelineEntry } from '../../model/types';
import type { TextRange } from '../../types';

export function quote(model: PostmortemModel, range: TextRange): string {
  const s = model.text.slice(range.start, Math.min(range.end, range.start + 60)).replace(/\s+/g, ' ').trim();
  const bare = s.replace(/^[*_[(~]+|[*_\]):]+$/g, '').trim();
  // "14:30 BST (13:30 UTC)": a bracket the quote itself opened stays closed.
  const open = (bare.match(/\(/g) ?? []).length - (bare.match(/\)/g) ?? []).length;
  return open > 0 && s.includes(bare + ')') ? bare + ')' : bare;
}

export function entryTime(model: PostmortemModel, entry: TimelineEntry): string {
  return quote(model, entry.timeRange);
}
