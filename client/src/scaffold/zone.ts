// Checks the time zone the author enters with the engine's own reader, so every zone New
// Postmortem accepts is one the linter understands in the document it writes.
import { lookupZone } from '../../../server/src/core/time/zones';

export interface CheckedZone {
  text: string;
  /** Minutes east of UTC, when the zone has a fixed offset the engine knows. */
  offsetMinutes?: number;
}

/** An IANA name ("Europe/Berlin") as the offset it has at `at`, e.g. "UTC+02:00". */
function ianaAsOffset(name: string, at: Date): string | undefined {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name)) return undefined;
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: name, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part) return undefined;
    // "GMT+02:00"; UTC itself is "GMT" or "GMT+00:00" depending on the ICU version.
    return /^GMT(?:[+-]00:00)?$/.test(part) ? 'UTC' : part.replace(/^GMT/, 'UTC');
  } catch {
    return undefined;
  }
}

/** The zone, or a sentence for the input box saying what to write instead. */
export function checkZone(text: string, at: Date = new Date()): CheckedZone | string {
  const trimmed = text.trim();
  if (!trimmed) return 'Enter a time zone, e.g. UTC, CET, PST or +02:00.';
  if (trimmed.length > 64) return 'That is too long for a time zone.';
  const zone = lookupZone(trimmed);
  if (zone) return { text: trimmed, ...(zone.offsetMinutes !== undefined ? { offsetMinutes: zone.offsetMinutes } : {}) };
  // The engine reads abbreviations and offsets, not IANA names: say which offset is meant today.
  const offset = ianaAsOffset(trimmed, at);
  if (offset) return `Write ${trimmed} as an abbreviation or an offset: today it is ${offset}.`;
  return `"${trimmed}" is not a time zone the linter reads: use an abbreviation (UTC, CET, PST) or an offset (+02:00, UTC-5).`;
}
