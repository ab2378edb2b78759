// Time as people write it in postmortems. Everything here is plain data so rules, hovers and the
// preview can all reason about it.

/** A calendar date; year may be missing ("May 20"). Month is 1-12. */
export interface CalendarDate {
  year?: number;
  month: number;
  day: number;
  /** Both numbers of a numeric date could be the month ("04-12-2022"); we read it month-first (US). */
  ambiguous?: boolean;
}

/** A wall-clock time. hour is 0-23 after AM/PM is applied; `meridiem` records what was written. */
export interface ClockTime {
  hour: number;
  minute: number;
  second?: number;
  meridiem?: 'am' | 'pm';
  /** True for "24:00" used as an end time. */
  endOfDay?: boolean;
  /** AM/PM was written after a 24-hour clock ("13:20 PM", "23:00 AM"); the hour was kept as written. */
  meridiemIgnored?: boolean;
}

/** A time zone as written: an abbreviation (UTC, PST), an offset (GMT+1, +03:00) or a name. */
export interface Zone {
  /** As written, e.g. "PST", "GMT+1", "+03:00". */
  text: string;
  /** Minutes east of UTC, when known. PST = -480. */
  offsetMinutes?: number;
  /** Canonical abbreviation when known: "WAT" for "West Central Africa Standard Timezone". */
  abbreviation?: string;
  /**
   * Generic names (PT, ET, "Pacific Time") do not say whether daylight saving applied;
   * offsetMinutes then holds the standard offset.
   */
  ambiguousDst?: boolean;
}

/** A time mention found in text: any of date, time and zone. */
export interface TimeMention {
  /** Offsets of the whole mention within the string that was scanned. */
  start: number;
  end: number;
  date?: CalendarDate;
  time?: ClockTime;
  zone?: Zone;
  /** "approximately", "~", "around" were written before it. */
  approximate?: boolean;
  /**
   * Parts not written inside [start, end) but taken from the other end of a range:
   * "14:00 - 16:30 UTC" gives the start the zone UTC with inherited.zone = true; in "March 10–11,
   * 2026" the second end takes its month from the first (so even findTimeMentions flags it).
   */
  inherited?: { date?: boolean; zone?: boolean; meridiem?: boolean };
}

/** Two mentions joined by -, –, —, ~ or "to"/"until"/"through". */
export interface TimeRangeMention {
  start: number;
  end: number;
  from: TimeMention;
  to: TimeMention;
}

/** A stated length: "2 hours and 30 minutes", "2h 30m", "7.5 hours", "three hours", "a 30-minute outage". */
export interface DurationMention {
  start: number;
  end: number;
  minutes: number;
  /** "about", "approximately", "~", "almost", "over", "at least", "under" were written with it. */
  approximate?: boolean;
  /** The bound it states, if any: "at least 3 hours" is a lower bound. */
  bound?: 'at-least' | 'at-most';
  /**
   * Minutes of the largest and smallest units written: "48 hours" is 60 and 60, "2 days" 1440 and
   * 1440, "1 day 6 hours" 1440 and 60. A length in hours is one in hours even when it is a whole
   * number of days. A bare number under a "Duration (hours)" label takes the label's unit; absent
   * where nothing gives one.
   */
  largestUnit?: number;
  smallestUnit?: number;
}
