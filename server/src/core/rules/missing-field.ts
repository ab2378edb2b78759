import type { PostmortemModel, Section } from '../model/types';
import { findDurations, findTimeMentions, findTimeRanges } from '../time';
import { defineRule } from './rule';

const FIELD_NAMES: Record<string, string> = {
  duration: 'the duration (start and end, or how long)',
  impact: 'the impact (who or what was affected, and how much)',
  'root-cause': 'the root cause',
};

/** Ways a section states a field without a "Field:" label: prose a reviewer would accept. */
const PROSE: Record<string, RegExp> = {
  impact: /\b(impact|affect|users?|customers?|clients?|visitors?|requests?|traffic|unavailable|inaccessible|unable to|could(?:n[’']t| not)|queued|backlog|time[ds]? ?out|exposed|leak|compromis|exfiltrat|stolen|breach|held|blocked|stuck|rejected|outage|down(time)?|errors?|delay(ed|s)?|slow(ed|er|down)?|latenc|fail(ed|ing|ures?)?|degrad|disrupt|(drop|increase|decrease|spike) in|lost|loss of|\d+(\.\d+)?\s?%)/i,
  'root-cause': /\b(root cause|caused by|because|due to|the cause|triggered by|stemm(ed|ing) from|result of|culprit)/i,
};

function statesField(model: PostmortemModel, section: Section, key: string): boolean {
  if (model.fields.some((f) => f.key === key && f.value.trim() !== '')) return true;
  // A section of its own counts ("## Impact", "## Root Cause").
  if (model.sections.some((s) => s.ids.includes(key))) return key !== 'duration';
  const own = model.text.slice(section.bodyRange.start, Math.min(section.bodyRange.end, section.bodyRange.start + 20_000));
  // An empty section is reported by empty-section; one in another language cannot be read here.
  if (own.trim() === '' || !isEnglish(own)) return true;
  const body = leadOf(model, section) + own;
  if (key === 'duration') {
    // A start and an end in separate sentences ("At 9:52 a.m. ... by 11:58 a.m. everything worked")
    // state it too; "building from around 6pm, peaks at 6am" tells of the traffic, not the incident.
    return model.incident.start !== undefined || model.incident.stated !== undefined || findTimeRanges(body).length > 0 || findDurations(body).length > 0 || findTimeMentions(body).filter((m) => m.time && /\d[:.]\d\d/.test(body.slice(m.start, m.end))).length >= 2;
  }
  return PROSE[key]?.test(body) ?? false;
}

/**
 * The lines before the document's first known section, when `section` is that section: a
 * "tl;dr" or opening paragraph under the title is where many write their summary, and a reviewer
 * reads it with the summary section that follows ("## What happened").
 */
function leadOf(model: PostmortemModel, section: Section): string {
  const at = model.sections.indexOf(section);
  if (at < 0 || model.sections.slice(0, at).some((s) => s.ids.length > 0)) return '';
  // From the title's heading (the section just before, holding this one), or the top of the text.
  const before = at > 0 ? model.sections[at - 1]! : undefined;
  if (before && section.parent !== at - 1) return '';
  const start = before ? before.bodyRange.start : 0;
  const end = section.headerRange.start;
  return end - start > 0 && end - start <= 5_000 ? `${model.text.slice(start, end)}\n` : '';
}

const ENGLISH_WORDS = /\b(?:the|and|of|to|was|were|is|are|for|from|in|on|at|with|by|after|our|we|this|that)\b/gi;

/** Whether a stretch of prose reads as English: its common short words make up a fair share of it. */
function isEnglish(body: string): boolean {
  const sample = body.slice(0, 2000);
  const words = sample.match(/\p{L}+/gu)?.length ?? 0;
  if (words < 6) return true;
  const english = sample.match(ENGLISH_WORDS)?.length ?? 0;
  return english * 12 >= words;
}

export default defineRule({
  id: 'missing-field',
  description: 'A section does not state a field its template asks for (the summary\'s duration, impact, root cause), neither as a "Field:" line nor in its prose.',
  defaultSeverity: 'information',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  check({ model, report }) {
    for (const ts of model.template.sections) {
      if (!ts.fields?.length) continue;
      const section = model.sections.find((s) => s.ids.includes(ts.id));
      if (!section) continue;
      for (const key of ts.fields) {
        if (statesField(model, section, key)) continue;
        report({
          message: `"${section.title}" does not state ${FIELD_NAMES[key] ?? key}.`,
          range: { start: section.headerRange.start, end: model.index.lineContentEnd(model.index.position(section.headerRange.start).line) },
          data: { section: ts.id, field: key },
        });
      }
    }
  },
});
