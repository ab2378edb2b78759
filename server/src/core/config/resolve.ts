import { DEFAULT_POSTMORTEM_GLOBS, globToRegExp } from '../model/detect';
import { BUILTIN_TEMPLATES } from '../templates/builtin';
import type { PostmortemConfig, ResolvedConfig, RuleSetting } from './types';

/** Built-ins plus the config's templates (same id replaces), globs compiled, rule settings normalised. */
export function resolveConfig(config: PostmortemConfig = {}, overrides: { rules?: Record<string, RuleSetting>; timeZone?: string; defaultTemplate?: string; postmortemFiles?: string[] } = {}): ResolvedConfig {
  const templates = [...BUILTIN_TEMPLATES];
  for (const t of config.templates ?? []) {
    const i = templates.findIndex((b) => b.id === t.id);
    if (i >= 0) templates[i] = t;
    else templates.unshift(t);
  }
  const rules: ResolvedConfig['rules'] = {};
  for (const source of [config.rules ?? {}, overrides.rules ?? {}]) {
    // Editor settings are the person's explicit choice, so they win over the project file.
    for (const [id, setting] of Object.entries(source)) {
      rules[id] = typeof setting === 'string' ? { severity: setting } : { ...rules[id], ...setting };
    }
  }
  const globs = [...DEFAULT_POSTMORTEM_GLOBS, ...(overrides.postmortemFiles ?? []), ...(config.postmortemFiles ?? [])];
  // Explicit choices of the caller (CLI flags, editor settings) win over the project file.
  const timeZone = overrides.timeZone ?? config.timeZone;
  const defaultTemplate = overrides.defaultTemplate ?? config.defaultTemplate;
  return {
    templates,
    pathPatterns: globs.map(globToRegExp),
    rules,
    ...(timeZone ? { timeZone } : {}),
    ...(defaultTemplate ? { defaultTemplate } : {}),
  };
}
