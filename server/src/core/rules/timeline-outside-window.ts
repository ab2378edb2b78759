import { defineRule } from './rule';
import { momentText } from './shared/clock';
import { entryTime } from './shared/describe';
import { placeTimeline, windowOnAxis } from './shared/timeline-placement';

export default defineRule({
  id: 'timeline-outside-window',
  description: 'A timeline entry falls outside the stated incident window while claiming a milestone of the incident (start, detection, mitigation, resolution).',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const placement = placeTimeline(model);
    const window = windowOnAxis(model, placement);
    const { start, end } = model.incident;
    // A window given only as dates has no minutes to compare against.
    if (!window || !start?.mention.time || !end?.mention.time) return;
    const placed = placement.placed;
    for (let i = 0; i < placed.length; i++) {
      const p = placed[i]!;
      if (p.dayOnly) continue;
      // Context before the start (the deploy that caused it) and follow-ups after the end are
      // normal; a detection before the start or a resolution after the end is a contradiction.
      const m = p.entry.markers;
      if (p.at < window.start && m.some((k) => k === 'detected' || k === 'mitigated' || k === 'resolved')) {
        report({ message: `${entryTime(model, p.entry)} is before the stated start (${momentText(model, start)}) yet marks the incident as ${m.join(', ')}.`, range: p.entry.timeRange });
      } else if (p.at > window.end && m.some((k) => k === 'start' || k === 'detected' || k === 'resolved')) {
        report({ message: `${entryTime(model, p.entry)} is after the stated end (${momentText(model, end)}) yet marks the incident as ${m.join(', ')}.`, range: p.entry.timeRange });
      }
    }
  },
});
