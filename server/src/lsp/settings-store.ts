// Holds the current settings and tells the rest of the server when they change.
//
// Settings are per workspace folder: in a multi-root workspace each folder's settings.json may set
// its own rules, time zone, template or postmortem globs (the `resource`-scoped settings in
// package.json). With a client that answers pulls, the window's settings and each folder's are
// read in one workspace/configuration request (an item per folder, with its `scopeUri`); a
// document uses the settings of the innermost folder holding it, and the window's otherwise
// (untitled documents, files outside every folder). Pushed settings have no scope: every folder
// gets the window's.
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from './settings';

/** A client that never answers workspace/configuration must not stall every analysis. */
const PULL_TIMEOUT_MS = 3000;
const NO_ANSWER = Symbol('no answer');
/** Bound on the folders asked about in one pull (each costs the client a settings lookup). */
const MAX_FOLDERS = 100;

/**
 * The form URIs are compared in: a file's path (editors and Node's pathToFileURL encode characters
 * such as `@` or a drive letter's colon differently), any other URI as it is.
 */
function comparable(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    const path = fileURLToPath(uri).replace(/\\/g, '/');
    // Windows drive letters come in either case.
    return /^[A-Za-z]:/.test(path) ? path[0]!.toLowerCase() + path.slice(1) : path;
  } catch {
    return uri;
  }
}

/** A folder's key: a prefix of the keys of everything inside it and of nothing else. */
function folderKey(uri: string): string {
  const key = comparable(uri);
  return key.endsWith('/') ? key : `${key}/`;
}

interface FolderSettings {
  /** The folder's URI as compared (comparable), ending in "/". */
  key: string;
  /** The folder's URI as the client sent it, for scopeUri. */
  uri: string;
  settings: Settings;
}

export class SettingsStore {
  private readonly initial: Settings;
  private settings: Settings;
  /** Settings per workspace folder, innermost (longest key) first. */
  private folders: FolderSettings[] = [];
  /** Bumped on every change, so the worker re-resolves its config only then. */
  generation = 0;
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly connection: Connection,
    initializationOptions: unknown,
    private readonly canPull: boolean,
    folderUris: readonly string[] = [],
  ) {
    this.initial = mergeSettings(DEFAULT_SETTINGS, initializationOptions);
    this.settings = this.initial;
    this.folders = SettingsStore.foldersFrom(folderUris, () => this.initial);
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** The window's settings: what is not about one document (debounce, time budget, inlay hints). */
  get current(): Settings {
    return this.settings;
  }

  /** The settings that apply to the document at `uri`: its workspace folder's, else the window's. */
  forUri(uri: string): Settings {
    if (this.folders.length === 0) return this.settings;
    const key = comparable(uri);
    for (const f of this.folders) if (key.startsWith(f.key)) return f.settings;
    return this.settings;
  }

  /** The workspace folders changed: reads the settings of the new set. Returns whether the folders or their settings changed. */
  async setFolders(folderUris: readonly string[]): Promise<boolean> {
    const before = this.snapshot();
    const kept = new Map(this.folders.map((f) => [f.key, f.settings]));
    this.folders = SettingsStore.foldersFrom(folderUris, (key) => kept.get(key) ?? this.settings);
    const pulled = await this.refresh();
    return pulled || this.snapshot() !== before;
  }

  /**
   * Re-reads the settings: pulled from the client when it supports that, else from the pushed
   * `settings.postmortem` of didChangeConfiguration. Returns whether anything changed.
   */
  async refresh(pushed?: unknown): Promise<boolean> {
    try {
      const before = this.snapshot();
      if (this.canPull) {
        const asked = this.folders;
        const answers = await this.pull();
        // The folders changed while the client answered: the pull for the new set decides.
        if (answers === NO_ANSWER || asked !== this.folders) return false;
        this.settings = mergeSettings(this.initial, answers[0]);
        // A client that answers fewer items than asked leaves those folders with the window's settings.
        this.folders.forEach((f, i) => (f.settings = mergeSettings(this.initial, answers[i + 1] ?? answers[0])));
      } else if (pushed && typeof pushed === 'object') {
        this.settings = mergeSettings(this.initial, (pushed as Record<string, unknown>)['postmortem']);
        for (const f of this.folders) f.settings = this.settings;
      } else return false;
      if (this.snapshot() === before) return false;
      this.generation++;
      return true;
    } catch (error) {
      this.connection.console.error(`Could not read the postmortem settings: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      this.markReady();
    }
  }

  private snapshot(): string {
    return JSON.stringify([this.settings, this.folders.map((f) => [f.key, f.settings])]);
  }

  private async pull(): Promise<unknown[] | typeof NO_ANSWER> {
    // Each item is answered with the section's object, or null when the client has no such section.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof NO_ANSWER>((resolve) => {
      timer = setTimeout(() => {
        this.connection.console.warn(`workspace/configuration got no answer in ${PULL_TIMEOUT_MS} ms; using the settings so far.`);
        resolve(NO_ANSWER);
      }, PULL_TIMEOUT_MS);
    });
    const items = [{ section: 'postmortem' }, ...this.folders.map((f) => ({ scopeUri: f.uri, section: 'postmortem' }))];
    try {
      const answer: unknown = await Promise.race([this.connection.workspace.getConfiguration(items), timeout]);
      if (answer === NO_ANSWER) return NO_ANSWER;
      return Array.isArray(answer) ? answer : [];
    } finally {
      clearTimeout(timer);
    }
  }

  /** No configuration to wait for (the client cannot answer pulls and pushes nothing up front). */
  markReadyNow(): void {
    this.markReady();
  }

  private static foldersFrom(uris: readonly string[], settingsOf: (key: string) => Settings): FolderSettings[] {
    const seen = new Set<string>();
    const out: FolderSettings[] = [];
    for (const uri of uris) {
      const key = folderKey(uri);
      if (seen.has(key) || out.length >= MAX_FOLDERS) continue;
      seen.add(key);
      out.push({ key, uri, settings: settingsOf(key) });
    }
    // Innermost first: a folder nested in another gets its own settings.
    return out.sort((a, b) => b.key.length - a.key.length);
  }
}
