import type { Field, PostmortemModel } from '../model/types';
import type { TextRange } from '../types';
import { defineRule } from './rule';
import { isBlankValue } from '../action-items/parts';

interface Options {
  allowed: string[];
}

export const DEFAULT_SEVERITIES = ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5', 'P0', 'P1', 'P2', 'P3', 'P4', 'critical', 'high', 'medium', 'low', 'major', 'minor'];

/** "SEV-1", "Sev 1", "sev_1" and "SEV1" are the same value. */
function normalize(s: string): string {
  return s.toLowerCase().replace(/[\s\-_.]/g, '');
}

/** "SEV1, SEV2, SEV3" reads as "SEV1–SEV3". */
function compact(values: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    // Prefix and trailing number split by a loop: /^(.*?)(\d+)$/ is quadratic on a long run of
    // digits, and these values come from a workspace's config file, which is not trusted.
    const value = values[i]!;
    let cut = value.length;
    while (cut > 0 && value.charCodeAt(cut - 1) >= 48 && value.charCodeAt(cut - 1) <= 57) cut--;
    const m = cut < value.length ? [value, value.slice(0, cut), value.slice(cut)] : null;
    let j = i;
    while (m && j + 1 < values.length && values[j + 1] === `${m[1]}${Number(m[2]) + (j + 1 - i)}`) j++;
    out.push(j > i + 1 ? `${values[i]}–${values[j]}` : values.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * The value's first word, and its first two when the second is short ("SEV-1 – full halt" ->
 * "SEV-1", "Sev B (major)" -> "Sev B"), with ranges. Either may be the scale's value.
 */
function leading(model: PostmortemModel, field: Field): { text: string; range: TextRange }[] {
  let range = field.valueRange;
  if (field.source === 'front-matter' && field.valueRange === field.range) {
    // A front matter field whose key is not on a line of its own carries the whole block's range
    // (model/fields.ts); point at the value's line.
    const at = model.text.slice(range.start, range.end).search(new RegExp(`^${field.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'm'));
    if (at < 0) return [];
    const lineStart = range.start + at;
    const colon = model.text.indexOf(':', lineStart) + 1;
    const lineEnd = model.text.slice(colon, range.end).search(/\r?\n/);
    range = { start: colon, end: lineEnd < 0 ? range.end : colon + lineEnd };
  }
  const raw = model.text
    .slice(range.start, Math.min(range.end, range.start + 200))
    .replace(/&#?\w+;/g, (e) => ' '.repeat(e.length))
    // A GitLab scoped label, "severity::2", holds its value after the "::".
    .replace(/^([\s*_`"'|~]*)(\p{L}+::)/u, (_, lead: string, scope: string) => lead + ' '.repeat(scope.length));
  const m = /^[\s*_`"'|]*([\p{L}\p{N}]+)(?:([\s\-_])([\p{L}\p{N}]{1,3})(?![\p{L}\p{N}]))?/u.exec(raw);
  if (!m) return [];
  const start = range.start + m[0].length - m[1]!.length - (m[2] ? m[2].length + m[3]!.length : 0);
  const first = { text: m[1]!, range: { start, end: start + m[1]!.length } };
  if (!m[2]) return [first];
  const two = m[1]! + m[2] + m[3]!;
  return [{ text: two, range: { start, end: start + two.length } }, first];
}

export default defineRule<Options>({
  id: 'severity-value',
  description: 'The stated severity is not one of the allowed values (by default SEV0–SEV5, P0–P4, critical, high, medium, low, major, minor; set your own scale with the allowed option).',
  defaultSeverity: 'warning',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { allowed: { type: 'array', minItems: 1, maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 40 }, description: 'The severity scale: values compare ignoring case, spaces and dashes ("SEV-1" = "sev1").' } },
  },
  defaultOptions: { allowed: DEFAULT_SEVERITIES },
  check({ model, options, report }) {
    const allowed = new Set(options.allowed.map(normalize));
    for (const field of model.fields) {
      // "Priority: Urgent" is a priority scale, not a severity; only a P-number is checked there.
      if (field.key !== 'severity' || (field.label.toLowerCase().includes('priority') && !/^p\d/i.test(field.value.replace(/^[\s|*_]+/, '')))) continue;
      const candidates = leading(model, field);
      const value = candidates[0];
      if (!value || isBlankValue(value.text)) continue;
      // "SEV?" is a template's blank, reported by placeholder.
      if (model.text[value.range.end] === '?' || /^[-\s]?\?/.test(model.text.slice(value.range.end, value.range.end + 2))) continue;
      // A bare number is read on the SEV scale: "Severity: 2".
      const fits = (c: { text: string }) => allowed.has(normalize(c.text)) || (/^\d$/.test(c.text) && allowed.has(`sev${c.text}`));
      if (candidates.some(fits)) continue;
      report({
        message: `Severity "${value.text}" is not one of the allowed values: ${compact(options.allowed)}.`,
        range: value.range,
        data: { value: value.text },
      });
    }
  },
});
