// The request thread's side of rendering in the analysis worker: render messages go to the
// worker between analyses (the worker handles one message at a time, so a render waits for the
// analysis in progress), and each call ends with the worker's reply, its exit, or a timeout.
// Kept out of worker-host.ts, which only hands over its current worker.
import type { Worker } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './worker/render-protocol';

export type RenderJob = Omit<RenderRequest, 'type' | 'id'>;

export type RenderOutcome = { kind: 'done'; html: string; version: number } | { kind: 'failed'; message: string };

interface Pending {
  worker: Worker;
  timer: NodeJS.Timeout;
  resolve(outcome: RenderOutcome): void;
}

function isReply(message: unknown): message is RenderReply {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'rendered' || type === 'render-failed';
}

export class RenderCalls {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly attached = new WeakSet<Worker>();

  call(worker: Worker, job: RenderJob, timeoutMs: number): Promise<RenderOutcome> {
    this.attach(worker);
    const id = this.nextId++;
    return new Promise((resolve) => {
      // The worker cannot be stopped mid-render without losing the analyses behind it; a render
      // that outlives the budget is abandoned instead (its reply, if any, is ignored).
      const timer = setTimeout(() => this.settle(id, { kind: 'failed', message: `rendering took longer than ${timeoutMs} ms` }), timeoutMs);
      this.pending.set(id, { worker, timer, resolve });
      worker.postMessage({ type: 'render', id, ...job } satisfies RenderRequest);
    });
  }

  private attach(worker: Worker): void {
    if (this.attached.has(worker)) return;
    this.attached.add(worker);
    worker.on('message', (message: unknown) => {
      if (!isReply(message)) return;
      this.settle(message.id, message.type === 'rendered' ? { kind: 'done', html: message.html, version: message.version } : { kind: 'failed', message: message.message });
    });
    // Terminated for its budget, crashed, or shut down: nothing it had will answer.
    worker.once('exit', () => {
      for (const [id, p] of this.pending) if (p.worker === worker) this.settle(id, { kind: 'failed', message: 'the analysis worker stopped' });
    });
  }

  private settle(id: number, outcome: RenderOutcome): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(outcome);
  }
}
