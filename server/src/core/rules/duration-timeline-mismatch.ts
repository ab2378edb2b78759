import { countsInDays, formatMinutes } from '../time';
import { defineRule } from './rule';
import { entryTime } from './shared/describe';
import { placeTimeline } from './shared/timeline-placement';

/**
 * Complements duration-mismatch (a length against a stated start and end) and
 * window-timeline-mismatch (a start and end against the timeline): a length stated on its own
 * ("Duration: 5 hours") is checked against the timeline. Only a timeline much shorter than the
 * length is reported: timelines often start before the outage and end after it, never the reverse.
 */
export default defineRule({
  id: 'duration-timeline-mismatch',
  description: 'A duration stated without a start and end is much longer than the whole timeline: either the length is wrong or the timeline misses most of the incident.',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { toleranceMinutes: { type: 'number', minimum: 0, description: 'Slack before a shortfall is reported (at least this, or a quarter of the stated length).' } },
  },
  defaultOptions: { toleranceMinutes: 30 },
  check({ model, options, report }) {
    const { start, end, stated } = model.incident;
    if (!stated || start || end || stated.mention.bound === 'at-most') return;
    const timed = placeTimeline(model).placed.filter((p) => !p.dayOnly);
    if (timed.length < 2) return;
    const first = timed.reduce((a, b) => (b.at < a.at ? b : a));
    const last = timed.reduce((a, b) => (b.at >= a.at ? b : a));
    const span = Math.round(last.at - first.at);
    const slack = Math.max(options.toleranceMinutes, stated.mention.minutes * 0.25);
    if (stated.mention.minutes - span <= slack) return;
    const days = countsInDays(stated.mention);
    report({
      message: `The duration says ${formatMinutes(stated.mention.minutes, { days })}, but the whole timeline (${entryTime(model, first.entry)} → ${entryTime(model, last.entry)}) covers ${formatMinutes(span, { days })}: correct the length, or add what happened after ${entryTime(model, last.entry)}.`,
      range: stated.range,
      data: { statedMinutes: stated.mention.minutes, timelineMinutes: span },
    });
  },
});
