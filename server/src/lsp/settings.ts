// The `postmortem` settings section. Settings are the client's: pulled with workspace/configuration
// when the client can answer it, else taken from didChangeConfiguration pushes; the
// initializationOptions (e.g. `{ "debounceMs": 0 }` from a benchmark or an editor's init_options)
// sit between the defaults and those. Values are data: anything of the wrong type is ignored.
import type { SeveritySetting } from '../core/types';
import type { EngineSettings } from './analysis-protocol';

export interface Settings extends EngineSettings {
  inlayHints: { enabled: boolean };
  /** Quiet time after a keystroke before analysing. */
  debounceMs: number;
  /** Longest an analysis may run before the worker is restarted and the result marked cut short. */
  budgetMs: number;
  /** Where New Postmortem… writes; used by the client, carried here so one object describes the section. */
  newFile: { folder: string; pattern: string };
}

export const DEFAULT_SETTINGS: Settings = {
  files: [],
  rules: {},
  inlayHints: { enabled: true },
  debounceMs: 150,
  budgetMs: 5000,
  newFile: { folder: 'postmortems', pattern: '${date}-${slug}.md' },
};

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function number(v: unknown, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : undefined;
}

function text(v: unknown, maxLength = 200): string | undefined {
  return typeof v === 'string' && v.trim() !== '' && v.length <= maxLength ? v.trim() : undefined;
}

/** Overlays the recognised keys of `raw` (a `postmortem` section) onto `base`. */
export function mergeSettings(base: Settings, raw: unknown): Settings {
  if (!isObject(raw)) return base;
  const out: Settings = { ...base, rules: { ...base.rules }, inlayHints: { ...base.inlayHints }, newFile: { ...base.newFile } };
  if (Array.isArray(raw['files'])) out.files = raw['files'].filter((g): g is string => typeof g === 'string' && g.length > 0 && g.length <= 200).slice(0, 100);
  const template = text(raw['defaultTemplate'], 64);
  if (template) out.defaultTemplate = template;
  const zone = text(raw['timeZone'], 64);
  if (zone) out.timeZone = zone;
  if (isObject(raw['rules'])) {
    const rules: Record<string, SeveritySetting> = {};
    for (const [id, severity] of Object.entries(raw['rules'])) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as SeveritySetting;
    }
    out.rules = rules;
  }
  // Both `inlayHints.enabled` as an object and the flattened key VS Code may send.
  const hints = isObject(raw['inlayHints']) ? raw['inlayHints']['enabled'] : raw['inlayHints.enabled'];
  if (typeof hints === 'boolean') out.inlayHints.enabled = hints;
  const debounce = number(raw['debounceMs'], 0, 10_000);
  if (debounce !== undefined) out.debounceMs = debounce;
  const budget = number(raw['budgetMs'], 10, 600_000);
  if (budget !== undefined) out.budgetMs = budget;
  const folder = text(isObject(raw['newFile']) ? raw['newFile']['folder'] : raw['newFile.folder']);
  if (folder) out.newFile.folder = folder;
  const pattern = text(isObject(raw['newFile']) ? raw['newFile']['pattern'] : raw['newFile.pattern']);
  if (pattern) out.newFile.pattern = pattern;
  return out;
}

/** The engine's share of the settings, sent to the worker with each job. */
export function engineSettings(s: Settings): EngineSettings {
  return {
    files: s.files,
    rules: s.rules,
    ...(s.defaultTemplate ? { defaultTemplate: s.defaultTemplate } : {}),
    ...(s.timeZone ? { timeZone: s.timeZone } : {}),
  };
}
