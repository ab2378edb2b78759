// One postmortem in a few figures: title, date, severity, duration, the four metrics and its
// action items (how many, how many open, how many overdue, and the open ones themselves). Shared
// by `postmortem metrics` and the editor's workspace index, so both count the same way.
// Plain JSON: it crosses from the analysis worker to the request thread and on to the client.
import type { ResolvedConfig } from './config/types';
import { incidentMetrics } from './metrics';
import type { ActionItem, PostmortemModel } from './model/types';
import { calendarDateOf, formatDate, incidentDate } from './rules/shared/dates';
import { dayNumber, withYearFrom } from './time/calendar';
import type { CalendarDate } from './time/types';

export interface ActionItemOptions {
  /** "Today", for overdue items; defaults to the clock. */
  now?: Date;
  /** Days past the due date before an item counts as overdue (action-item-overdue's option). */
  graceDays?: number;
  /** Items whose status is not written count as open (action-item-overdue's option). */
  assumeOpen?: boolean;
}

export interface OpenActionItem {
  text: string;
  owner: string | null;
  /** "2024-07-01", "Jul 1" when neither the item nor the incident gives a year, or a deadline named without a date ("end of sprint 14"). */
  due: string | null;
  /** Past its due date by more than the grace days. */
  overdue: boolean;
  /** Days past the due date (only when overdue). */
  daysLate: number | null;
  ticket: string | null;
  /** 0-based line of the item in the document. */
  line: number;
}

export interface IncidentSummary {
  title: string | null;
  /** YYYY-MM-DD, or null when the document gives no full date. */
  date: string | null;
  severity: string | null;
  /** 0 is the most severe (SEV0, P0, critical); null when the severity is not on a known scale. */
  severityRank: number | null;
  durationMinutes: number | null;
  ttdMinutes: number | null;
  ttaMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
  actionItems: number;
  openActionItems: number;
  overdueActionItems: number;
  /** The open items in document order. */
  openItems: OpenActionItem[];
}

/** The action-item options a config sets for action-item-overdue, so the editor agrees with the rule. */
export function actionItemOptions(config: ResolvedConfig): Pick<ActionItemOptions, 'graceDays' | 'assumeOpen'> {
  const o = config.rules['action-item-overdue']?.options ?? {};
  return {
    ...(typeof o['graceDays'] === 'number' ? { graceDays: o['graceDays'] } : {}),
    ...(typeof o['assumeOpen'] === 'boolean' ? { assumeOpen: o['assumeOpen'] } : {}),
  };
}

export function incidentSummary(model: PostmortemModel, options: ActionItemOptions = {}): IncidentSummary {
  const m = incidentMetrics(model);
  const { start, end, stated } = model.incident;
  // The stated window is the most exact length; a stated duration comes next.
  const duration = start && end && end.minutes > start.minutes ? Math.round(end.minutes - start.minutes) : stated ? stated.mention.minutes : undefined;
  const date = incidentDate(model);
  const field = model.fields.find((f) => f.key === 'severity' && f.value.trim() !== '');
  const severity = field ? leadingWords(field.value) : null;
  const open = model.actionItems.filter((i) => i.checked === false || (i.checked === null && options.assumeOpen === true));
  const today = dayNumber(calendarDateOf(options.now ?? new Date()));
  const openItems = open.map((item) => openItem(model, item, date, today, options.graceDays ?? 0));
  return {
    title: titleOf(model),
    date: date?.year !== undefined ? formatDate(date) : null,
    severity,
    severityRank: severityRank(severity),
    durationMinutes: duration ?? null,
    ttdMinutes: m.timeToDetect ?? null,
    ttaMinutes: m.timeToAcknowledge ?? null,
    ttmMinutes: m.timeToMitigate ?? null,
    ttrMinutes: m.timeToResolve ?? null,
    actionItems: model.actionItems.length,
    openActionItems: open.length,
    overdueActionItems: openItems.filter((i) => i.overdue).length,
    openItems,
  };
}

/** The document's title; not a section's heading ("## Summary"), which the model falls back to. */
function titleOf(model: PostmortemModel): string | null {
  const title = model.title;
  if (!title || model.sections.some((s) => s.ids.length > 0 && s.headerRange.start === title.range.start && title.range.end > title.range.start)) return null;
  return title.text.trim() || null;
}

function openItem(model: PostmortemModel, item: ActionItem, incident: CalendarDate | undefined, today: number, graceDays: number): OpenActionItem {
  // "by June 3" in a May 2024 postmortem means June 3, 2024 (as action-item-overdue reads it).
  const due = item.due && (item.due.year !== undefined ? item.due : incident?.year !== undefined ? withYearFrom(item.due, incident, 'after') : item.due);
  const late = due?.year !== undefined ? today - dayNumber(due) : undefined;
  const overdue = late !== undefined && late > graceDays;
  return {
    text: item.text.trim(),
    owner: item.owner ?? null,
    due: due ? formatDate(due) : (item.dueText ?? null),
    overdue,
    daysLate: overdue ? late! : null,
    ticket: item.ticket ?? null,
    line: model.index.position(item.range.start).line - 1,
  };
}

/** "SEV-1 – full halt" -> "SEV-1"; markup and entities dropped. */
function leadingWords(value: string): string | null {
  // "severity::2" (a GitLab scoped label) is "2"; "SEV?" is a blank, no severity.
  const plain = value.replace(/&#?\w+;|[*_`|]/g, ' ').trim().replace(/^\p{L}+::\s*/u, '');
  if (/^(?:sev|p)[-\s]?\?/i.test(plain)) return null;
  const m = /^[\p{L}\p{N}]+(?:[\s\-_][\p{N}]+)?/u.exec(plain);
  return m ? m[0] : plain.slice(0, 20) || null;
}

const WORD_RANKS: Record<string, number> = { critical: 0, highest: 0, blocker: 0, high: 1, major: 1, medium: 2, moderate: 2, low: 3, minor: 3, lowest: 4, trivial: 4 };

/** Where a severity stands on the usual scales: SEV0/P0/critical first. */
export function severityRank(severity: string | null): number | null {
  if (!severity) return null;
  const s = severity.trim().toLowerCase();
  const numbered = /^(?:sev(?:erity)?|p|s|priority)[\s\-_]?(\d{1,2})$/.exec(s);
  if (numbered) return Number(numbered[1]);
  return WORD_RANKS[s] ?? null;
}
