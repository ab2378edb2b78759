// Runs lint jobs on worker threads, one job per worker at a time, each within a time budget.
// A worker past its budget is terminated and replaced: analysis is synchronous, so killing the
// thread is the only way to stop it, and every other file must still get its turn.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { runLintJob, type LintJob, type LintJobResult } from './lint-job';
import type { WorkerRequest, WorkerResponse } from './lint-worker';

export type JobOutcome =
  | { kind: 'done'; result: LintJobResult }
  /** The budget ran out; the worker that ran the job was replaced. */
  | { kind: 'budget' }
  | { kind: 'failed'; message: string };

export interface JobRunner {
  run(job: LintJob): Promise<JobOutcome>;
  close(): Promise<void>;
}

interface Pending {
  id: number;
  job: LintJob;
  resolve(outcome: JobOutcome): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Config ids this worker holds (see WorkerRequest). */
  configs: Set<number>;
  current?: Pending;
  timer?: NodeJS.Timeout;
}

export class WorkerPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  /** Set when a worker cannot even start: rather than respawn forever or fail every file, analyse in-process. */
  private fallback: InProcessRunner | undefined;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly budgetMs: number,
    /** Told once, in one line, when the pool falls back to the main thread. */
    private readonly warn: (message: string) => void,
  ) {}

  run(job: LintJob): Promise<JobOutcome> {
    if (this.fallback) return this.fallback.run(job);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve });
      // Workers start lazily: a run over two files never pays for more than two threads.
      if (this.slots.length < this.size && this.slots.every((s) => s.current || !s.ready)) this.slots.push(this.spawn());
      this.pump();
    });
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = workerFor(this.script);
    const slot: Slot = { worker, ready: false, configs: new Set() };
    worker.on('message', (msg: WorkerResponse) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onDeath(slot, err.message));
    worker.on('exit', (code) => this.onDeath(slot, `worker exited with code ${code}`));
    return slot;
  }

  private onMessage(slot: Slot, msg: WorkerResponse): void {
    if (msg.type === 'ready') {
      slot.ready = true;
    } else {
      const pending = slot.current;
      if (!pending || pending.id !== msg.id) return;
      this.finish(slot);
      pending.resolve(msg.type === 'result' ? { kind: 'done', result: msg.result } : { kind: 'failed', message: msg.message });
    }
    this.pump();
  }

  private onDeath(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // already replaced (terminated on purpose) or closed
    this.slots.splice(i, 1);
    const pending = slot.current;
    this.finish(slot);
    if (!slot.ready) {
      if (!this.fallback) {
        this.fallback = new InProcessRunner();
        this.warn(`cannot start a worker thread (${reason}); analysing on the main thread, without the --budget-ms limit`);
      }
      for (const p of this.queue.splice(0)) void this.fallback.run(p.job).then(p.resolve);
    } else if (this.queue.length > 0) {
      this.slots.push(this.spawn());
    }
    pending?.resolve({ kind: 'failed', message: reason });
  }

  private onTimeout(slot: Slot): void {
    const pending = slot.current;
    if (!pending) return;
    const i = this.slots.indexOf(slot);
    // Drop the slot before terminating, so onDeath sees the worker as already gone; start a fresh
    // one only if work is waiting (run() starts workers lazily for later jobs).
    if (i >= 0) this.slots.splice(i, 1);
    if (this.queue.length > 0) this.slots.push(this.spawn());
    this.finish(slot);
    void slot.worker.terminate();
    pending.resolve({ kind: 'budget' });
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.current = undefined;
  }

  private readonly configIds = new WeakMap<LintJob['config'], number>();
  private nextConfigId = 1;

  private configIdOf(config: LintJob['config']): number {
    let id = this.configIds.get(config);
    if (id === undefined) this.configIds.set(config, (id = this.nextConfigId++));
    return id;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.current) continue;
      const pending = this.queue.shift()!;
      slot.current = pending;
      slot.timer = setTimeout(() => this.onTimeout(slot), this.budgetMs);
      const { config, ...job } = pending.job;
      const configId = this.configIdOf(config);
      const first = !slot.configs.has(configId);
      slot.configs.add(configId);
      slot.worker.postMessage({ id: pending.id, job, configId, ...(first ? { config } : {}) } satisfies WorkerRequest);
    }
  }
}

/**
 * Used only when no worker script sits beside this module (running from source without a build).
 * It cannot enforce the budget: a synchronous analysis on the main thread cannot be interrupted.
 */
export class InProcessRunner implements JobRunner {
  async run(job: LintJob): Promise<JobOutcome> {
    try {
      return { kind: 'done', result: runLintJob(job) };
    } catch (e) {
      return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }

  async close(): Promise<void> {}
}

/**
 * Workers do not inherit `--import tsx`, so the .ts source (running from source, in development)
 * is loaded through tsx's CommonJS hook; the bundle (dist/lint-worker.js) needs nothing.
 */
function workerFor(script: string): Worker {
  if (!script.endsWith('.ts')) return new Worker(script);
  const tsx = createRequire(__filename).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(script)});`, { eval: true });
}

/** The bundled worker next to the bundled CLI (dist/), else the .ts source when running under tsx. */
export function findWorkerScript(dir: string = __dirname): string | undefined {
  for (const name of ['lint-worker.js', 'lint-worker.ts']) {
    const path = join(dir, name);
    if (existsSync(path)) return path;
  }
  return undefined;
}

export function createRunner(jobs: number, budgetMs: number, fileCount: number, warn: (message: string) => void): JobRunner {
  const script = findWorkerScript();
  if (!script) {
    warn('no lint-worker.js beside the CLI; analysing on the main thread, without the --budget-ms limit');
    return new InProcessRunner();
  }
  return new WorkerPool(script, Math.max(1, Math.min(jobs, fileCount)), budgetMs, warn);
}
