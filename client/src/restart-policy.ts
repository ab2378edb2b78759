// How often a crashed language server is restarted: at most `maxRestarts` within `windowMs`.
// A server that keeps dying on some input would otherwise be restarted forever, each restart
// re-analysing the same document and dying again. Pure, so it is unit-tested without VS Code.
export interface RestartDecision {
  restart: boolean;
  /** Crashes within the window, this one included. */
  crashes: number;
  maxRestarts: number;
  windowMs: number;
}

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts = 5,
    readonly windowMs = 3 * 60_000,
  ) {}

  /** Records a crash at `now` (ms) and says whether to restart. */
  crashed(now: number): RestartDecision {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    return { restart: this.crashes.length <= this.maxRestarts, crashes: this.crashes.length, maxRestarts: this.maxRestarts, windowMs: this.windowMs };
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.crashes = [];
  }
}
