import { defineRule } from './rule';
import { datedEntryTime, momentBeside } from './shared/clock';
import { placeTimeline, windowOnAxis } from './shared/timeline-placement';

/**
 * An entry that tells people the incident is over, after it is: "Status page updated to
 * 'resolved'", "Customers notified that the incident is resolved", "Incident closed after 45
 * minutes of monitoring", "Status changed to Resolved" (an issue's label, set the next morning).
 * Not the system's resolution, so not a contradiction of the stated end.
 */
function tellsOfIt(text: string): boolean {
  return /\b(?:status ?page|notif(?:y|ied|ication)|announc|communicat|posted|post(?:ed)? an? update|customers? (?:were )?(?:told|informed|emailed)|closed after|incident closed|monitoring period|postmortem|retro|status (?:changed|set|updated|moved) to|marked (?:as )?(?:resolved|closed)|(?:issue|ticket) closed)/i.test(text.slice(0, 300));
}

export default defineRule({
  id: 'timeline-outside-window',
  description: 'A timeline entry falls outside the stated incident window while claiming a milestone of the incident (start, detection, mitigation, resolution).',
  defaultSeverity: 'warning',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    const placement = placeTimeline(model);
    const window = windowOnAxis(model, placement);
    const { start, end } = model.incident;
    // A window given only as dates has no minutes to compare against.
    if (!window || !start?.mention.time || !end?.mention.time) return;
    const placed = placement.placed;
    // An end stated to the minute ("11:17 UTC") covers that whole minute: "11:17:04" is inside it.
    const endsAt = end.mention.time.second === undefined ? window.end + 1 : window.end;
    // Once an entry inside the window resolves the incident, a later "restored" is a follow-up
    // ("Campaign resumed with the rate limit restored"), not a second, contradicting end.
    let resolvedInWindow = false;
    for (let i = 0; i < placed.length && !resolvedInWindow; i++) {
      const p = placed[i]!;
      resolvedInWindow = !p.dayOnly && p.at >= window.start && p.at < endsAt && p.entry.markers.includes('resolved');
    }
    for (let i = 0; i < placed.length; i++) {
      const p = placed[i]!;
      if (p.dayOnly) continue;
      // Context before the start (the deploy that caused it) and follow-ups after the end are
      // normal; a detection before the start or a resolution after the end is a contradiction.
      const m = p.entry.markers;
      if (p.at < window.start && m.some((k) => k === 'detected' || k === 'mitigated' || k === 'resolved')) {
        report({ message: `${datedEntryTime(model, p.entry, start.mention.date)} is before the stated start (${momentBeside(model, start, p.entry.date)}) yet marks the incident as ${m.join(', ')}.`, range: p.entry.timeRange });
      } else if (p.at > window.end && p.at >= endsAt && m.some((k) => k === 'start' || k === 'detected' || (k === 'resolved' && !resolvedInWindow && !tellsOfIt(p.entry.text)))) {
        report({ message: `${datedEntryTime(model, p.entry, end.mention.date)} is after the stated end (${momentBeside(model, end, p.entry.date)}) yet marks the incident as ${m.join(', ')}.`, range: p.entry.timeRange });
      }
    }
  },
});
