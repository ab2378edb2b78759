// Holds the current settings and tells the rest of the server when they change.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from './settings';

/** A client that never answers workspace/configuration must not stall every analysis. */
const PULL_TIMEOUT_MS = 3000;
const NO_ANSWER = Symbol('no answer');

export class SettingsStore {
  private readonly initial: Settings;
  private settings: Settings;
  /** Bumped on every change, so the worker re-resolves its config only then. */
  generation = 0;
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly connection: Connection,
    initializationOptions: unknown,
    private readonly canPull: boolean,
  ) {
    this.initial = mergeSettings(DEFAULT_SETTINGS, initializationOptions);
    this.settings = this.initial;
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  get current(): Settings {
    return this.settings;
  }

  /**
   * Re-reads the settings: pulled from the client when it supports that, else from the pushed
   * `settings.postmortem` of didChangeConfiguration. Returns whether anything changed.
   */
  async refresh(pushed?: unknown): Promise<boolean> {
    try {
      let raw: unknown;
      if (this.canPull) {
        raw = await this.pull();
        if (raw === NO_ANSWER) return false;
      }
      else if (pushed && typeof pushed === 'object') raw = (pushed as Record<string, unknown>)['postmortem'];
      else return false;
      const next = mergeSettings(this.initial, raw);
      if (JSON.stringify(next) === JSON.stringify(this.settings)) return false;
      this.settings = next;
      this.generation++;
      return true;
    } catch (error) {
      this.connection.console.error(`Could not read the postmortem settings: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    } finally {
      this.markReady();
    }
  }

  private async pull(): Promise<unknown> {
    // Answered with the section's object, or null when the client has no such section.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<typeof NO_ANSWER>((resolve) => {
      timer = setTimeout(() => {
        this.connection.console.warn(`workspace/configuration got no answer in ${PULL_TIMEOUT_MS} ms; using the settings so far.`);
        resolve(NO_ANSWER);
      }, PULL_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.connection.workspace.getConfiguration({ section: 'postmortem' }), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** No configuration to wait for (the client cannot answer pulls and pushes nothing up front). */
  markReadyNow(): void {
    this.markReady();
  }
}
