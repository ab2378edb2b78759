// The hover on the duration statement: the arithmetic a reviewer would do, next to what is stated.
import type { Moment, PostmortemModel } from '../../core/model/types';
import * as time from '../../core/time';
import type { Finding, TextRange } from '../../core/types';
import type { DurationFacts } from '../analysis-protocol';
import { formatDate } from '../time-text';

function clockOf(m: Moment, withDate: boolean): string {
  const mention = m.mention;
  const clock = mention.time ? time.formatClock(mention.time, '24h') : '';
  const date = withDate && mention.date ? `${formatDate(mention.date)} ` : '';
  return `${date}${clock}`;
}

function zoneOf(m: Moment): string | undefined {
  const z = m.mention.zone;
  return z ? (z.abbreviation ?? z.text) : undefined;
}

export function durationFacts(model: PostmortemModel, findings: readonly Finding[]): DurationFacts | undefined {
  const { start, end, stated } = model.incident;
  if (!stated && !(start && end)) return undefined;
  const ranges: TextRange[] = [];
  for (const r of [stated?.range, model.incident.durationSource, model.incident.windowSource]) {
    if (r && !ranges.some((x) => x.start === r.start && x.end === r.end)) ranges.push(r);
  }
  const lines: string[] = [];
  const mismatch = findings.find((f) => f.ruleId === 'duration-mismatch');
  if (start && end) {
    const computed = end.minutes - start.minutes;
    // Dates are shown only when the window spans days, where the clock alone would mislead.
    const withDate = model.incident.crossesMidnight && start.mention.date !== undefined;
    const zs = zoneOf(start);
    const ze = zoneOf(end);
    const window = zs === ze || ze === undefined || zs === undefined
      ? `${clockOf(start, withDate)} → ${clockOf(end, withDate)}${ze ?? zs ? ` ${ze ?? zs}` : ''}`
      : `${clockOf(start, withDate)} ${zs} → ${clockOf(end, withDate)} ${ze}`;
    let line = `${window} = ${time.formatMinutes(computed)}`;
    if (stated) {
      const said = time.formatMinutes(stated.mention.minutes);
      if (mismatch) line += `; stated: ${said} ✗ (${time.formatMinutes(Math.abs(computed - stated.mention.minutes))} ${stated.mention.minutes < computed ? 'short' : 'over'})`;
      else if (stated.mention.minutes === computed) line += `; stated: ${said} ✓`;
      else line += `; stated: ${said} ≈ (close enough for an approximate figure)`;
    }
    lines.push(line);
    if (model.incident.crossesMidnight) lines.push('The window crosses midnight.');
    if (!start.zoneKnown && !end.zoneKnown) lines.push('No time zone is stated for this window.');
  } else if (stated) {
    lines.push(`stated: ${time.formatMinutes(stated.mention.minutes)}; no start and end time are given to check it against.`);
  }
  return { ranges, markdown: lines.join('\n\n') };
}
