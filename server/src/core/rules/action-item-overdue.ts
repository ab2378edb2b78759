import { dayNumber, withYearFrom } from '../time/calendar';
import { defineRule } from './rule';
import { calendarDateOf, formatDate, incidentDate } from './shared/dates';

interface Options {
  graceDays: number;
  assumeOpen: boolean;
  /** Injected by analyze(): "today". */
  now?: Date;
}

export default defineRule<Options>({
  id: 'action-item-overdue',
  description: 'An open action item (an unchecked task, or a table row whose status is open) is past its due date.',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      graceDays: { type: 'integer', minimum: 0, description: 'Days past the due date before an item counts as overdue.' },
      assumeOpen: { type: 'boolean', description: 'Also report items whose status is not written (plain list items, tables without a Status column).' },
    },
  },
  defaultOptions: { graceDays: 0, assumeOpen: false },
  check({ model, options, report }) {
    const today = calendarDateOf(options.now ?? new Date());
    const reference = incidentDate(model);
    for (const item of model.actionItems) {
      const open = item.checked === false || (item.checked === null && options.assumeOpen);
      if (!open || !item.due) continue;
      // "by June 3" in a May 2024 postmortem means June 3, 2024. An ambiguous "11/12/2026" was
      // read in the document's date order by the model (model/date-order.ts).
      const written = item.due;
      const due = written.year !== undefined ? written : reference?.year !== undefined ? withYearFrom(written, reference, 'after') : undefined;
      if (!due) continue;
      const late = dayNumber(today) - dayNumber(due);
      if (late <= options.graceDays) continue;
      report({
        message: `This action item was due on ${formatDate(due)} (${late} day${late === 1 ? '' : 's'} ago) and is still open: finish it, mark it done, or set a new date.`,
        range: item.dueRange ?? item.range,
        data: { due: formatDate(due), daysLate: late },
      });
    }
  },
});
