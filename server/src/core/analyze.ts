// The engine's entry point: text in, a postmortem model and findings out.
import { resolveConfig } from './config/resolve';
import type { ResolvedConfig } from './config/types';
import { buildModel } from './model/build';
import type { PostmortemModel } from './model/types';
import { BlockCache } from './parse/document';
import { RULES } from './rules';
import type { Report, Rule } from './rules/rule';
import { applySuppressions } from './suppress';
import type { Finding, Severity } from './types';

export interface AnalyzeOptions {
  /** The document's path or URI path, for detection by file name and folder. */
  path?: string;
  config?: ResolvedConfig;
  /** Reuses blocks parsed for the previous version of the same document. */
  cache?: BlockCache;
  /** Treat the document as a postmortem even if nothing marks it as one. */
  force?: boolean;
  /** "Today", for rules about dates (due dates); defaults to the clock. */
  now?: Date;
}

export interface Analysis {
  model: PostmortemModel;
  /** Empty when the document is not a postmortem. Sorted by position. */
  findings: Finding[];
  isPostmortem: boolean;
}

let defaultConfig: ResolvedConfig | undefined;

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? (defaultConfig ??= resolveConfig());
  const doc = (options.cache ?? new BlockCache()).parse(text);
  const model = buildModel(doc, {
    templates: config.templates,
    pathPatterns: config.pathPatterns,
    ...(options.path ? { path: options.path } : {}),
    ...(config.defaultTemplate ? { defaultTemplate: config.defaultTemplate } : {}),
    ...(config.timeZone ? { timeZone: config.timeZone } : {}),
  });
  const isPostmortem = options.force === true || model.detection.isPostmortem;
  if (!isPostmortem) return { model, findings: [], isPostmortem };
  const findings = runRules(model, config, options.now ?? new Date());
  return { model, findings: applySuppressions(findings, text, () => model.index), isPostmortem };
}

function runRules(model: PostmortemModel, config: ResolvedConfig, now: Date): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES as readonly Rule<Record<string, unknown>>[]) {
    const setting = config.rules[rule.id];
    const configured = setting?.severity ?? rule.defaultSeverity;
    if (configured === 'off') continue;
    const options = { ...rule.defaultOptions, ...(setting?.options ?? {}), now };
    const report = (r: Report) => {
      // A finding's own severity (e.g. information for "ambiguous") is kept unless the user set one.
      const severity: Severity = setting?.severity && setting.severity !== 'off' ? setting.severity : (r.severity ?? configured as Severity);
      findings.push({
        ruleId: rule.id,
        severity,
        message: r.message,
        // A copy: rules may report a model object's range, and the model's lines move in place on the next version.
        range: { start: r.range.start, end: r.range.end },
        ...(r.fixes && r.fixes.length > 0 ? { fixes: r.fixes } : {}),
        ...(r.data ? { data: r.data } : {}),
      });
    };
    try {
      rule.check({ model, options, report });
    } catch (e) {
      // One broken rule must not take the others (or the server) down; say so where it shows.
      findings.push({
        ruleId: 'internal-error',
        severity: 'information',
        message: `Rule ${rule.id} failed on this document: ${e instanceof Error ? e.message : String(e)}`,
        range: { start: 0, end: 0 },
      });
    }
  }
  return findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}
