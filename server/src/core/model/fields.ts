// Summary fields ("**Duration:** ...", "Start-time: ...", a "| Start Time | 14:00 |" row, front matter).
import { detachString } from '../text/detach';
import { normalizeTitle } from '../text/plain';
import { findTimeMentions } from '../time';
import type { DocLine } from './doc-lines';
import { readFieldCandidate, readHeadingField } from './labels';
import type { Field, FrontMatter, Section } from './types';
import type { TextRange } from '../types';

/** Normalized label -> canonical field key. */
const FIELD_KEYS: Record<string, string> = {};
function define(key: string, labels: string[]): void {
  for (const label of labels) FIELD_KEYS[normalizeTitle(label)] = key;
}
define('duration', ['minutes downtime or degradation', 'minutes of downtime', 'minutes downtime', 'minutes of degradation', 'downtime minutes', 'downtime in minutes', 'duration in minutes', 'duration minutes', 'duration in hours', 'duration hours', 'duration', 'outage duration', 'incident duration', 'total duration', 'downtime', 'total downtime', 'length', 'outage length', 'incident time', 'incident window', 'impact window', 'outage window', 'time window', 'outage period', 'incident period', 'duration of outage', 'duration of the outage', 'duration of incident', 'time frame', 'timeframe', 'when', 'outage time', 'window', 'impact duration', 'duration of impact']);
define('start', ['start', 'start time of incident', 'start time of the incident', 'start time', 'started', 'start date', 'start date/time', 'start datetime', 'start-time', 'began', 'incident start', 'outage start', 'outage began', 'start of outage', 'start of incident', 'incident began', 'began at', 'started at', 'from', 'opened', 'opened at', 'triggered', 'triggered at', 'reported at', 'declared at']);
define('end', ['end', 'end time', 'ended', 'end date', 'end date/time', 'end datetime', 'end-time', 'incident end', 'outage end', 'end of outage', 'end of incident', 'resolved at', 'resolved', 'ended at', 'restored at', 'resolution time', 'until', 'to', 'closed at', 'fixed at']);
define('impact', ['impact', 'customer impact', 'user impact', 'impact summary', 'business impact', 'affected', 'affected users', 'affected services', 'scope']);
define('root-cause', ['root cause', 'root causes', 'cause', 'the root cause', 'primary cause', 'underlying cause']);
define('severity', ['severity', 'sev', 'severity level', 'incident severity', 'priority', 'incident level']);
define('date', ['date', 'incident date', 'date of incident', 'date of the incident', 'outage date', 'day']);
define('detection', ['detection', 'detected', 'detection time', 'time detected', 'detected at', 'detected by', 'how it was detected']);
// Milestone times stated as fields ("| Mitigated | 10:40 UTC |"): core/metrics.ts prefers them to the timeline's markers.
define('acknowledged', ['acknowledged', 'acknowledged at', 'time acknowledged', 'acknowledgement time', 'acknowledgment time', 'ack time', 'acked', 'acked at']);
define('mitigated', ['mitigated', 'mitigated at', 'time mitigated', 'mitigation time', 'impact mitigated']);
define('status', ['status', 'incident status', 'state']);
define('authors', ['authors', 'author', 'owner', 'owners', 'written by', 'prepared by', 'incident commander', 'name s', 'names']);
define('resolution', ['resolution', 'fix', 'mitigation']);
define('trigger', ['trigger']);
// "**Summary:** ..." on one line, as the Google SRE book writes its summary, impact and causes.
define('summary', ['summary', 'incident summary', 'executive summary', 'issue summary', 'overview', 'tl dr', 'tldr']);

export function fieldKey(label: string): string | undefined {
  return FIELD_KEYS[normalizeTitle(label)];
}

/**
 * What a line holds for findFields, read once per line (model/line-memo.ts): a "Label: value"
 * with its key (offsets relative to the line), or a table row's label cells (by index) with theirs.
 */
type InlineField = { label: string; key: string; start: number; end: number };
type LineFields = InlineField | { inline: InlineField[] } | { cells: { index: number; key: string; label: string }[] } | { columns: { index: number; key: string; label: string }[] } | null;

function readLineFields(text: string, line: DocLine): LineFields {
  if (line.kind === 'table-row' && line.cells && line.header) {
    // "| Severity | Started | Resolved | Duration |" over one row of values: fields by column. A
    // header holding values ("| Start Time | 14:00 | End Time | 15:00 |") is a form, not names.
    if (/\d/.test(text.slice(line.start, line.end))) return null;
    const columns: { index: number; key: string; label: string }[] = [];
    for (let i = 0; i < line.cells.length; i++) {
      const label = text.slice(line.cells[i]!.start, line.cells[i]!.end).replace(/[*_`]/g, '').trim();
      const key = fieldKey(label);
      if (key) columns.push({ index: i, key, label: detachString(label) });
    }
    return columns.length >= 2 ? { columns } : null;
  }
  if (line.kind === 'table-row' && line.cells && line.cells.length >= 2 && !line.header) {
    const cells: { index: number; key: string; label: string }[] = [];
    for (let i = 0; i + 1 < line.cells.length; i += 2) {
      const label = text.slice(line.cells[i]!.start, line.cells[i]!.end).trim();
      const key = fieldKey(label);
      if (key) cells.push({ index: i, key, label: detachString(label) });
    }
    return cells.length > 0 ? { cells } : null;
  }
  const found = line.kind === 'heading' ? readHeadingField(text, line, (l) => fieldKey(l) !== undefined) : readFieldCandidate(text, line);
  const key = found ? fieldKey(found.label) : undefined;
  if (line.kind !== 'heading') {
    const inline = inlineFields(text, line);
    if (inline.length >= 2) return { inline };
  }
  if (!found || !key) return null;
  return { label: detachString(found.label), key, start: found.valueRange.start - line.start, end: found.valueRange.end - line.start };
}

/** "Label: value" at the start of a piece: the label short and made of words. */
const PIECE_FIELD = /^[*_]{0,3}([\p{L}][\p{L} /'-]{0,30}?)[*_]{0,3}:[*_]{0,3} *(\S)/u;

/**
 * Several fields on one line, as incident tools write a header: "**Severity:** SEV2 · **Status:**
 * Resolved · **Duration:** 2h 10m" (also with "|" or "•" between). Known labels only.
 */
function inlineFields(text: string, line: DocLine): InlineField[] {
  const content = text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 600));
  if (!/ [·•|] /.test(content)) return [];
  const out: InlineField[] = [];
  let at = 0;
  for (const piece of content.split(/ [·•|] /)) {
    const m = PIECE_FIELD.exec(piece.trimStart());
    const lead = piece.length - piece.trimStart().length;
    const key = m ? fieldKey(m[1]!) : undefined;
    if (m && key) {
      const valueStart = at + lead + m[0].length - 1;
      const valueEnd = at + piece.trimEnd().length;
      out.push({ label: detachString(m[1]!.trim()), key, start: line.contentStart - line.start + valueStart, end: line.contentStart - line.start + valueEnd });
    }
    at += piece.length + 3;
  }
  return out;
}

/** Fields on lines and in two-column-style tables, tagged with the section they are in. */
export function findFields(text: string, lines: readonly DocLine[], sections: readonly Section[]): Field[] {
  const fields: Field[] = [];
  let s = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    while (s + 1 < sections.length && sections[s + 1]!.range.start <= line.start) s++;
    let found = line.memo.field as LineFields | undefined;
    if (found === undefined) line.memo.field = found = readLineFields(text, line);
    if (!found) continue;
    const section = s >= 0 && line.start < sections[s]!.range.end ? innermost(sections, s, line.start) : undefined;
    if ('columns' in found) {
      // Only a table of one row of values: more rows are a list of things (action items with an
      // Owner and a Status column), not the incident's fields.
      const row = lines[n + 1];
      const after = lines[n + 2];
      if (!row?.cells || row.kind !== 'table-row' || row.containerEnd !== line.containerEnd) continue;
      if (after?.kind === 'table-row' && after.containerEnd === line.containerEnd) continue;
      for (const c of found.columns) {
        const v = row.cells[c.index];
        if (!v) continue;
        fields.push({ key: c.key, label: c.label, range: { start: row.start, end: row.end }, valueRange: { start: v.start, end: v.end }, value: text.slice(v.start, v.end), ...(section !== undefined ? { section } : {}), source: 'table' });
      }
      continue;
    }
    if ('inline' in found) {
      for (const f of found.inline) {
        const valueRange = { start: f.start + line.start, end: f.end + line.start };
        fields.push({ key: f.key, label: f.label, range: { start: line.start, end: line.end }, valueRange, value: text.slice(valueRange.start, valueRange.end), ...(section !== undefined ? { section } : {}), source: 'line' });
      }
      continue;
    }
    if ('cells' in found) {
      // "| Start Time | 14:00 | Detected | 14:05 |": label cells followed by value cells.
      for (const c of found.cells) {
        const v = line.cells![c.index + 1]!;
        fields.push({ key: c.key, label: c.label, range: { start: line.start, end: line.end }, valueRange: { start: v.start, end: v.end }, value: text.slice(v.start, v.end), ...(section !== undefined ? { section } : {}), source: 'table' });
      }
      continue;
    }
    const valueRange = { start: found.start + line.start, end: found.end + line.start };
    fields.push({
      key: found.key,
      label: found.label,
      range: { start: line.start, end: line.end },
      valueRange,
      value: text.slice(valueRange.start, valueRange.end),
      ...(section !== undefined ? { section } : {}),
      source: 'line',
    });
  }
  return fields;
}

/**
 * Template sections a document states as one-line fields instead of headings: the Google SRE book
 * writes "**Summary:** ...", "**Impact:** ...", "**Root Causes:** ..." and "**Trigger:** ...".
 */
export function sectionsStatedAsFields(template: { sections: readonly { id: string }[] }, fields: readonly Field[]): string[] {
  const ids: string[] = [];
  for (const section of template.sections) {
    // A value that is a time ("Detected at: 10:02") dates a milestone; it does not state a section.
    if (fields.some((f) => f.key === section.id && statesProse(f.value))) ids.push(section.id);
  }
  return ids;
}

/** A value in words, not empty and not a date or time ("Sep 28, 2026 06:45 UTC"). */
function statesProse(value: string): boolean {
  const v = value.replace(/^[\s*_|]+/, '').slice(0, 80);
  if (v === '' || /^\d/.test(v)) return false;
  const first = findTimeMentions(v)[0];
  return first === undefined || first.start > 2;
}

/**
 * Tags fields read without sections (so the template could be chosen from them) with the section
 * each is in. Both lists are in document order, so one walk does it.
 */
export function placeFields(fields: Field[], sections: readonly Section[]): void {
  let s = -1;
  for (const field of fields) {
    const at = field.range.start;
    while (s + 1 < sections.length && sections[s + 1]!.range.start <= at) s++;
    const section = s >= 0 && at < sections[s]!.range.end ? innermost(sections, s, at) : undefined;
    if (section !== undefined) field.section = section;
  }
}

/** The deepest section containing `offset`, starting from candidate `s` and walking to parents. */
function innermost(sections: readonly Section[], s: number, offset: number): number | undefined {
  let i: number | undefined = s;
  while (i !== undefined && !(sections[i]!.range.start <= offset && offset < sections[i]!.range.end)) i = sections[i]!.parent;
  return i;
}

/**
 * Front matter keys that are fields: `start`, `end`, `duration`, `severity`... Each field's ranges
 * are its own `key: value` line and the value on it (readers take the value from the text there:
 * with the whole block, `incident_end` read the first time in it, `incident_start`'s); the whole
 * block where the key is not on a line of its own at the top level.
 */
export function frontMatterFields(text: string, fm: FrontMatter | undefined): Field[] {
  if (!fm) return [];
  const out: Field[] = [];
  for (const [label, value] of Object.entries(fm.data)) {
    const key = fieldKey(label);
    if (!key || (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date))) continue;
    const written = value instanceof Date ? value.toISOString() : String(value);
    const line = keyLine(text, fm.range, label);
    out.push({ key, label, range: line?.range ?? fm.range, valueRange: line?.valueRange ?? fm.range, value: written, source: 'front-matter' });
  }
  return out;
}

/** The top-level `label: value` line of the front matter, and its value without quotes. */
function keyLine(text: string, block: TextRange, label: string): { range: TextRange; valueRange: TextRange } | undefined {
  let start = block.start;
  while (start < block.end) {
    let end = start;
    while (end < block.end && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(start, end);
    if (line.startsWith(label) && /^[ \t]*:/.test(line.slice(label.length))) {
      let from = start + label.length + line.slice(label.length).indexOf(':') + 1;
      let to = end;
      while (from < to && (text[from] === ' ' || text[from] === '\t')) from++;
      while (to > from && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--;
      if (to - from >= 2 && (text[from] === '"' || text[from] === "'") && text[to - 1] === text[from]) {
        from++;
        to--;
      }
      return { range: { start, end }, valueRange: { start: from, end: to } };
    }
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return undefined;
}
