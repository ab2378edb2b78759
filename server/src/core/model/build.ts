// Builds the postmortem model from a parse: sections by meaning, fields, the incident window,
// the timeline and action items. Linear in the number of lines.
import { withRemediationActions } from '../action-items/remediation';
import type { ParsedDocument } from '../parse/document';
import { LineIndex } from '../text/line-index';
import { stripMarkup } from '../text/plain';
import { findTimeMentions, lookupZone } from '../time';
import type { CalendarDate, Zone } from '../time/types';
import { inDateOrder } from '../time/calendar';
import { matcherFor } from '../templates/matcher';
import type { Template } from '../templates/types';
import { readActionItems } from './action-items';
import { detectPostmortem } from './detect';
import { documentLines, type DocLine } from './doc-lines';
import { spanStart, writesDayFirst } from './date-order';
import { findFields, frontMatterFields, placeFields, sectionsStatedAsFields } from './fields';
import { readFrontMatter } from './front-matter';
import { readIncident } from './incident';
import { buildSections, findHeaderCandidates, type HeaderCandidate } from './sections';
import { declaredTimelineZone, documentZoneDeclaration, readTimeline } from './timeline';
import type { Field, PostmortemModel } from './types';

export interface ModelOptions {
  path?: string;
  templates: readonly Template[];
  /** Template id to use when the front matter names none (else detected). */
  defaultTemplate?: string;
  pathPatterns: readonly RegExp[];
  /** Zone for times written without one, e.g. "UTC". */
  timeZone?: string;
}

/** Picks the template whose sections the document matches best (front matter can name one). */
function chooseTemplate(candidates: readonly HeaderCandidate[], fields: readonly Field[], options: ModelOptions, named: unknown): { template: Template; reason: PostmortemModel['templateReason'] } {
  const byId = (id: unknown) => options.templates.find((t) => t.id === id);
  const fromFrontMatter = byId(named);
  if (fromFrontMatter) return { template: fromFrontMatter, reason: 'front-matter' };
  const fromConfig = options.defaultTemplate ? byId(options.defaultTemplate) : undefined;
  if (fromConfig) return { template: fromConfig, reason: 'config' };
  let best = options.templates[0]!;
  let bestScore = -Infinity;
  let bestMissing = Infinity;
  for (const template of options.templates) {
    const matcher = matcherFor(template);
    const found = new Set<string>();
    let firstKnownHeading = Infinity;
    for (const c of candidates) {
      const ids = matcher.match(c.title, c.kind === 'label');
      for (const id of ids) found.add(id);
      if (ids.length > 0) firstKnownHeading = Math.min(firstKnownHeading, c.line.start);
    }
    // "**Root Causes:** ..." on one line at the top, before any known section, states a section as
    // the Google SRE book writes it; under "## Summary" it is one of the summary's fields. Only
    // required sections count: a template is not a better fit for the optional sections it lists.
    // Lines, not the rows of a details table: "| Detected by | Latency monitoring |" in a bank's
    // report does not make it a Google SRE postmortem that owes a Trigger section.
    const atTop = fields.filter((field) => field.range.start < firstKnownHeading && field.source === 'line');
    for (const id of sectionsStatedAsFields(template, atTop)) if (template.sections.some((s) => s.id === id && s.required)) found.add(id);
    const missingRequired = template.sections.filter((s) => s.required && !found.has(s.id)).length;
    const score = found.size - 1 * missingRequired;
    // On equal scores the template asking for less that is missing fits better.
    if (score > bestScore || (score === bestScore && missingRequired < bestMissing)) {
      best = template;
      bestScore = score;
      bestMissing = missingRequired;
    }
  }
  return { template: best, reason: 'detected' };
}

function firstTitle(text: string, lines: readonly DocLine[], fm: Record<string, unknown> | undefined): PostmortemModel['title'] {
  if (typeof fm?.['title'] === 'string') return { text: fm['title'], range: { start: 0, end: 0 } };
  const h1 = lines.find((l) => l.kind === 'heading' && l.depth === 1) ?? lines.find((l) => l.kind === 'heading');
  if (!h1) return undefined;
  return { text: stripMarkup(text.slice(h1.contentStart, h1.contentEnd)), range: { start: h1.start, end: h1.end } };
}

/** A date for the whole document: front matter, a Date field, or the title. */
function documentDate(model: Pick<PostmortemModel, 'fields' | 'title' | 'dayFirst'>): CalendarDate | undefined {
  for (const f of model.fields) {
    if (f.key !== 'date' && f.key !== 'start' && f.key !== 'duration') continue;
    const value = f.value.slice(0, 300);
    const m = findTimeMentions(value).find((x) => x.date?.year !== undefined);
    if (m?.date) return spanStart(value, m.start, inDateOrder(m.date, model.dayFirst));
  }
  if (model.title) {
    const d = findTimeMentions(model.title.text).find((m) => m.date?.year !== undefined)?.date;
    if (d) return inDateOrder(d, model.dayFirst);
  }
  return undefined;
}

export function buildModel(doc: ParsedDocument, options: ModelOptions): PostmortemModel {
  const text = doc.text;
  const lines = documentLines(doc);
  const frontMatter = readFrontMatter(doc);
  const candidates = findHeaderCandidates(text, lines);
  const lineFields = findFields(text, lines, []);
  const { template, reason } = chooseTemplate(candidates, lineFields, options, frontMatter?.data['template']);
  const sections = withRemediationActions(text, lines, buildSections(text.length, candidates, matcherFor(template)), template);
  placeFields(lineFields, sections);
  const fields = [...frontMatterFields(text, frontMatter), ...lineFields];
  const title = firstTitle(text, lines, frontMatter?.data);
  const dayFirst = writesDayFirst(text, title?.text, options.path);
  const date = documentDate({ fields, title, dayFirst });
  const defaultZone: Zone | undefined = options.timeZone ? lookupZone(options.timeZone) : undefined;
  const fmZone = typeof frontMatter?.data['timezone'] === 'string' ? lookupZone(frontMatter.data['timezone'] as string) : undefined;
  // Times written without a zone are in the front matter's zone, the configured one, or the one the
  // timeline declares ("All times PST"): a summary's "1:46pm - 5:30pm" is not UTC there.
  const zone = fmZone ?? defaultZone ?? declaredTimelineZone(text, lines, sections);
  const incident = readIncident({ text, lines, sections, fields, dayFirst, ...(date ? { date } : {}), ...(zone ? { zone } : {}) });
  const incidentDate = incident.start?.mention.date ?? date;
  const incidentZone = incident.start?.mention.zone ?? zone;
  const documentZone = documentZoneDeclaration(text, lines, sections);
  const timeline = readTimeline({ text, lines, sections, template, dayFirst, recycled: doc.recycled, ...(documentZone ? { documentZone } : {}), ...(incidentDate ? { date: incidentDate } : {}), ...(incidentZone ? { zone: incidentZone } : {}), ...(date ? { documentDate: date } : {}) });
  const actionItems = readActionItems(text, lines, sections, dayFirst);
  const sectionIds = new Set(sections.flatMap((s) => s.ids));
  const opening = lines.slice(0, 3).map((l) => text.slice(l.start, l.contentEnd)).join('\n');
  const detection = detectPostmortem({ ...(options.path ? { path: options.path } : {}), ...(frontMatter ? { frontMatter } : {}), ...(title ? { title: title.text } : {}), opening, sectionIds, pathPatterns: options.pathPatterns });
  // Line numbers are wanted only to place a few findings: the index (a pass over the whole text)
  // is made when first asked for, not on every keystroke.
  let index: LineIndex | undefined;
  return {
    text,
    ...(options.path ? { path: options.path } : {}),
    get index() {
      return (index ??= new LineIndex(text));
    },
    lines,
    ...(frontMatter ? { frontMatter } : {}),
    ...(title ? { title } : {}),
    template,
    templateReason: reason,
    sections,
    fields,
    incident,
    ...(timeline ? { timeline } : {}),
    actionItems,
    detection,
    dayFirst,
    recycled: doc.recycled,
  };
}
