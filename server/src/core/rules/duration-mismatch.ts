import { countsInDays, formatMinutes, type DurationMention } from '../time';
import { defineRule } from './rule';
import { momentText } from './shared/clock';

const DAY = 24 * 60;

/** How far a stated length may be from the computed one and still be right. */
function tolerance(stated: number, approximate: boolean, wholeDays: boolean): number {
  if (wholeDays) return DAY / 2; // "5 days" rounds to the day
  if (approximate) return Math.max(5, stated * 0.1);
  return 0.5; // seconds round away
}

/**
 * Whether the length was written in days ("2 days", "a day", "1 week"): only then is it rounded to
 * the day. "48 hours" is a statement in hours, however many days it makes.
 */
function inDays(d: DurationMention): boolean {
  return d.smallestUnit !== undefined && d.smallestUnit >= DAY;
}

/**
 * The corrected length in the form it was written: "a 30-minute outage" becomes "a 45-minute
 * outage", not "a 45 minutes outage"; a writer counting in hours gets hours ("36 hours 38 minutes"),
 * not days.
 */
function restate(written: string, minutes: number, days: boolean): string {
  const adjective = /^\d+(?:\.\d+)?-(minute|hour|day)$/i.exec(written.trim());
  if (!adjective) return formatMinutes(minutes, { days });
  if (minutes % DAY === 0 && days) return `${minutes / DAY}-day`;
  if (minutes % 60 === 0) return `${minutes / 60}-hour`;
  return `${minutes}-minute`;
}

export default defineRule({
  id: 'duration-mismatch',
  description: 'The stated duration does not match the stated start and end times (midnight, several days and zones understood).',
  defaultSeverity: 'error',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const { start, end, stated, statedTogether } = model.incident;
    if (!start || !end || !stated || !statedTogether) return;
    const computed = Math.round(end.minutes - start.minutes);
    if (computed <= 0) return;
    const d = stated.mention;
    const wholeDays = inDays(d) && d.minutes >= DAY && d.minutes % DAY === 0;
    const tol = tolerance(d.minutes, d.approximate === true, wholeDays);
    const diff = computed - d.minutes;
    if (d.bound === 'at-least' && diff >= -tol) return;
    if (d.bound === 'at-most' && diff <= tol) return;
    if (!d.bound && Math.abs(diff) <= tol) return;
    const written = model.text.slice(stated.range.start, stated.range.end);
    // One zone for both ends is written once, at the end: "14:00 → 16:30 UTC".
    const sameZone = start.mention.zone?.text === end.mention.zone?.text;
    const days = countsInDays(d);
    const arithmetic = `${momentText(model, start, end, !sameZone)} → ${momentText(model, end, start)} is ${formatMinutes(computed, { days })}`;
    const replacement = restate(written, computed, days);
    const says = `${d.approximate ? 'about ' : d.bound === 'at-least' ? 'at least ' : d.bound === 'at-most' ? 'at most ' : ''}${formatMinutes(d.minutes, { days })}`;
    report({
      message: `Duration says ${says}, but ${arithmetic}.`,
      range: stated.range,
      data: { statedMinutes: d.minutes, computedMinutes: computed },
      fixes: [{ title: `Change the stated duration to ${replacement}`, safe: false, edits: [{ start: stated.range.start, end: stated.range.end, newText: replacement }] }],
    });
  },
});
