// Public API of the time module: reading dates, times, zones, ranges and lengths as people write
// them in postmortems, and arithmetic on them. Pure: no fs, no editor, no LSP. Every reader runs in
// time linear in its input (a hand-written tokenizer plus bounded lookahead; no backtracking regex
// ever sees unbounded text), because the server calls them on every keystroke.
//
// Decisions on ambiguous writing (details beside the code that makes them):
// - Numeric dates with "/" or "-" are month-first (US) unless the first number exceeds 12;
//   "04-12-2022" is April 12 with `ambiguous: true`. Dotted dates ("31.12.2023") are day-first.
// - A 24-hour clock with AM/PM ("13:20 PM", "23:00 AM") keeps its hour; `meridiemIgnored` says so.
// - "24:00" is hour 24 with `endOfDay: true`; arithmetic treats it as the next midnight.
// - IST is India (+05:30), BST British Summer Time, CST US Central, AST Atlantic. Generic PT, ET,
//   CT, MT and names like "Pacific Time" carry the standard offset and `ambiguousDst: true`;
//   zoneOnDate gives them the daylight offset once a date in their region's summer is known.
// - Ranges share what is written once: the zone (either way), AM/PM (second to first, when that
//   keeps from <= to) and the date (moving a day when the clock goes backwards); see `inherited`.
// - parseLeadingTimestamp accepts a time after a short label only inside the leading bold span or
//   in parentheses right after the label; "**Detected:** 10:00" is a field, not a timestamp.
// - "15.25" is a time only in parseLeadingTimestamp or with { allowDotSeparator: true }.
// - A one-letter unit apart from its number ("1 h 50 min") counts where nothing else fits: "h"
//   alone, another letter with a second part ("1 h 5 m"); never "at 14 h" or "14 h 30" (clocks).
// - "March 10–11, 2026" is a range of two dates: the second day takes the month written before it
//   (read only when a year follows it), the first the year written after it; see `inherited`.

export type { CalendarDate, ClockTime, Zone, TimeMention, TimeRangeMention, DurationMention } from './types.js';

export { findTimeMentions, parseTimeText, type MentionOptions } from './mentions.js';
export { findTimeRanges } from './ranges.js';
export { parseLeadingTimestamp, looksLikeTimestampButUnreadable } from './leading.js';
export { findDurations } from './durations.js';
export { findZoneDeclaration, lookupZone } from './zones.js';
export { toUtcMinutes, minutesBetween, type Elapsed, type ElapsedContext } from './instants.js';
export { sameClockZone, zoneOnDate } from './daylight.js';
export { countsInDays, formatMinutes, formatClock, formatElapsed, formatShortMinutes } from './format.js';
