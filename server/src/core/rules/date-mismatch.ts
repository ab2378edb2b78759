import type { CalendarDate } from '../time/types';
import { dayNumber } from '../time/calendar';
import { defineRule } from './rule';
import { daysBetween, fileNameDate, formatDate, incidentEvidence, titleDate, type DatedEvidence } from './shared/dates';
import { documentAnchor } from './shared/headings';

interface Options {
  toleranceDays: number;
  fileNameToleranceDays: number;
}

const WHERE: Record<DatedEvidence['source'], string> = { window: 'the summary', 'date-field': 'the Date field', timeline: 'the timeline' };

/** Days on one axis; a date without a year takes the claim's. */
function day(d: CalendarDate, year: number | undefined): number {
  return dayNumber(d.year !== undefined || year === undefined ? d : { ...d, year });
}

/** "the timeline runs 2024-01-16 to 2024-02-28" or "the summary says 2018-01-18". */
function describe(evidence: DatedEvidence[], year: number | undefined): string {
  const sorted = [...evidence].sort((a, b) => day(a.date, year) - day(b.date, year));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (day(first.date, year) === day(last.date, year)) return `${WHERE[first.source]} says ${formatDate(first.date)}`;
  const sources = new Set(sorted.map((e) => e.source));
  const who = sources.size === 1 ? WHERE[first.source] : 'the document';
  return `${who} ${sources.size === 1 && first.source === 'timeline' ? 'runs' : 'dates it'} ${formatDate(first.date)} to ${formatDate(last.date)}`;
}

export default defineRule<Options>({
  id: 'date-mismatch',
  description: 'The date in the title or the file name disagrees with the incident\'s dates (the summary\'s window, a Date field, the dated timeline), or the title and the file name disagree with each other.',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      toleranceDays: { type: 'integer', minimum: 0, description: 'Days a title date may be off (time zones put a late incident on the next day).' },
      fileNameToleranceDays: { type: 'integer', minimum: 0, description: 'Days after the incident a file may be dated (it is often named when the postmortem is written).' },
    },
  },
  defaultOptions: { toleranceDays: 1, fileNameToleranceDays: 7 },
  check({ model, options, report }) {
    const file = fileNameDate(model.path);
    const evidence = incidentEvidence(model);
    const title = withYearNear(titleDate(model, true), file ?? evidence.find((e) => e.date.year !== undefined)?.date);
    const year = title?.date.year ?? file?.year;
    const days = evidence.map((e) => day(e.date, year));
    // Loops, not Math.min(...days): spreading ~150k dated entries overflows the stack.
    const min = days.reduce((a, b) => Math.min(a, b), Infinity);
    const max = days.reduce((a, b) => Math.max(a, b), -Infinity);
    // Where a finding goes without a title date: found only when there is one to report (it needs line numbers).
    const anchor = () => title?.range ?? documentAnchor(model);
    const titleFits = title && evidence.length > 0 ? day(title.date, year) >= min - options.toleranceDays && day(title.date, year) <= max + options.toleranceDays : undefined;
    // The file name agreeing with the evidence against the title is one mistake, said once.
    const fileFits = file && evidence.length > 0 ? day(file, year) >= min - options.toleranceDays && day(file, year) <= max + options.fileNameToleranceDays : false;
    if (title && titleFits === false) {
      report({
        message: `The title says ${formatDate(title.date)}, but ${describe(evidence, year)}${fileFits ? `, and the file name says ${formatDate(file!)}` : ''}.`,
        range: anchor(),
        data: { claim: formatDate(title.date), source: 'title' },
      });
      if (fileFits) return;
    }
    if (file && title) {
      // A day apart is tolerated (zones), unless the incident's own dates all fall on one of the two
      // days: "2026-08-17-db.md" titled "2026-08-18" about an incident wholly on the 18th.
      const pinned = evidence.length > 0 && min === max ? min : undefined;
      const oneIsTheDay = pinned !== undefined && (day(file, year) === pinned) !== (day(title.date, year) === pinned);
      if (Math.abs(daysBetween(file, title.date)) <= options.toleranceDays && !oneIsTheDay) return;
      // A file dated some days after the incident the title dates: named when the postmortem was
      // written or published ("2025-06-14-api-outage.md" about "the outage on June 12").
      const fileLater = daysBetween(title.date, file);
      if (fileLater > 0 && fileLater <= options.fileNameToleranceDays && titleFits !== false && !oneIsTheDay) return;
      // A file named by the first day of the span the title gives.
      if (title.first && daysBetween(title.first, file) >= -options.toleranceDays && daysBetween(file, title.date) >= 0) return;
      // Which of the two the incident's own dates agree with, when only one of them lies among those dates.
      const within = (d: CalendarDate) => evidence.length > 0 && day(d, year) >= min && day(d, year) <= max;
      // With no dates of the incident's own there is nothing for either to agree with.
      const sources = evidence.length > 0 ? describe(evidence, year).replace(/ (says|runs|dates it) .*/, '') : '';
      const agrees = titleFits === true && !within(file) ? ` (the title agrees with ${sources})` : within(file) && !within(title.date) ? ` (the file name agrees with ${sources})` : '';
      report({
        message: `The file name says ${formatDate(file)}, but the title says ${formatDate(title.date)}${agrees}: one of them is wrong.`,
        range: anchor(),
        data: { claim: formatDate(file), source: 'file-name' },
      });
    } else if (file && evidence.length > 0) {
      const d = day(file, year);
      if (d >= min - options.toleranceDays && d <= max + options.fileNameToleranceDays) return;
      const first = evidence.reduce((a, b) => (day(b.date, year) < day(a.date, year) ? b : a));
      report({
        message: `The file name says ${formatDate(file)}, but ${describe(evidence, year)}.`,
        range: first.range,
        data: { claim: formatDate(file), source: 'file-name' },
      });
    }
  },
});

/**
 * A title date written without a year ("... offline on January 28") in the year that puts it
 * nearest the file name's or the incident's date; none when neither has a year to give.
 */
function withYearNear<T extends { date: CalendarDate }>(title: T | undefined, near: CalendarDate | undefined): T | undefined {
  if (!title || title.date.year !== undefined) return title;
  if (near?.year === undefined) return undefined;
  const candidates = [near.year - 1, near.year, near.year + 1].map((year) => ({ ...title.date, year }));
  const best = candidates.reduce((a, b) => (Math.abs(dayNumber(b) - dayNumber(near)) < Math.abs(dayNumber(a) - dayNumber(near)) ? b : a));
  return { ...title, date: best };
}
