// How the report writes times: ISO dates (unambiguous to every reader), 24-hour clocks, and the
// zone the document used, so the card reads like the document rather than like a server log.
import type { Moment, PostmortemModel, time } from '../core';

type Zone = time.Zone;

const DAY = 24 * 60;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** "14:05" for minutes of a (local) day. */
export function clockText(minutes: number): string {
  const m = Math.round(mod(minutes, DAY));
  return `${pad(Math.floor(m / 60) % 24)}:${pad(m % 60)}`;
}

/** "2024-05-20" for a day number (days since 1970-01-01). */
export function dayText(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function zoneText(zone: Zone | undefined): string {
  return zone ? (zone.abbreviation ?? zone.text) : '';
}

/** A stated start or end as the card shows it: "2024-05-20 14:00 UTC", "23:00 PST", "14:00 (no zone)". */
export function momentText(m: Moment): string {
  const zone = m.mention.zone;
  // Minutes are UTC when a zone was known; show them back in the document's zone.
  const offset = zone?.offsetMinutes ?? 0;
  const local = m.minutes + offset;
  const label = zone ? zoneText(zone) : m.zoneKnown ? 'UTC' : '';
  const time = m.mention.time ? clockText(local) : '';
  const date = m.dateKnown ? dayText(Math.floor(local / DAY)) : '';
  const when = [date, time].filter((s) => s !== '').join(' ');
  return label ? `${when} ${label}` : `${when} (no zone)`;
}

/** 0-based line of an offset, as VS Code counts lines (and data-line carries them). */
export function lineOf(model: PostmortemModel, offset: number): number {
  return model.index.position(offset).line - 1;
}

/** The zone the axis is labelled in: the one most entries use, else the timeline's, else the incident's. */
export function axisZone(model: PostmortemModel): { offset: number; zone: string } {
  const counts = new Map<number, { n: number; zone: string }>();
  for (const e of model.timeline?.entries ?? []) {
    const offset = e.zone?.offsetMinutes;
    if (offset === undefined) continue;
    const c = counts.get(offset) ?? { n: 0, zone: e.zone!.abbreviation ?? e.zone!.text };
    c.n++;
    counts.set(offset, c);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0];
  if (best) return { offset: best[0], zone: best[1].zone };
  const fallback = model.timeline?.declaredZone?.zone ?? model.incident.start?.mention.zone;
  if (fallback?.offsetMinutes !== undefined) return { offset: fallback.offsetMinutes, zone: fallback.abbreviation ?? fallback.text };
  return { offset: 0, zone: '' };
}
