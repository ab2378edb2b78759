// What New Postmortem needs from a workspace's `.postmortemrc.json`: its templates, default
// template and zone. The file is data from a possibly untrusted workspace: parsed as JSON within
// the engine's size and depth limits, each template validated against the same schema the
// language server uses, never evaluated. Anything invalid is left out with a reason; the server
// reports the file's other problems where they are.
import { CONFIG_LIMITS, ConfigError, depthOf, validateTemplate } from '../../../server/src/core/config/validate';
import type { Template } from '../../../server/src/core/templates/types';

export const CONFIG_FILE_NAME = '.postmortemrc.json';

export interface ProjectConfig {
  templates: Template[];
  defaultTemplate?: string;
  timeZone?: string;
  /** Why the file, or some of its templates, could not be used. */
  problems: string[];
}

const MAX_TEMPLATES = 50;

export function readProjectConfig(text: string, file: string): ProjectConfig {
  const empty = (problem: string): ProjectConfig => ({ templates: [], problems: [`${file}: ${problem}`] });
  if (text.length > CONFIG_LIMITS.maxBytes) return empty(`is larger than ${CONFIG_LIMITS.maxBytes / 1024} KB`);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return empty(`is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (depthOf(data, CONFIG_LIMITS.maxDepth) > CONFIG_LIMITS.maxDepth) return empty(`is nested more than ${CONFIG_LIMITS.maxDepth} levels deep`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return empty('must be a JSON object');
  const raw = data as Record<string, unknown>;
  const out: ProjectConfig = { templates: [], problems: [] };
  if (raw['templates'] !== undefined) {
    if (!Array.isArray(raw['templates'])) out.problems.push(`${file}: "templates" must be an array`);
    else {
      raw['templates'].slice(0, MAX_TEMPLATES).forEach((t: unknown, i) => {
        try {
          validateTemplate(t, `${file}: templates[${i}]`);
          out.templates.push(t as Template);
        } catch (e) {
          out.problems.push(e instanceof ConfigError ? e.message : `${file}: templates[${i}] is not valid`);
        }
      });
    }
  }
  if (typeof raw['defaultTemplate'] === 'string') out.defaultTemplate = raw['defaultTemplate'];
  if (typeof raw['timeZone'] === 'string') out.timeZone = raw['timeZone'];
  return out;
}

/**
 * Built-ins plus the project's templates, the way the engine resolves them: one with a built-in
 * id replaces it in place, new ones come first.
 */
export function mergeTemplates(builtins: readonly Template[], project: readonly Template[]): Template[] {
  const merged = [...builtins];
  const added: Template[] = [];
  for (const t of project) {
    const i = merged.findIndex((b) => b.id === t.id);
    if (i >= 0) merged[i] = t;
    else if (!added.some((a) => a.id === t.id)) added.push(t);
  }
  return [...added, ...merged];
}

/** The templates in the order to offer them: the preferred one first, the rest as they came. */
export function preferredFirst(templates: readonly Template[], preferred: string | undefined): Template[] {
  const i = preferred ? templates.findIndex((t) => t.id === preferred) : -1;
  return i <= 0 ? [...templates] : [templates[i]!, ...templates.slice(0, i), ...templates.slice(i + 1)];
}
