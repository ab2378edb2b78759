import type { Template } from '../templates/types';
import type { SeveritySetting } from '../types';

/** A rule's setting in the config file: a severity, or a severity with options. */
export type RuleSetting = SeveritySetting | { severity?: SeveritySetting; options?: Record<string, unknown> };

/** The project config file (`.postmortemrc.json`), as described by schemas/config.schema.json. */
export interface PostmortemConfig {
  $schema?: string;
  /** Templates to add; one with a built-in id replaces it. */
  templates?: Template[];
  /** Template used when the front matter names none (otherwise the best match is detected). */
  defaultTemplate?: string;
  /** Globs of files that are postmortems whatever their content. */
  postmortemFiles?: string[];
  /** Zone for times written without one ("UTC", "PST", "+02:00"). */
  timeZone?: string;
  rules?: Record<string, RuleSetting>;
}

/** Config with built-ins merged in and globs compiled: what analysis uses. */
export interface ResolvedConfig {
  templates: Template[];
  defaultTemplate?: string;
  pathPatterns: RegExp[];
  timeZone?: string;
  rules: Record<string, { severity?: SeveritySetting; options?: Record<string, unknown> }>;
}
