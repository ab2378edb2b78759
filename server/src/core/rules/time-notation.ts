import type { PostmortemModel } from '../model/types';
import type { TimeMention } from '../time/types';
import type { TextRange } from '../types';
import { defineRule } from './rule';

/** Where the written AM/PM of a 24-hour time is ("13:55 PM" → " PM"), within the mention. */
function meridiemRange(model: PostmortemModel, mention: TimeMention, offset: number): TextRange | undefined {
  const text = model.text.slice(offset + mention.start, offset + mention.end);
  const m = /\d(\s*)([AaPp]\.?[Mm]\.?)(?![A-Za-z])/.exec(text);
  if (!m) return undefined;
  const start = offset + mention.start + m.index + 1;
  return { start, end: start + m[1]!.length + m[2]!.length };
}

export default defineRule({
  id: 'time-notation',
  description: 'A 24-hour time is written with AM/PM ("13:55 PM", "23:00 AM"): the AM/PM is ignored, but it may hide a typo.',
  defaultSeverity: 'information',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const seen = new Set<number>();
    const found: { range: TextRange; meridiem: TextRange; written: string; read: string }[] = [];
    const check = (mention: TimeMention, offset: number) => {
      const t = mention.time;
      if (!t?.meridiemIgnored || seen.has(offset + mention.start)) return;
      seen.add(offset + mention.start);
      const meridiem = meridiemRange(model, mention, offset);
      if (!meridiem) return;
      const range = { start: offset + mention.start, end: meridiem.end };
      const read = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
      found.push({ range, meridiem, written: model.text.slice(range.start, range.end).trim(), read });
    };
    const entries = model.timeline?.entries ?? [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      // Offsets of a timeline entry's mention are relative to where its timestamp was read.
      const base = e.timeRange.start - e.mention.start;
      if ('from' in e.mention) {
        check(e.mention.from, base);
        check(e.mention.to, base);
      } else check(e.mention, base);
    }
    for (const m of [model.incident.start, model.incident.end]) {
      if (m) check(m.mention, m.range.start - m.mention.start);
    }
    // A document that writes every time this way gets one finding, not one per line.
    const GROUP_FROM = 3;
    if (found.length >= GROUP_FROM) {
      const examples = found.slice(0, 3).map((f) => `"${f.written}"`).join(', ');
      report({
        message: `${found.length} times mix a 24-hour clock with AM/PM (${examples}…): they are read as 24-hour times. Drop the AM/PM, or correct the hours.`,
        range: found[0]!.range,
        data: { count: found.length },
        fixes: [{ title: `Remove the AM/PM from all ${found.length} times`, safe: false, edits: found.map((f) => ({ start: f.meridiem.start, end: f.meridiem.end, newText: '' })) }],
      });
      return;
    }
    for (const f of found) {
      report({
        message: `"${f.written}" mixes a 24-hour time with ${model.text.slice(f.meridiem.start, f.meridiem.end).trim()}: read as ${f.read}. Drop the AM/PM, or correct the hour.`,
        range: f.range,
        fixes: [{ title: 'Remove the AM/PM', safe: false, edits: [{ start: f.meridiem.start, end: f.meridiem.end, newText: '' }] }],
      });
    }
  },
});
