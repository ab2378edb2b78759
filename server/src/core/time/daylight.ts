// Generic zone names ("Eastern Time", ET, "Pacific Time", "UK time") do not say whether daylight
// saving applied: they are read with the standard offset and `ambiguousDst`. Once the date is
// known, the region's rule settles it, so "7:05 PM Eastern Time" on July 25 is EDT (UTC-4) and
// agrees with a "9:35 PM EDT" written beside it. The change-over is taken at the start of its day:
// a time within the changed hour is at most an hour off, as a generic name already allowed.
import { dayNumber } from './calendar.js';
import type { CalendarDate, Zone } from './types.js';
import { genericZone, NAME_CORES } from './zone-table.js';

type Rule = 'us' | 'eu' | 'au' | 'nz';

/** The daylight-saving rule of each region, by the abbreviation of its standard time. */
const RULES: ReadonlyMap<string, Rule> = new Map([
  ['PST', 'us'], ['MST', 'us'], ['CST', 'us'], ['EST', 'us'], ['AKST', 'us'], ['AST', 'us'],
  ['CET', 'eu'], ['EET', 'eu'], ['WET', 'eu'], ['GMT', 'eu'],
  ['AEST', 'au'], ['NZST', 'nz'],
]);

/**
 * The region of each zone name that has a daylight time, standard, daylight and generic alike
 * (PST, PDT and PT are "PST"), from the zone table's names; and HDT, the Aleutian daylight time of
 * Hawaii–Aleutian Standard Time, which no name gives ("Hawaii Time" has no daylight saving).
 */
const REGIONS: ReadonlyMap<string, string> = new Map(
  [...NAME_CORES.values()]
    .filter((core) => core.daylight !== undefined)
    .flatMap((core) => [core.standard, core.daylight!, genericZone(core)].map((z): [string, string] => [z.abbreviation, core.standard.abbreviation]))
    .concat([['HDT', 'HST'], ['HST', 'HST']]),
);

/** Day number of the `nth` Sunday of a month (nth = -1: the last one). */
function sunday(year: number, month: number, nth: number): number {
  if (nth > 0) {
    const first = dayNumber({ year, month, day: 1 });
    // 1970-01-01 was a Thursday: weekday 0 is Sunday.
    const weekday = (((first + 4) % 7) + 7) % 7;
    return first + ((7 - weekday) % 7) + (nth - 1) * 7;
  }
  const last = dayNumber({ year, month: month + 1, day: 1 }) - 1;
  const weekday = (((last + 4) % 7) + 7) % 7;
  return last - weekday;
}

/** Whether daylight saving is in force on `date` under `rule` (northern: between; southern: outside). */
function inForce(rule: Rule, date: CalendarDate & { year: number }): boolean {
  const day = dayNumber(date);
  const y = date.year;
  switch (rule) {
    case 'us': // second Sunday of March to first Sunday of November (since 2007)
      return day >= sunday(y, 3, 2) && day < sunday(y, 11, 1);
    case 'eu': // last Sunday of March to last Sunday of October
      return day >= sunday(y, 3, -1) && day < sunday(y, 10, -1);
    case 'au': // first Sunday of October to first Sunday of April
      return day >= sunday(y, 10, 1) || day < sunday(y, 4, 1);
    case 'nz': // last Sunday of September to first Sunday of April
      return day >= sunday(y, 9, -1) || day < sunday(y, 4, 1);
  }
}

/** The daylight reading of each generic zone object, made once: entries compare zones by value. */
const daylightOf = new WeakMap<Zone, Zone>();

/**
 * The zone as it was on `date`: a generic name in its region's daylight-saving months gets the
 * daylight offset. Any other zone, or no date with a year, is returned as it is.
 */
export function zoneOnDate<Z extends Zone | undefined>(zone: Z, date: CalendarDate | undefined): Z {
  if (zone === undefined || !zone.ambiguousDst || zone.offsetMinutes === undefined || date?.year === undefined) return zone;
  const rule = RULES.get(REGIONS.get(zone.abbreviation ?? '') ?? '');
  if (rule === undefined || !inForce(rule, date as CalendarDate & { year: number })) return zone;
  let daylight = daylightOf.get(zone);
  if (!daylight) daylightOf.set(zone, (daylight = { ...zone, offsetMinutes: zone.offsetMinutes + 60 }));
  return daylight as Z;
}

/**
 * Whether two zones as written are the same clock: the same offset, or two names of one region's
 * local time. A generic name ("PT", "Pacific Time") beside PDT is that clock, and so are EST and EDT:
 * a timeline that goes from one to the other across the change-over keeps one clock, and each of
 * its entries says its own offset. PST beside UTC, or EST beside PST, are two clocks.
 */
export function sameClockZone(a: Zone, b: Zone): boolean {
  if (a.offsetMinutes === b.offsetMinutes) return true;
  const region = REGIONS.get(a.abbreviation ?? '');
  return region !== undefined && region === REGIONS.get(b.abbreviation ?? '');
}
