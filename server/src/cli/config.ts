// Which resolved config each document is linted with: --config, --no-config, or the nearest
// .postmortemrc.json above it, with command-line flags on top. All configs are loaded before any
// document is linted, so a bad config stops the run (exit 2) before anything is reported.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError, resolveConfig, time, type PostmortemConfig, type ResolvedConfig } from '../core';
import { ConfigFileCache } from '../node/config-files';
import { UsageError, type LintOptions } from './args';
import { displayPath } from './files';

export interface FileConfig {
  config: ResolvedConfig;
  /** The path detection sees: relative to the config's folder, so a config's globs mean what they say. */
  detectionPath: string;
}

export class CliConfigs {
  private readonly cache: ConfigFileCache;
  private readonly resolved = new Map<string, ResolvedConfig>();

  constructor(
    private readonly options: LintOptions,
    private readonly cwd: string,
  ) {
    this.cache = new ConfigFileCache((p) => displayPath(p, cwd));
    if (options.timeZone !== undefined && !time.lookupZone(options.timeZone)) {
      throw new UsageError(`--time-zone: unknown zone "${options.timeZone}" (use an abbreviation such as UTC or PST, or an offset such as +02:00)`);
    }
  }

  /** Throws ConfigError (bad or unreadable config) or UsageError (unknown --template). */
  forFile(file: string): FileConfig {
    const { options } = this;
    const lookup =
      options.config === false
        ? { file: undefined, config: {} }
        : options.config !== undefined
          ? this.cache.forFile(resolve(this.cwd, options.config))
          : this.cache.forDirectory(dirname(file));
    if ('error' in lookup) throw lookup.error;
    const key = lookup.file ?? '';
    let config = this.resolved.get(key);
    if (!config) {
      config = this.resolve(lookup.config, lookup.file);
      this.resolved.set(key, config);
    }
    return { config, detectionPath: detectionPath(file, lookup.file) };
  }

  private resolve(file: PostmortemConfig, where: string | undefined): ResolvedConfig {
    const { options } = this;
    // resolveConfig lets the config file's timeZone/defaultTemplate win over its overrides (right for
    // editor settings); on the command line the flag is the more specific choice, so put it in the file's place.
    const merged: PostmortemConfig = {
      ...file,
      ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
      ...(options.template !== undefined ? { defaultTemplate: options.template } : {}),
    };
    const resolved = resolveConfig(merged, { rules: options.rules });
    if (options.template !== undefined && !resolved.templates.some((t) => t.id === options.template)) {
      const known = resolved.templates.map((t) => t.id).join(', ');
      throw new UsageError(`--template: unknown template "${options.template}"${where ? ` for ${displayPath(where, this.cwd)}` : ''} (known: ${known})`);
    }
    return resolved;
  }
}

function detectionPath(file: string, configFile: string | undefined): string {
  if (configFile !== undefined) {
    const rel = relative(dirname(configFile), file);
    if (rel && !rel.startsWith('..' + sep) && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return file.split(sep).join('/');
}

export { ConfigError };
