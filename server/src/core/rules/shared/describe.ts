// How times are quoted back in messages: as the author wrote them.
import type { PostmortemModel, TimelineEntry } from '../../model/types';
import type { TextRange } from '../../types';

export function quote(model: PostmortemModel, range: TextRange): string {
  const s = model.text.slice(range.start, Math.min(range.end, range.start + 60)).replace(/\s+/g, ' ').trim();
  return s.replace(/^[*_[(~]+|[*_\]):]+$/g, '').trim();
}

export function entryTime(model: PostmortemModel, entry: TimelineEntry): string {
  return quote(model, entry.timeRange);
}
