import type { PostmortemModel } from '../model/types';
import type { Finding, Fix, Severity, TextRange } from '../types';

/** A JSON Schema (draft-07) object, kept loose so rule files can declare theirs inline. */
export type JsonSchema = Record<string, unknown>;

export interface Report {
  message: string;
  range: TextRange;
  fixes?: Fix[];
  data?: Record<string, unknown>;
  /** Overrides the configured severity for this finding only (e.g. "ambiguous" is information). */
  severity?: Severity;
}

export interface RuleContext<Options = Record<string, unknown>> {
  model: PostmortemModel;
  options: Options;
  report(report: Report): void;
}

/** One rule: data plus a function, one file each (see rules/index.ts for the registry). */
export interface Rule<Options = Record<string, unknown>> {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** Schema of `rules.<id>.options` in the config file; validated with ajv. */
  optionsSchema: JsonSchema;
  defaultOptions: Options;
  check(context: RuleContext<Options>): void;
}

export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

export type { Finding };
