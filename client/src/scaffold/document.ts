// Renders a new postmortem with the values New Postmortem collected. The blanks left are the
// author's to fill; none of them states a number the engine could find inconsistent.
import type { Template } from '../../../server/src/core/templates/types';
import { postmortemParts, yamlScalar, type Slot } from './parts';
import { formatClock, formatDateTime, type LocalDateTime } from './start-time';

export interface PostmortemInput {
  template: Template;
  title: string;
  /** Wall-clock start in `zone`. */
  start: LocalDateTime;
  /** As the author wrote it and checkZone accepted it: "UTC", "CET", "+02:00". */
  zone: string;
  severity: string;
}

export interface RenderedPostmortem {
  text: string;
  /** The first `{{...}}` blank (braces included), where the cursor goes; absent if none is left. */
  firstBlank?: { start: number; end: number };
}

/** Line breaks and surrounding space would break the one-line places values go (heading, field). */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

export function renderPostmortem(input: PostmortemInput): RenderedPostmortem {
  const values: Record<Slot, string> = {
    title: oneLine(input.title),
    severity: oneLine(input.severity),
    startTime: formatDateTime(input.start),
    clock: formatClock(input.start),
    zone: oneLine(input.zone),
  };
  let text = '';
  let firstBlank: RenderedPostmortem['firstBlank'];
  for (const part of postmortemParts(input.template)) {
    if (part.kind === 'text') text += part.text;
    else if (part.kind === 'slot') text += part.yaml ? yamlScalar(values[part.slot]) : values[part.slot];
    else {
      const blank = `{{${part.label}}}`;
      firstBlank ??= { start: text.length, end: text.length + blank.length };
      text += blank;
    }
  }
  return { text, ...(firstBlank ? { firstBlank } : {}) };
}
