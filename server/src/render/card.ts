// The header card (what happened, when, how long, how sound the document is) and the list of
// problems its counts point to. Counts are links to the list (works in the export without
// script) and carry the first finding's line (the preview reveals it in the editor).
import type { Analysis, Finding, PostmortemModel, Severity } from '../core';
import { placeTimeline, time } from '../core';
import type { Element } from 'hast';
import { h } from './h';
import { axisZone, clockText, dayText, lineOf, momentText } from './format';

const SEVERITIES: readonly { severity: Severity; one: string; many: string }[] = [
  { severity: 'error', one: 'error', many: 'errors' },
  { severity: 'warning', one: 'warning', many: 'warnings' },
  { severity: 'information', one: 'info', many: 'infos' },
  { severity: 'hint', one: 'hint', many: 'hints' },
];

function fact(term: string, value: Element | string, className: string, line?: number): Element {
  return h('div', { className: ['pm-fact', className] }, h('dt', {}, term), h('dd', { dataLine: line }, value));
}

function severityOf(model: PostmortemModel): { value: string; line?: number } | undefined {
  const field = model.fields.find((f) => f.key === 'severity');
  if (field && field.value.trim() !== '') return { value: field.value.trim(), line: lineOf(model, field.range.start) };
  const fm = model.frontMatter?.data['severity'];
  return typeof fm === 'string' || typeof fm === 'number' ? { value: String(fm) } : undefined;
}

function durationFact(model: PostmortemModel): Element | undefined {
  const { start, end, stated } = model.incident;
  const computed = start && end && start.dateKnown === end.dateKnown ? end.minutes - start.minutes : undefined;
  const statedMinutes = stated?.mention.minutes;
  if (computed === undefined && statedMinutes === undefined) return undefined;
  const parts: (Element | string)[] = [];
  if (computed !== undefined) parts.push(h('span', { className: ['pm-computed'] }, time.formatMinutes(computed)));
  const differs = computed !== undefined && statedMinutes !== undefined && Math.round(computed) !== Math.round(statedMinutes);
  if (statedMinutes !== undefined && (computed === undefined || differs)) {
    const label = `${computed === undefined ? '' : 'stated: '}${stated?.mention.approximate ? 'about ' : ''}${time.formatMinutes(statedMinutes)}`;
    parts.push(h('span', { className: ['pm-stated', differs ? 'pm-differs' : false], title: differs ? 'The stated duration differs from start to end' : false }, label));
  }
  const line = stated ? lineOf(model, stated.range.start) : undefined;
  return fact('Duration', h('span', {}, ...parts), 'pm-duration', line);
}

const DAY = 24 * 60;

/** With no stated window, what the timeline itself covers: "2024-08-02 23:10 → 2024-08-03 01:25 UTC". */
function timelineSpan(model: PostmortemModel): Element[] {
  const placement = placeTimeline(model);
  const timed = placement.placed.filter((p) => !p.dayOnly);
  if (timed.length < 2) return [];
  const first = Math.min(...timed.map((p) => p.at));
  const last = Math.max(...timed.map((p) => p.at));
  const { offset, zone } = axisZone(model);
  const when = (at: number) => `${placement.absolute ? `${dayText(Math.floor((at + offset) / DAY))} ` : ''}${clockText(at + offset)}`;
  const days = Math.floor((last + offset) / DAY) - Math.floor((first + offset) / DAY);
  const later = !placement.absolute && days > 0 ? ` (+${days} day${days === 1 ? '' : 's'})` : '';
  const line = model.timeline ? lineOf(model, model.sections[model.timeline.section]!.headerRange.start) : undefined;
  return [
    fact('Timeline', `${when(first)} → ${when(last)}${later}${zone ? ` ${zone}` : ''}`, 'pm-span', line),
    fact('Timeline span', time.formatMinutes(last - first), 'pm-span-length', line),
  ];
}

/** `rendered`: the title as the sanitised document shows it (raw HTML in a heading is text to the engine). */
export function headerCard(analysis: Analysis, fallbackTitle: string, rendered?: string): Element {
  const { model } = analysis;
  const title = rendered?.trim() || model.title?.text.trim() || fallbackTitle;
  const severity = severityOf(model);
  const facts: Element[] = [];
  facts.push(fact('Template', model.template.name, 'pm-template'));
  if (severity) facts.push(fact('Severity', severity.value, 'pm-severity', severity.line));
  const { start, end } = model.incident;
  if (start) facts.push(fact('Start', momentText(start), 'pm-start', lineOf(model, start.range.start)));
  if (end) facts.push(fact('End', momentText(end), 'pm-end', lineOf(model, end.range.start)));
  const duration = durationFact(model);
  if (duration) facts.push(duration);
  if (!start && !end) facts.push(...timelineSpan(model));
  return h(
    'header',
    { className: ['pm-card'], ariaLabel: 'Incident summary' },
    h('div', { className: ['pm-card-title'], dataLine: model.title ? lineOf(model, model.title.range.start) : undefined }, title),
    analysis.isPostmortem ? null : h('p', { className: ['pm-note'] }, `Not recognised as a postmortem: ${model.detection.reason}.`),
    h('dl', { className: ['pm-facts'] }, facts),
    analysis.isPostmortem ? problemCounts(model, analysis.findings) : null,
  );
}

function problemCounts(model: PostmortemModel, findings: readonly Finding[]): Element {
  const chips = SEVERITIES.flatMap(({ severity, one, many }) => {
    const index = findings.findIndex((f) => f.severity === severity);
    if (index < 0) return [];
    const count = findings.filter((f) => f.severity === severity).length;
    const first = findings[index]!;
    return [
      h(
        'a',
        { className: ['pm-count', `pm-${severity}`], href: `#pm-problem-${index}`, dataLine: lineOf(model, first.range.start), title: `Go to the first ${one}` },
        `${count} ${count === 1 ? one : many}`,
      ),
    ];
  });
  return h('div', { className: ['pm-counts'] }, chips.length > 0 ? chips : h('span', { className: ['pm-count', 'pm-clean'] }, 'No problems'));
}

/** Every finding with its line: what the counts link to, and a checklist when printed. */
export function problemList(model: PostmortemModel, findings: readonly Finding[], open: boolean): Element | undefined {
  if (findings.length === 0) return undefined;
  return h(
    'details',
    { className: ['pm-section', 'pm-problems'], open },
    h('summary', {}, `Problems (${findings.length})`),
    h(
      'ol',
      {},
      findings.map((f, i) => {
        const line = lineOf(model, f.range.start);
        return h(
          'li',
          { id: `pm-problem-${i}`, className: ['pm-problem', `pm-${f.severity}`], dataLine: line },
          h('span', { className: ['pm-problem-where'] }, `Line ${line + 1}`),
          ' ',
          h('span', { className: ['pm-problem-message'] }, f.message),
          ' ',
          h('code', { className: ['pm-rule'] }, f.ruleId),
        );
      }),
    ),
  );
}
