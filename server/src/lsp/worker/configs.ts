// Runs in the analysis worker: which `.postmortemrc.json` applies to a document, what it says,
// and the resolved config (built-ins + file + editor settings). The file is data only: it is
// parsed as JSON and validated, never executed. A malformed file keeps its last good version.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../../core/config/validate';
import { resolveConfig } from '../../core/config/resolve';
import type { PostmortemConfig, ResolvedConfig } from '../../core/config/types';
import { findConfigFile, loadConfigFile } from '../../node/config-files';
import type { ConfigProblem, EngineSettings } from '../analysis-protocol';

interface LoadedFile {
  /** mtime and size when read: a change without a watcher event is still noticed. */
  stamp: string;
  config: PostmortemConfig;
  problem?: ConfigProblem;
}

export interface DocumentConfig {
  config: ResolvedConfig;
  problem?: ConfigProblem;
}

function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return undefined;
  }
}

function problemOf(error: unknown, file: string): ConfigProblem {
  // Keyed by the path we loaded, so "shown once" and "good again" talk about the same file.
  if (error instanceof ConfigError) return { file, key: error.key, message: error.message };
  return { file, key: '', message: `${file}: ${error instanceof Error ? error.message : String(error)}` };
}

export class WorkerConfigs {
  private readonly fileOfDir = new Map<string, string | null>();
  private readonly files = new Map<string, LoadedFile>();
  private readonly lastGood = new Map<string, PostmortemConfig>();
  private readonly resolved = new Map<string, ResolvedConfig>();
  private generation = -1;

  constructor(private readonly onGood: (file: string, config: PostmortemConfig) => void) {}

  /** Last good configs remembered by the host from a previous worker. */
  seed(configs: Record<string, unknown>): void {
    for (const [file, config] of Object.entries(configs)) this.lastGood.set(file, config as PostmortemConfig);
  }

  /** A config file was created, changed or deleted: look everything up again. */
  invalidate(): void {
    this.fileOfDir.clear();
    this.files.clear();
    this.resolved.clear();
  }

  forDocument(path: string | undefined, onDisk: boolean, settings: EngineSettings, generation: number): DocumentConfig {
    if (generation !== this.generation) {
      this.resolved.clear();
      this.generation = generation;
    }
    const file = path && onDisk ? this.configFileFor(dirname(path)) : undefined;
    const loaded = file ? this.load(file) : undefined;
    // Documents in different workspace folders may come with different settings in one generation.
    const key = `${file ?? ''}\0${JSON.stringify(settings)}`;
    let config = this.resolved.get(key);
    if (!config) {
      const project = loaded?.config ?? {};
      config = resolveConfig(project, {
        // A rule's severity is the person's own choice: the setting wins over the project file.
        rules: settings.rules,
        postmortemFiles: settings.files,
        // The project's zone and template win over the settings (as in New Postmortem): they are
        // what the whole team, and the CLI in CI, check the file with.
        ...(settings.timeZone && !project.timeZone ? { timeZone: settings.timeZone } : {}),
        ...(settings.defaultTemplate && !project.defaultTemplate ? { defaultTemplate: settings.defaultTemplate } : {}),
      });
      this.resolved.set(key, config);
    }
    return { config, ...(loaded?.problem ? { problem: loaded.problem } : {}) };
  }

  private configFileFor(dir: string): string | undefined {
    let file = this.fileOfDir.get(dir);
    if (file === undefined) {
      try {
        file = findConfigFile(dir) ?? null;
      } catch {
        file = null;
      }
      this.fileOfDir.set(dir, file);
    }
    return file ?? undefined;
  }

  private load(file: string): LoadedFile | undefined {
    const stamp = stampOf(file);
    if (stamp === undefined) {
      // Deleted since we found it: forget where config files are and carry on without this one.
      this.fileOfDir.clear();
      this.files.delete(file);
      return undefined;
    }
    const cached = this.files.get(file);
    if (cached?.stamp === stamp) return cached;
    let loaded: LoadedFile;
    try {
      const config = loadConfigFile(file);
      this.lastGood.set(file, config);
      this.onGood(file, config);
      loaded = { stamp, config };
    } catch (error) {
      loaded = { stamp, config: this.lastGood.get(file) ?? {}, problem: problemOf(error, file) };
    }
    this.files.set(file, loaded);
    this.resolved.delete(file);
    return loaded;
  }
}
