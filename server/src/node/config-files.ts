// Finding and reading `.postmortemrc.json` on disk, shared by the CLI and the language server.
// Only node:fs and node:path: the core stays free of the file system, and this stays free of npm.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, parse, sep } from 'node:path';
import { ConfigError, parseConfig, RULES, type PostmortemConfig } from '../core';

export const CONFIG_FILE_NAME = '.postmortemrc.json';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The nearest `.postmortemrc.json` in `startDir` or above it, up to the filesystem root. */
export function findConfigFile(startDir: string): string | undefined {
  const root = parse(startDir).root;
  for (let dir = startDir; ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads and validates a config file. Throws ConfigError (one-line message naming the file and
 * the key) for unreadable files too, so callers handle a single kind of failure.
 * `displayName` is how the file is named in errors (e.g. relative to the working folder).
 */
export function loadConfigFile(path: string, displayName: string = path): PostmortemConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ConfigError(displayName, '', `cannot be read${code ? ` (${code})` : ''}`);
  }
  return parseConfig(text, displayName, RULES);
}

export type ConfigLookup =
  | { file: string; config: PostmortemConfig }
  | { file: string; error: ConfigError }
  | { file: undefined; config: PostmortemConfig };

/**
 * Caches discovery per directory and parsing per file: linting a folder of 74 postmortems reads
 * each config once. A bad config is cached as its error, so it is reported once, not per document.
 * The server calls `invalidate` when a config file changes on disk.
 */
export class ConfigFileCache {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly byFile = new Map<string, ConfigLookup>();

  constructor(private readonly display: (path: string) => string = (p) => p) {}

  /** The config that applies to files in `dir` (an empty config when there is none). */
  forDirectory(dir: string): ConfigLookup {
    let file = this.byDir.get(dir);
    if (!this.byDir.has(dir)) {
      file = findConfigFile(dir);
      this.byDir.set(dir, file);
    }
    return file === undefined ? { file: undefined, config: {} } : this.forFile(file);
  }

  /** A specific config file (e.g. `--config FILE`), parsed once. */
  forFile(file: string): ConfigLookup {
    let entry = this.byFile.get(file);
    if (!entry) {
      try {
        entry = { file, config: loadConfigFile(file, this.display(file)) };
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        entry = { file, error: e };
      }
      this.byFile.set(file, entry);
    }
    return entry;
  }

  /** Forgets one config file (changed, created or deleted), or everything. */
  invalidate(file?: string): void {
    if (file === undefined) {
      this.byDir.clear();
      this.byFile.clear();
      return;
    }
    this.byFile.delete(file);
    // A created or deleted file changes which config the folders below it resolve to.
    const dir = dirname(file);
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    for (const key of [...this.byDir.keys()]) if (key === dir || key.startsWith(prefix)) this.byDir.delete(key);
  }
}
