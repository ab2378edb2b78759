import type { TimelineEntry } from '../model/types';
import { sameClockZone } from '../time';
import type { Zone } from '../time/types';
import { defineRule } from './rule';
import { entryTime } from './shared/describe';

function offsetOf(z: Zone | undefined): number | undefined {
  return z?.offsetMinutes;
}

export default defineRule({
  id: 'timeline-zone-mismatch',
  description: 'Timeline times use different time zones (or contradict the zone declared for the timeline), so their order and the durations are unclear.',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const timeline = model.timeline;
    if (!timeline) return;
    // The entries are read twice rather than copied out: an array of the explicit ones was a
    // fresh 46,000-element array a keystroke on a 5 MB timeline (see FRESH_MEMORY in model/doc-lines.ts).
    const entries = timeline.entries;
    const explicit = (e: TimelineEntry) => e.zoneExplicit && offsetOf(e.zone) !== undefined;
    const declared = timeline.declaredZone?.zone;
    let reference: Zone | undefined = declared && offsetOf(declared) !== undefined ? declared : undefined;
    if (!reference) {
      // The zone most entries use is the reference; ties go to the first.
      const counts = new Map<number, { zone: Zone; n: number }>();
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        if (!explicit(e)) continue;
        const o = offsetOf(e.zone)!;
        const c = counts.get(o) ?? { zone: e.zone!, n: 0 };
        c.n++;
        counts.set(o, c);
      }
      reference = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.zone;
    }
    if (!reference) return;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      // "9:00 AM PT" in July under "All times are Pacific Time" is that zone, read as daylight time.
      if (!explicit(e) || sameClockZone(e.zone!, reference)) continue;
      const where = declared ? `the zone declared for the timeline (${declared.text})` : `the zone the other entries use (${reference.text})`;
      report({
        message: `${entryTime(model, e)} is not in ${where}: write every entry in one zone.`,
        range: e.timeRange,
        data: { zone: e.zone!.text, expected: reference.text },
      });
    }
  },
});
