// Places timeline entries on one time axis, understanding midnight: shared by the timeline rules,
// hovers and the preview. Computed once per model.
import type { PostmortemModel, TimelineEntry } from '../../model/types';
import { dayNumber } from '../../time/calendar';
import { toUtcMinutes } from '../../time';

export interface PlacedEntry {
  entry: TimelineEntry;
  /** Minutes on the axis the incident window uses (absolute when dates are known). */
  at: number;
  /** Only a date was given: the entry stands for a whole day. */
  dayOnly: boolean;
  /** Days added because the clock went back past midnight. */
  rolledDays: number;
}

export interface OrderProblem {
  entry: PlacedEntry;
  /** The latest entry before it in the document. */
  previous: PlacedEntry;
  kind: 'out-of-order' | 'ambiguous-midnight';
}

export interface Placement {
  placed: PlacedEntry[];
  problems: OrderProblem[];
  /** True when every entry has a date, so the axis is absolute. */
  absolute: boolean;
  byEntry: Map<TimelineEntry, PlacedEntry>;
}

const DAY = 24 * 60;
/** A step back on the clock this large looks like midnight passing, not a mistake. */
const ROLLOVER_GAP = 6 * 60;

const cache = new WeakMap<PostmortemModel, Placement>();

export function placeTimeline(model: PostmortemModel): Placement {
  let p = cache.get(model);
  if (!p) cache.set(model, (p = compute(model)));
  return p;
}

function compute(model: PostmortemModel): Placement {
  const entries = model.timeline?.entries ?? [];
  const absolute = entries.length > 0 && entries.every((e) => e.date?.year !== undefined);
  const placed: PlacedEntry[] = [];
  const problems: OrderProblem[] = [];
  const windowCrossesMidnight = model.incident.crossesMidnight;
  let rolled = 0;
  let latest: PlacedEntry | undefined;
  for (const entry of entries) {
    const first = 'from' in entry.mention ? entry.mention.from : entry.mention;
    const dated = absolute ? entry.date : undefined;
    let at: number;
    let dayOnly = false;
    if (first.time) at = toUtcMinutes(dated, first.time, entry.zone);
    else if (dated) {
      at = dayNumber(dated) * DAY;
      dayOnly = true;
    } else continue;
    // Undated entries (or dates only inherited) may have passed midnight since the one before.
    let current: PlacedEntry = { entry, at: at + rolled * DAY, dayOnly, rolledDays: rolled };
    if (latest && current.at < latest.at && !(entry.dateExplicit && absolute)) {
      const gap = latest.at - current.at;
      if (gap >= ROLLOVER_GAP && !current.dayOnly && !latest.dayOnly) {
        rolled++;
        current = { entry, at: at + rolled * DAY, dayOnly, rolledDays: rolled };
        // Nothing said midnight passed: neither the stated window nor a date on the entry.
        if (!windowCrossesMidnight && !entry.dateExplicit) problems.push({ entry: current, previous: latest, kind: 'ambiguous-midnight' });
      }
    }
    if (latest && current.at < latest.at && !(current.dayOnly || latest.dayOnly ? sameDay(current, latest) : false)) {
      problems.push({ entry: current, previous: latest, kind: 'out-of-order' });
    }
    placed.push(current);
    if (!latest || current.at >= latest.at) latest = current;
  }
  return { placed, problems, absolute, byEntry: new Map(placed.map((p) => [p.entry, p])) };
}

function sameDay(a: PlacedEntry, b: PlacedEntry): boolean {
  return Math.floor(a.at / DAY) === Math.floor(b.at / DAY);
}

/** The stated incident window on the same axis as the placed entries, when they can be compared. */
export function windowOnAxis(model: PostmortemModel, placement: Placement): { start: number; end: number } | undefined {
  const { start, end } = model.incident;
  if (!start || !end) return undefined;
  if (placement.absolute) return start.dateKnown ? { start: start.minutes, end: end.minutes } : undefined;
  if (!start.dateKnown) return { start: start.minutes, end: end.minutes };
  const date = start.mention.date;
  if (!date) return undefined;
  const s = start.minutes - dayNumber(date) * DAY;
  return { start: s, end: s + (end.minutes - start.minutes) };
}
