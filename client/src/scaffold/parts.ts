// A new postmortem as a list of parts: literal text, values New Postmortem asks for (slots), and
// `{{...}}` blanks the author fills. One structure, two renderings: a document with the slots
// filled (document.ts) and a snippet with tab stops (snippets.ts), so they cannot drift apart.
import type { Template, TemplateSection } from '../../../server/src/core/templates/types';

/** Values known when the postmortem is created. `startTime` is the date and clock, without zone. */
export type Slot = 'title' | 'severity' | 'startTime' | 'clock' | 'zone';

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'slot'; slot: Slot; yaml?: boolean }
  | { kind: 'blank'; label: string };

/** Skeleton placeholders that name a value we know. Everything else stays for the author. */
const SLOTS: Record<string, Part[]> = {
  // A window's start is the date, the clock and the zone: "2024-05-20 14:00 UTC".
  start: [{ kind: 'slot', slot: 'startTime' }, { kind: 'text', text: ' ' }, { kind: 'slot', slot: 'zone' }],
  'hh:mm': [{ kind: 'slot', slot: 'clock' }],
  zone: [{ kind: 'slot', slot: 'zone' }],
  'time zone': [{ kind: 'slot', slot: 'zone' }],
  timezone: [{ kind: 'slot', slot: 'zone' }],
  title: [{ kind: 'slot', slot: 'title' }],
  severity: [{ kind: 'slot', slot: 'severity' }],
};

/**
 * Lines that state a summary field the template asks for but its skeleton does not contain. The
 * duration states only the start: an end and a length written now would be guesses, and a guess
 * that disagrees with itself is exactly what the engine reports as an error.
 */
const FIELD_LINES: Record<string, string> = {
  duration: '**Duration:** {{start}} - {{end}} ({{duration}})',
  impact: '**Impact:** {{impact}}',
  'root-cause': '**Root Cause:** {{root cause}}',
};

const PLACEHOLDER = /\{\{([^{}\n]{0,200})\}\}/g;

export function skeletonParts(skeleton: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of skeleton.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push({ kind: 'text', text: skeleton.slice(last, m.index) });
    // "{{...}}" has no words, and a section holding only it reads as empty to the engine.
    const label = /[\p{L}\p{N}]/u.test(m[1]!) ? m[1]!.trim() : 'details';
    parts.push(...(SLOTS[label.toLowerCase()] ?? [{ kind: 'blank', label }]));
    last = m.index + m[0].length;
  }
  if (last < skeleton.length) parts.push({ kind: 'text', text: skeleton.slice(last) });
  return parts;
}

/** "**Root Cause:** ..." -> "root-cause": the field keys a skeleton already states. */
function fieldsIn(skeleton: string): Set<string> {
  const keys = new Set<string>();
  for (const line of skeleton.split('\n')) {
    const m = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ]{0,40}?)(?:\*\*|__)?\s*:/.exec(line);
    if (m) keys.add(m[1]!.trim().toLowerCase().replace(/\s+/g, '-'));
  }
  return keys;
}

function fieldLine(key: string): string {
  return FIELD_LINES[key] ?? `**${key.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())}:** {{${key.replace(/-/g, ' ')}}}`;
}

/** The body under a section's heading: missing field lines, then the skeleton. */
export function sectionBody(section: TemplateSection): string {
  const skeleton = (section.skeleton ?? '').replace(/\r\n?/g, '\n').trim();
  const stated = fieldsIn(skeleton);
  const lines = (section.fields ?? []).filter((f) => !stated.has(f)).map(fieldLine);
  // A section with nothing to say yet would be reported as empty: give it a blank to fill.
  if (skeleton) lines.push(skeleton);
  else if (lines.length === 0) lines.push(`{{${section.title.toLowerCase()}}}`);
  return lines.join('\n\n') + '\n';
}

export function sectionParts(section: TemplateSection, level = 2): Part[] {
  return [{ kind: 'text', text: `${'#'.repeat(level)} ${section.title}\n\n` }, ...skeletonParts(sectionBody(section))];
}

/**
 * The sections a new postmortem starts with: the required ones and the optional ones with a
 * skeleton (an optional heading with nothing to suggest is noise; completion offers it later).
 */
export function startingSections(template: Template): TemplateSection[] {
  return template.sections.filter((s) => s.required === true || (s.skeleton ?? '').trim() !== '');
}

const hasSlot = (parts: readonly Part[], slot: Slot) => parts.some((p) => p.kind === 'slot' && p.slot === slot);

/**
 * A whole postmortem. Front matter names the template (so detection cannot pick another one for
 * a page that is still mostly blanks), marks the file as a postmortem wherever it is saved, and
 * declares the zone for times written later without one.
 */
export function postmortemParts(template: Template): Part[] {
  const body = startingSections(template).flatMap((s, i) => [...(i > 0 ? [{ kind: 'text', text: '\n' } as Part] : []), ...sectionParts(s)]);
  const preamble: Part[] = [];
  if (!hasSlot(body, 'severity')) preamble.push({ kind: 'text', text: '**Severity:** ' }, { kind: 'slot', slot: 'severity' }, { kind: 'text', text: '\n\n' });
  // Templates whose skeletons do not state the start (no Duration line) get it here, so the
  // document still carries the date its timeline times belong to.
  if (!hasSlot(body, 'startTime')) preamble.push({ kind: 'text', text: '**Start:** ' }, ...SLOTS['start']!, { kind: 'text', text: '\n\n' });
  return [
    { kind: 'text', text: `---\ntype: postmortem\ntemplate: ${yamlScalar(template.id)}\ntimezone: ` },
    { kind: 'slot', slot: 'zone', yaml: true },
    { kind: 'text', text: '\n---\n\n# ' },
    { kind: 'slot', slot: 'title' },
    { kind: 'text', text: '\n\n' },
    ...preamble,
    ...body,
  ];
}

const YAML_WORDS = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/**
 * A value as a YAML scalar: plain when that reads back as the same string, else double-quoted
 * (a JSON string is a valid YAML double-quoted scalar). "2024" would read back as a number and
 * "no" as false, so they are quoted too.
 */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z_][\w .()-]*$/.test(value) && !/\s$/.test(value) && !YAML_WORDS.test(value);
  return plain ? value : JSON.stringify(value);
}
