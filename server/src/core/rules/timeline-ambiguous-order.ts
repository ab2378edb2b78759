import { defineRule } from './rule';
import { entryTime } from './shared/describe';
import { placeTimeline } from './shared/timeline-placement';

export default defineRule({
  id: 'timeline-ambiguous-order',
  description: 'The clock goes back (23:55 → 00:10) with no date and no stated window across midnight: it reads as passing midnight, but the document does not say so.',
  defaultSeverity: 'information',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    for (const problem of placeTimeline(model).problems) {
      if (problem.kind !== 'ambiguous-midnight') continue;
      const e = problem.entry.entry;
      report({
        message: `${entryTime(model, e)} after ${entryTime(model, problem.previous.entry)}: read as the next day, but nothing states the incident crossed midnight. Add the date to the entry, or state the window in the summary.`,
        range: e.timeRange,
      });
    }
  },
});
