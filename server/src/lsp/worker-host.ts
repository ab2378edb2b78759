// The request thread's side of the analysis worker: a queue with one job in flight, at most one
// queued job per document (a newer version replaces an older one that has not started: stale work
// is dropped), a time budget per job after which the worker is terminated and a fresh one takes
// over, and restarts after crashes.
import type { Worker } from 'node:worker_threads';
import type { Finding } from '../core/types';
import type { AnalyzeRequest, DocumentFacts, FromWorker, ToWorker } from './analysis-protocol';
import type { WorkerScript } from './worker-script';
import { spawnAnalysisWorker, takePrestarted, type PrestartedWorker } from './worker-spawn';
import type { EditJournal } from './edit-journal';
import { RenderCalls, type RenderJob, type RenderOutcome } from './render-calls';

export type Outcome =
  | { kind: 'done'; facts: DocumentFacts }
  /** The budget ran out; the worker was replaced. */
  | { kind: 'cut-short'; budgetMs: number }
  | { kind: 'failed'; message: string }
  /** A newer version of the same document was submitted before this one started. */
  | { kind: 'superseded' };

/**
 * A job always carries its whole text; the host sends the worker only the edits when it can. The
 * text may be a function returning it (an open document's, read only if it must be sent whole).
 */
export type Job = Omit<AnalyzeRequest, 'type' | 'id' | 'text' | 'edits'> & { text: string | (() => string) };

interface Queued {
  job: Job;
  resolve(outcome: Outcome): void;
  onFindings: ((findings: Finding[]) => void) | undefined;
}

export interface WorkerHostOptions {
  name: string;
  script: WorkerScript;
  budgetMs(): number;
  log(message: string): void;
  /** A config file loaded cleanly in the worker. */
  onConfigGood?(file: string): void;
  /** A worker started ahead of the server (main.ts): the first one this host needs, if still usable. */
  prestarted?: PrestartedWorker;
  /** The open documents' edits: kept documents are then sent as edits to the version the worker holds. */
  journal?: EditJournal;
}

/** After this many crashes in a row the queue is failed rather than retried, so a broken worker cannot loop. */
const MAX_CRASHES_IN_A_ROW = 3;

export class AnalysisWorkerHost {
  private worker: Worker | undefined;
  private readonly queue = new Map<string, Queued>();
  private inFlight: { id: number; uri: string; item: Queued; timer: NodeJS.Timeout; budgetMs: number; findings?: Finding[] } | undefined;
  private nextId = 1;
  private crashesInARow = 0;
  private lastError = '';
  private disposed = false;
  /** Configs that loaded cleanly, handed to each new worker so a malformed file keeps its last good version. */
  private readonly goodConfigs: Record<string, unknown> = {};
  restarts = 0;
  private readonly renders = new RenderCalls();
  /** The version of each kept document the current worker holds (it stores a text before analysing it). */
  private readonly held = new Map<string, number>();

  constructor(private readonly options: WorkerHostOptions) {}

  /** The preview's report, rendered in this worker between analyses (features/render.ts). */
  render(job: RenderJob, timeoutMs: number): Promise<RenderOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'failed', message: 'server is shutting down' });
    return this.renders.call(this.ensureWorker(), job, timeoutMs);
  }

  /** Starts the worker ahead of the first document, so its start-up overlaps the client's. */
  warm(): void {
    if (!this.disposed) this.ensureWorker();
  }

  /**
   * Analyses `job`. `onFindings` hears the findings as soon as the worker has them, before the
   * facts of the outcome are built (a job superseded before it starts never calls it).
   */
  submit(job: Job, onFindings?: (findings: Finding[]) => void): Promise<Outcome> {
    return new Promise((resolve) => {
      if (this.disposed) return resolve({ kind: 'failed', message: 'server is shutting down' });
      // Map.set on an existing key keeps its place in line: the document being typed in is not
      // pushed behind others each keystroke.
      this.queue.get(job.uri)?.resolve({ kind: 'superseded' });
      this.queue.set(job.uri, { job, resolve, onFindings });
      this.pump();
    });
  }

  /** The document was closed: forget its queued job and its block cache. */
  drop(uri: string): void {
    const queued = this.queue.get(uri);
    if (queued) {
      this.queue.delete(uri);
      queued.resolve({ kind: 'superseded' });
    }
    this.held.delete(uri);
    this.options.journal?.forget(uri);
    this.post({ type: 'drop', uri });
  }

  configChanged(): void {
    this.post({ type: 'config-changed' });
  }

  dispose(): void {
    this.disposed = true;
    for (const q of this.queue.values()) q.resolve({ kind: 'failed', message: 'server is shutting down' });
    this.queue.clear();
    if (this.inFlight) {
      clearTimeout(this.inFlight.timer);
      this.inFlight.item.resolve({ kind: 'failed', message: 'server is shutting down' });
      this.inFlight = undefined;
    }
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private pump(): void {
    if (this.inFlight || this.disposed) return;
    const next = this.queue.entries().next();
    if (next.done) return;
    const [uri, item] = next.value;
    this.queue.delete(uri);
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const budgetMs = this.options.budgetMs();
    const timer = setTimeout(() => this.onBudgetExceeded(id), budgetMs);
    this.inFlight = { id, uri, item, timer, budgetMs };
    worker.postMessage(this.requestFor(id, item.job));
  }

  /** The job as the worker gets it: the edits since the version it holds when they are known, else the text. */
  private requestFor(id: number, job: Job, wholeText = false): AnalyzeRequest {
    const { text, ...rest } = job;
    const journal = this.options.journal;
    const held = this.held.get(job.uri);
    const edits = !wholeText && job.keep && journal && held !== undefined ? journal.between(job.uri, held, job.version) : undefined;
    if (job.keep) {
      this.held.set(job.uri, job.version);
      journal?.delivered(job.uri, job.version);
    }
    return edits ? { type: 'analyze', id, ...rest, edits } : { type: 'analyze', id, ...rest, text: typeof text === 'function' ? text() : text };
  }

  private finish(id: number, outcome: Outcome): void {
    if (this.inFlight?.id !== id) return;
    clearTimeout(this.inFlight.timer);
    const { item } = this.inFlight;
    this.inFlight = undefined;
    item.resolve(outcome);
    this.pump();
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'config-good':
        this.goodConfigs[message.file] = message.config;
        this.options.onConfigGood?.(message.file);
        return;
      case 'findings':
        if (this.inFlight?.id !== message.id) return;
        this.inFlight.findings = message.findings;
        try {
          this.inFlight.item.onFindings?.(message.findings);
        } catch (error) {
          this.options.log(`[${this.options.name}] publishing early findings failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
        return;
      case 'result': {
        this.crashesInARow = 0;
        // Findings posted ahead of the facts are not sent twice: they are put back here.
        const early = this.inFlight?.id === message.id ? this.inFlight.findings : undefined;
        const facts = early ? { ...message.facts, findings: early } : message.facts;
        this.finish(message.id, { kind: 'done', facts });
        return;
      }
      case 'error':
        this.options.log(`[${this.options.name}] analysis failed: ${message.message}`);
        this.finish(message.id, { kind: 'failed', message: message.message });
        return;
      case 'need-text':
        // The worker held another version than the edits start from: the same job, whole.
        if (this.inFlight?.id === message.id) this.worker?.postMessage(this.requestFor(message.id, this.inFlight.item.job, true));
        return;
    }
  }

  private onBudgetExceeded(id: number): void {
    if (this.inFlight?.id !== id) return;
    const { uri, budgetMs } = this.inFlight;
    this.options.log(`[${this.options.name}] analysis of ${uri} took longer than ${budgetMs} ms; restarting the worker`);
    // The worker is stuck in synchronous parsing: terminating it is the only way to stop it.
    this.replaceWorker();
    this.finish(id, { kind: 'cut-short', budgetMs });
  }

  private replaceWorker(): void {
    const old = this.worker;
    this.worker = undefined;
    this.held.clear();
    this.restarts++;
    if (old) void old.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = takePrestarted(this.options.prestarted, this.options.script) ?? spawnAnalysisWorker(this.options.script);
    worker.stdout.on('data', (chunk: Buffer) => this.options.log(`[${this.options.name}] ${chunk.toString().trimEnd()}`));
    worker.stderr.on('data', (chunk: Buffer) => this.options.log(`[${this.options.name}] ${chunk.toString().trimEnd()}`));
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    worker.on('error', (error) => {
      this.lastError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    });
    worker.on('exit', (code) => this.onExit(worker, code));
    if (Object.keys(this.goodConfigs).length > 0) worker.postMessage({ type: 'known-good-configs', configs: this.goodConfigs } satisfies ToWorker);
    this.worker = worker;
    return worker;
  }

  private onExit(worker: Worker, code: number): void {
    // Workers we terminated on purpose (budget, dispose) are no longer this.worker.
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.held.clear();
    this.restarts++;
    this.crashesInARow++;
    const message = `[${this.options.name}] worker exited (code ${code})${this.lastError ? `: ${this.lastError}` : ''}`;
    this.lastError = '';
    this.options.log(message);
    const current = this.inFlight;
    if (current) {
      clearTimeout(current.timer);
      this.inFlight = undefined;
      current.item.resolve({ kind: 'failed', message });
    }
    if (this.crashesInARow >= MAX_CRASHES_IN_A_ROW) {
      this.crashesInARow = 0;
      for (const q of this.queue.values()) q.resolve({ kind: 'failed', message });
      this.queue.clear();
    } else this.pump();
  }
}
