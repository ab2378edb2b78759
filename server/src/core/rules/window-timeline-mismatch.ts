import { formatMinutes } from '../time';
import { defineRule } from './rule';
import { momentText } from './shared/clock';
import { entryTime } from './shared/describe';
import { placeTimeline, windowOnAxis, type PlacedEntry } from './shared/timeline-placement';

const DAY = 24 * 60;

/**
 * A gap of whole days to an entry whose day was only counted from the clock: "21:14 ... 09:52" under
 * a window "from 21:14 on March 2 to 09:52 on March 4" is read as one night, yet nothing in the
 * timeline says which morning 09:52 is. The clock agrees with the window; only the count of
 * midnights is a guess, so that is no contradiction.
 */
function onAnotherDayOnly(p: PlacedEntry, gap: number, slack: number): boolean {
  if (p.entry.dateExplicit || p.rolledDays === 0 || gap < DAY - slack) return false;
  const off = gap % DAY;
  return off <= slack || off >= DAY - slack;
}

export default defineRule({
  id: 'window-timeline-mismatch',
  description: 'The stated incident window and the timeline disagree: the timeline ends well before the stated end, or starts well after the stated start.',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { toleranceMinutes: { type: 'number', minimum: 0, description: 'Slack before a gap is reported (at least this, or 10% of the window).' } },
  },
  defaultOptions: { toleranceMinutes: 15 },
  check({ model, options, report }) {
    const placement = placeTimeline(model);
    const window = windowOnAxis(model, placement);
    const { start, end } = model.incident;
    // A window given only as dates ("August 3rd to August 5th") has no minutes to compare.
    if (!window || !start?.mention.time || !end?.mention.time) return;
    // The entries that reach latest and start earliest, among those with a time. A range entry
    // ("10:24–10:52") reaches its end time. One pass, no copies: this runs on every keystroke.
    let last: PlacedEntry | undefined;
    let first: PlacedEntry | undefined;
    let timed = 0;
    for (let i = 0; i < placement.placed.length; i++) {
      const p = placement.placed[i]!;
      if (p.dayOnly) continue;
      timed++;
      if (!last || p.end >= last.end) last = p;
      if (!first || p.at < first.at) first = p;
    }
    if (timed < 2 || !first || !last) return;
    const slack = Math.max(options.toleranceMinutes, (window.end - window.start) * 0.1);
    if (window.end - last.end > slack && !onAnotherDayOnly(last, window.end - last.end, slack)) {
      report({
        message: `The summary puts the end at ${momentText(model, end)}, but the timeline's last entry is ${entryTime(model, last.entry)}, ${formatMinutes(Math.round(window.end - last.end))} earlier: add how it ended, or correct the window.`,
        range: end.range,
        data: { gapMinutes: Math.round(window.end - last.end) },
      });
    }
    if (first.at - window.start > slack && !onAnotherDayOnly(first, first.at - window.start, slack)) {
      report({
        message: `The summary puts the start at ${momentText(model, start)}, but the timeline's first entry is ${entryTime(model, first.entry)}, ${formatMinutes(Math.round(first.at - window.start))} later: add what happened in between, or correct the window.`,
        range: start.range,
        data: { gapMinutes: Math.round(first.at - window.start) },
      });
    }
  },
});
