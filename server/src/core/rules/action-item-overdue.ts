import { dayNumber, withYearFrom } from '../time/calendar';
import type { PostmortemModel } from '../model/types';
import { defineRule } from './rule';
import { calendarDateOf, formatDate, incidentDate } from './shared/dates';

interface Options {
  graceDays: number;
  assumeOpen: boolean;
  /** Injected by analyze(): "today". */
  now?: Date;
}

/**
 * The document writes a numeric date that only reads day-first ("19/09/2026"): its other numeric
 * dates are day-first too, as British and most European writers put them.
 */
function writesDayFirst(model: PostmortemModel): boolean {
  // Read where dates are written (the top, the action items), not through a whole large document.
  const where = [model.text.slice(0, 20_000), ...model.actionItems.slice(0, 500).map((i) => model.text.slice(i.range.start, Math.min(i.range.end, i.range.start + 1000)))];
  return where.some((text) => DAY_FIRST_ONLY.test(text));
}

const DAY_FIRST_ONLY = /(?:^|[^\d/])(?:1[3-9]|2\d|3[01])\/(?:0?[1-9]|1[0-2])\/(?:\d{4}|\d{2})(?![\d/])/;

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
    let dayFirst: boolean | undefined;
    for (const item of model.actionItems) {
      const open = item.checked === false || (item.checked === null && options.assumeOpen);
      if (!open || !item.due) continue;
      // "11/12/2026" is read month-first, unless the document writes its dates day-first.
      const written = item.due.ambiguous && (dayFirst ??= writesDayFirst(model)) ? { ...item.due, month: item.due.day, day: item.due.month } : item.due;
      // "by June 3" in a May 2024 postmortem means June 3, 2024.
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
