// Public API of the pure analysis library. No vscode, no LSP types, no file system.
export { analyze, type Analysis, type AnalyzeOptions } from './analyze';
export { BlockCache, parseDocument } from './parse/document';
export { resolveConfig } from './config/resolve';
export { parseConfig, validateTemplate, ConfigError, CONFIG_LIMITS } from './config/validate';
export type { PostmortemConfig, ResolvedConfig, RuleSetting } from './config/types';
export { RULES } from './rules';
export type { Rule } from './rules/rule';
export { BUILTIN_TEMPLATES } from './templates/builtin';
export type { Template, TemplateSection, MarkerKind } from './templates/types';
export { LineIndex, dominantEol } from './text/line-index';
export { applyEdits, mergeNonOverlapping, OverlappingEditsError } from './text/edits';
export { applyFixes, applyFixesUntilStable, MAX_FIX_PASSES, safeFixEdits } from './fixes';
export type * from './model/types';
export type * from './types';
export * as time from './time';
export { incidentMetrics, elapsedOf, type IncidentMetrics, type Milestone } from './metrics';
export { placeTimeline, windowOnAxis, type PlacedEntry, type Placement } from './rules/shared/timeline-placement';
export { incidentSummary, actionItemOptions, severityRank, type IncidentSummary, type OpenActionItem, type ActionItemOptions } from './incident-summary';
