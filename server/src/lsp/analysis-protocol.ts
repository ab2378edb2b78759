// Messages between the server's request thread and the analysis worker, and the compact "facts"
// the worker sends back. The model itself stays in the worker (it holds parse trees and memo maps
// that would cost more to copy than to rebuild); the request thread answers hovers, completions,
// symbols and inlay hints from these facts alone, so it never parses.
import type { IncidentSummary } from '../core/incident-summary';
import type { MarkerKind } from '../core/templates/types';
import type { Finding, SeveritySetting, TextRange } from '../core/types';
import type { EditRun } from './edit-journal';
import type { TimelineColumns } from './timeline-columns';
import type { RenderReply, RenderRequest } from './worker/render-protocol';

/** The part of the editor settings the engine needs. */
export interface EngineSettings {
  files: string[];
  defaultTemplate?: string;
  timeZone?: string;
  rules: Record<string, SeveritySetting>;
}

export interface AnalyzeRequest {
  type: 'analyze';
  id: number;
  uri: string;
  version: number;
  /**
   * The whole text. The analysis host sends `edits` instead when the worker holds an earlier
   * version of this document (edit-journal.ts): at 5 MB each copy of the text cost ~20 ms.
   */
  text?: string;
  /** The edits from the version the worker holds (keep) to this one; the worker answers `need-text` if it holds another. */
  edits?: EditRun;
  /** File system path (or URI path) for detection by name and for finding the config file. */
  path?: string;
  /** Whether the path is on disk, so the worker may look for `.postmortemrc.json` beside it. */
  onDisk: boolean;
  settings: EngineSettings;
  /** Changes whenever settings change, so the worker knows when to re-resolve its config. */
  settingsGeneration: number;
  /** Keep a block cache for this URI (open documents); one-off checks of closed files do not. */
  keep: boolean;
  /** Only findings are wanted (workspace check), not the facts requests use. */
  findingsOnly: boolean;
  /** Also the incident's summary row and open action items (the workspace index). */
  summary?: boolean;
}

export type ToWorker =
  | AnalyzeRequest
  | { type: 'drop'; uri: string }
  /** Config files changed on disk: forget where they are and what they said. */
  | { type: 'config-changed' }
  /** Configs that loaded cleanly before this worker started, so a malformed file keeps the last good one. */
  | { type: 'known-good-configs'; configs: Record<string, unknown> }
  /** The preview's report (worker/render-job.ts). */
  | RenderRequest;

export interface ConfigProblem {
  file: string;
  key: string;
  message: string;
}

export type FromWorker =
  /**
   * The findings of a job, posted as soon as the engine has them and before the facts are built
   * (those cost a few milliseconds at 500 KB, tens at 5 MB): diagnostics do not wait for them.
   */
  | { type: 'findings'; id: number; findings: Finding[] }
  /** The facts; their `findings` are empty when a `findings` message came first (the host puts them back). */
  | { type: 'result'; id: number; facts: DocumentFacts }
  | { type: 'error'; id: number; message: string }
  /** The worker does not hold the version the edits start from: send the whole text. */
  | { type: 'need-text'; id: number }
  /** A config file loaded cleanly; the host remembers it for the next worker. */
  | { type: 'config-good'; file: string; config: unknown }
  | RenderReply;

export interface SectionFacts {
  ids: string[];
  title: string;
  kind: 'heading' | 'label' | 'html' | 'broken-heading';
  level: number;
  headerRange: TextRange;
  range: TextRange;
  bodyRange: TextRange;
  parent?: number;
}

export interface ZoneFacts {
  /** As the document writes it (or the canonical abbreviation when known). */
  text: string;
  offsetMinutes?: number;
}

export interface TimelineFacts extends TimelineColumns {
  section: number;
  /** What elapsed times count from, e.g. "the incident start (14:00 UTC)". */
  base?: string;
}

export interface DurationFacts {
  /** Where hovering shows the arithmetic: the stated duration and the window it is checked against. */
  ranges: TextRange[];
  markdown: string;
}

export interface MilestoneFacts {
  kind: MarkerKind;
  /** Minutes since what the metrics count from. */
  minutes: number;
  /** The marked entry's timestamp; absent when the resolution is the stated end. */
  timeRange?: TextRange;
  /** When it was, as a reader says it: "14:12 UTC", "the stated end (11:45 UTC)". */
  at: string;
}

/** Time to detect, acknowledge, mitigate and resolve (core/metrics.ts), ready to show. */
export interface MetricsFacts {
  /** What the metrics count from: "the stated start, 14:00 UTC". */
  from: string;
  /** The entry they count from, when it is one (marked as the start, or the first entry). */
  originRange?: TextRange;
  milestones: MilestoneFacts[];
}

export interface DocumentFacts {
  uri: string;
  version: number;
  isPostmortem: boolean;
  findings: Finding[];
  template: { id: string; name: string; sections: { id: string; title: string; skeleton?: string }[] };
  sections: SectionFacts[];
  timeline?: TimelineFacts;
  duration?: DurationFacts;
  /** Absent when no timeline entry has a time to count from. */
  metrics?: MetricsFacts;
  /** Only when the request asked for it (the workspace index), and only for postmortems. */
  summary?: IncidentSummary;
  /** Summary fields already written (canonical keys), so completion offers only the others. */
  summaryFields: string[];
  /** Zone for a new timeline entry: the timeline's declared zone, else the incident's, else settings, else UTC. */
  entryZone: ZoneFacts;
  configProblem?: ConfigProblem;
  /** Analysis time in the worker, and blocks reused from the previous version. */
  stats: { ms: number; blocksReused: number; blocksParsed: number };
}
