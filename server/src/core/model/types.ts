import type { RecycledArrays } from '../parse/recycle';
import type { LineIndex } from '../text/line-index';
import type { CalendarDate, DurationMention, TimeMention, TimeRangeMention, Zone } from '../time/types';
import type { MarkerKind, Template } from '../templates/types';
import type { TextRange } from '../types';
import type { DocLine } from './doc-lines';

export type SectionKind =
  /** A Markdown heading. */
  | 'heading'
  /** A line standing alone as a title: `**Timeline:**`, `Timeline:`, `**Timeline`, `1. Timeline:`. */
  | 'label'
  /** `<h2>Timeline</h2>` in raw HTML. */
  | 'html'
  /**
   * Meant as a heading, but Markdown does not read it as one: `##Timeline` (no space after the
   * hashes), or `## Timeline` right under a line of HTML, which the HTML block takes in.
   */
  | 'broken-heading';

export interface Section {
  /** Canonical ids this section stands for ([] when the template does not know it). */
  ids: string[];
  /** The title as a reader sees it (markup removed). */
  title: string;
  kind: SectionKind;
  /** Heading depth; for labels, one below the enclosing heading. */
  level: number;
  /** The heading or label line. */
  headerRange: TextRange;
  /** Header through the end of the body. */
  range: TextRange;
  /** After the header line to the next section of the same or a higher level. */
  bodyRange: TextRange;
  /** The section this one is nested under, if any (index into model.sections). */
  parent?: number;
}

export interface Field {
  /** Canonical key: duration, start, end, impact, root-cause, severity, date, detection, status... */
  key: string;
  /** The label as written, e.g. "Outage Duration". */
  label: string;
  /** The whole line. */
  range: TextRange;
  valueRange: TextRange;
  value: string;
  /** Index of the section it is in, if any. */
  section?: number;
  source: 'line' | 'table' | 'front-matter';
}

/** A point in time read from the document, placed on one axis (minutes). */
export interface Moment {
  /** Minutes on the absolute axis when the date is known, else minutes since 00:00 of an unknown day. */
  minutes: number;
  dateKnown: boolean;
  zoneKnown: boolean;
  range: TextRange;
  mention: TimeMention;
}

export interface StatedDuration {
  mention: DurationMention;
  /** Offsets of the duration text in the document. */
  range: TextRange;
}

/** The incident window as the document states it. */
export interface Incident {
  start?: Moment;
  end?: Moment;
  stated?: StatedDuration;
  /** Where start/end and the stated duration were read, so rules compare only what belongs together. */
  windowSource?: TextRange;
  durationSource?: TextRange;
  /** True when start/end and the duration were stated together (same field or sentence). */
  statedTogether: boolean;
  /** A range from start to end crosses midnight or several days. */
  crossesMidnight: boolean;
}

export interface TimelineEntry {
  /** From the entry's line start to the start of the next entry or the end of its container. */
  range: TextRange;
  /** The entry's first line (the model's line itself: read its offsets, never write them). */
  lineRange: TextRange;
  /** The timestamp as written. */
  timeRange: TextRange;
  mention: TimeMention | TimeRangeMention;
  /** The date in force for this entry (its own, or from a date line or the incident). */
  date?: CalendarDate;
  dateExplicit: boolean;
  /** The zone in force (its own, the last one written, or the timeline's declaration). */
  zone?: Zone;
  zoneExplicit: boolean;
  /** Minutes of day (0-1439, or 1440 for 24:00) of the entry's start, undefined when only a date is given. */
  clock?: number;
  /** Entries that can be reordered among themselves (one list, one paragraph, one table, one heading level). */
  group: string;
  /** Text after the timestamp. */
  text: string;
  markers: MarkerKind[];
  line: DocLine;
}

export interface Timeline {
  section: number;
  entries: TimelineEntry[];
  /** Lines that look like timestamps that cannot be read. */
  unreadable: { range: TextRange; text: string }[];
  declaredZone?: { zone: Zone; range: TextRange };
  /** Date stated for the whole timeline ("Timeline (20th December 2023)"). */
  date?: CalendarDate;
}

export interface ActionItem {
  range: TextRange;
  text: string;
  /** Done (true), open (false) or not said (null): a task box, a Status column, "(DONE)". */
  checked: boolean | null;
  /** A task list item (`- [ ]`), a table row, or a plain list item (often prose, not a tracked task). */
  source: 'task' | 'table' | 'list';
  owner?: string;
  due?: CalendarDate;
  /** A deadline stated without a calendar date ("end of sprint 14", "next release"). */
  dueText?: string;
  /** Where the due date or named deadline is written. */
  dueRange?: TextRange;
  ticket?: string;
  section: number;
}

export interface FrontMatter {
  data: Record<string, unknown>;
  range: TextRange;
  error?: { message: string; range: TextRange };
}

export interface Detection {
  isPostmortem: boolean;
  reason: string;
}

export interface PostmortemModel {
  text: string;
  /** The document's path as given to analyze() (for dates in file names), when known. */
  path?: string;
  index: LineIndex;
  lines: DocLine[];
  frontMatter?: FrontMatter;
  title?: { text: string; range: TextRange };
  template: Template;
  /** Why this template was chosen. */
  templateReason: 'front-matter' | 'config' | 'detected';
  sections: Section[];
  fields: Field[];
  incident: Incident;
  timeline?: Timeline;
  actionItems: ActionItem[];
  detection: Detection;
  /** The document writes numeric dates day-first ("19/09/2026"): its ambiguous ones are read so (model/date-order.ts). */
  dayFirst: boolean;
  /**
   * Arrays the next version of this document overwrites (parse/recycle.ts): arrays derived from
   * the model for every line or entry are taken from here, and like the lines they are valid until
   * the next analysis with the same BlockCache.
   */
  recycled: RecycledArrays;
}

export type { TimeRangeMention };
