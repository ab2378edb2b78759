// Validates the project config file with ajv against schemas/config.schema.json, and rule options
// against each rule's own schema. Errors name the file, the key and what was expected.
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import configSchema from '../../../../schemas/config.schema.json';
import templateSchema from '../../../../schemas/template.schema.json';
import type { Rule } from '../rules/rule';
import type { PostmortemConfig } from './types';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    readonly expected: string,
  ) {
    super(`${file}: ${key ? `"${key}" ` : ''}${expected}`);
  }
}

/** Limits that keep a hostile workspace's config from costing the server anything. */
export const CONFIG_LIMITS = { maxBytes: 512 * 1024, maxDepth: 16, maxGlobWildcards: 8 };

let compiled: { config: ValidateFunction; template: ValidateFunction; ajv: Ajv } | undefined;
/**
 * Compiled on the first config or template to check. ajv itself is loaded then too (require, which
 * esbuild bundles as a module initialised on first use): a server or CLI run with no config file
 * never needs it, and loading it with the engine cost every start its module set-up.
 */
function validators() {
  if (!compiled) {
    const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
    const ajv = new AjvClass({ allErrors: false, strict: false });
    ajv.addSchema(templateSchema, 'template.schema.json');
    compiled = { config: ajv.compile(configSchema), template: ajv.getSchema('template.schema.json')!, ajv };
  }
  return compiled;
}

/** "/rules/timeline-order/severity" -> "rules.timeline-order.severity" */
function keyOf(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') path.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return path.join('.');
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not a known setting';
    case 'enum':
      return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `must be ${(error.params as { type: string }).type === 'array' ? 'an array' : `a ${(error.params as { type: string }).type}`}`;
    case 'oneOf':
      return 'must be a severity ("error", "warning", "information", "hint", "off") or { "severity": ..., "options": {...} }';
    default:
      return error.message ?? 'is not valid';
  }
}

/** How deeply a parsed JSON value nests, counting no further than just past `limit`. */
export function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let max = depth;
  for (const v of Object.values(value as Record<string, unknown>)) {
    max = Math.max(max, depthOf(v, limit, depth + 1));
    if (max > limit) break;
  }
  return max;
}

/** Parses and validates config text. Throws ConfigError with a one-line reason. */
export function parseConfig(text: string, file: string, rules: readonly Rule<never>[]): PostmortemConfig {
  if (text.length > CONFIG_LIMITS.maxBytes) throw new ConfigError(file, '', `is larger than ${CONFIG_LIMITS.maxBytes / 1024} KB`);
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new ConfigError(file, '', `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (depthOf(data, CONFIG_LIMITS.maxDepth) > CONFIG_LIMITS.maxDepth) throw new ConfigError(file, '', `is nested more than ${CONFIG_LIMITS.maxDepth} levels deep`);
  const { config } = validators();
  if (!config(data)) {
    const error = config.errors![0]!;
    throw new ConfigError(file, keyOf(error), describe(error));
  }
  const cfg = data as PostmortemConfig;
  for (const glob of cfg.postmortemFiles ?? []) {
    if ((glob.match(/\*/g) ?? []).length > CONFIG_LIMITS.maxGlobWildcards) {
      throw new ConfigError(file, 'postmortemFiles', `glob "${glob}" has more than ${CONFIG_LIMITS.maxGlobWildcards} wildcards`);
    }
  }
  validateRuleSettings(cfg, file, rules);
  return cfg;
}

function validateRuleSettings(cfg: PostmortemConfig, file: string, rules: readonly Rule<never>[]): void {
  const { ajv } = validators();
  for (const [id, setting] of Object.entries(cfg.rules ?? {})) {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw new ConfigError(file, `rules.${id}`, `is not a rule (known: ${rules.map((r) => r.id).join(', ')})`);
    if (typeof setting === 'object' && setting.options) {
      const validate = ajv.compile(rule.optionsSchema);
      if (!validate(setting.options)) {
        const error = validate.errors![0]!;
        const sub = keyOf(error);
        throw new ConfigError(file, `rules.${id}.options${sub ? '.' + sub : ''}`, describe(error));
      }
    }
  }
}

/** Validates one template (e.g. from a test or a settings value). */
export function validateTemplate(template: unknown, where: string): void {
  const { template: validate } = validators();
  if (!validate(template)) {
    const error = validate.errors![0]!;
    throw new ConfigError(where, keyOf(error), describe(error));
  }
}
