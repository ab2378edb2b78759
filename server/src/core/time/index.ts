// Public API of the time module: reading dates, times, zones, ranges and lengths as people write
// them in postmortems, and arithmetic on them. Pure: no fs, no editor, no LSP.

export type { CalendarDate, ClockTime, Zone, TimeMention, TimeRangeMention, DurationMention } from './types.js';

export { findTimeMentions, parseTimeText, type MentionOptions } from './mentions.js';
export { findTimeRanges } from './ranges.js';
export { parseLeadingTimestamp, looksLikeTimestampButUnreadable } from './leading.js';
export { findDurations } from './durations.js';
export { findZoneDeclaration, lookupZone } from './zones.js';
export { toUtcMinutes, minutesBetween, type Elapsed, type ElapsedContext } from './instants.js';
export { formatMinutes, formatClock, formatElapsed } from './format.js';
