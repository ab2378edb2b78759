import type { TimelineEntry } from '../model/types';
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
    const explicit: TimelineEntry[] = [];
    for (let i = 0; i < timeline.entries.length; i++) {
      const e = timeline.entries[i]!;
      if (e.zoneExplicit && offsetOf(e.zone) !== undefined) explicit.push(e);
    }
    const declared = timeline.declaredZone?.zone;
    let reference: Zone | undefined = declared && offsetOf(declared) !== undefined ? declared : undefined;
    if (!reference) {
      // The zone most entries use is the reference; ties go to the first.
      const counts = new Map<number, { zone: Zone; n: number }>();
      for (let i = 0; i < explicit.length; i++) {
        const e = explicit[i]!;
        const o = offsetOf(e.zone)!;
        const c = counts.get(o) ?? { zone: e.zone!, n: 0 };
        c.n++;
        counts.set(o, c);
      }
      reference = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.zone;
    }
    if (!reference) return;
    for (let i = 0; i < explicit.length; i++) {
      const e = explicit[i]!;
      if (offsetOf(e.zone) === offsetOf(reference)) continue;
      const where = declared ? `the zone declared for the timeline (${declared.text})` : `the zone the other entries use (${reference.text})`;
      report({
        message: `${entryTime(model, e)} is not in ${where}: write every entry in one zone.`,
        range: e.timeRange,
        data: { zone: e.zone!.text, expected: reference.text },
      });
    }
  },
});
