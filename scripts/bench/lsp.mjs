// A minimal LSP client for the benchmark: spawns the bundled server over stdio and talks
// vscode-jsonrpc to it. Waits for publishDiagnostics of a given version with a timeout.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
const P = require('vscode-languageserver-protocol');

const CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: { synchronization: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
};

export class BenchClient {
  /** Spawns `node <server> --stdio`; `t0` is taken just before the spawn. */
  static async start(serverPath, { debounceMs = 0, budgetMs = 600_000, rootUri = null } = {}) {
    const c = new BenchClient();
    c.t0 = performance.now();
    c.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    c.stderr = '';
    c.child.stderr.on('data', (d) => (c.stderr += d.toString()));
    c.conn = createMessageConnection(new StreamMessageReader(c.child.stdout), new StreamMessageWriter(c.child.stdin));
    c.waiters = new Map(); // uri -> [{version, resolve}]
    c.conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => {
      const list = c.waiters.get(p.uri) ?? [];
      const t = performance.now();
      c.waiters.set(p.uri, list.filter((w) => {
        if (p.version === undefined || p.version >= w.version) {
          // A budget cut or failure note means the figure is not an analysis time: flag it.
          const incomplete = p.diagnostics.some((d) => d.code === 'analysis-cut-short' || d.code === 'analysis-failed');
          w.resolve({ t, count: p.diagnostics.length, version: p.version, incomplete });
          return false;
        }
        return true;
      }));
    });
    c.conn.onRequest(P.ConfigurationRequest.type, (params) => params.items.map((i) => (i.section === 'postmortem' ? { debounceMs, budgetMs } : null)));
    c.conn.onRequest(P.RegistrationRequest.type, () => null);
    // The worker's own analysis time per version (postmortem/statusChanged), to split engine from transport.
    c.analysisMs = new Map(); // uri -> Map(version -> ms)
    c.statusWaiters = new Map(); // uri -> [{version, resolve}]
    c.conn.onNotification('postmortem/statusChanged', (s) => {
      if (s.analysedVersion === null || s.analysisMs === null) return;
      if (!c.analysisMs.has(s.uri)) c.analysisMs.set(s.uri, new Map());
      c.analysisMs.get(s.uri).set(s.analysedVersion, s.analysisMs);
      const t = performance.now();
      c.statusWaiters.set(s.uri, (c.statusWaiters.get(s.uri) ?? []).filter((w) => (s.analysedVersion >= w.version ? (w.resolve(t), false) : true)));
    });
    c.conn.onNotification(P.LogMessageNotification.type, () => {});
    c.conn.onNotification(P.ShowMessageNotification.type, () => {});
    c.conn.onNotification(() => {});
    c.conn.listen();
    await c.conn.sendRequest(P.InitializeRequest.type, {
      processId: process.pid, rootUri, capabilities: CAPABILITIES, initializationOptions: { debounceMs, budgetMs },
    });
    c.tInitialized = performance.now();
    await c.conn.sendNotification(P.InitializedNotification.type, {});
    return c;
  }

  get pid() {
    return this.child.pid;
  }

  /** Resolves with the arrival time of diagnostics for `version` (or later) of `uri`. */
  diagnostics(uri, version, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} in ${timeoutMs} ms\n${this.stderr.slice(-2000)}`)), timeoutMs);
      const list = this.waiters.get(uri) ?? [];
      list.push({ version, resolve: (r) => { clearTimeout(timer); resolve(r); } });
      this.waiters.set(uri, list);
    });
  }

  /**
   * Resolves with the arrival time of the status of `version` (or later): the server published
   * its diagnostics before building what requests read, and has finished that too. Resolves with
   * undefined after `timeoutMs` (a cut-short or failed analysis sends no new status).
   */
  settled(uri, version, timeoutMs = 10_000) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      const list = this.statusWaiters.get(uri) ?? [];
      list.push({ version, resolve: (t) => { clearTimeout(timer); resolve(t); } });
      this.statusWaiters.set(uri, list);
    });
  }

  /**
   * didOpen, then the time to its first diagnostics (ms) and their count; returns once the
   * analysis has settled, so the next step starts on an idle server (`settledMs`).
   */
  async open(uri, text, version = 1) {
    const done = this.diagnostics(uri, version);
    const settled = this.settled(uri, version, 120_000);
    const t = performance.now();
    await this.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
    const r = await done;
    const s = await settled;
    return { ms: r.t - t, count: r.count, incomplete: r.incomplete, settledMs: s === undefined ? NaN : s - t };
  }

  /** An incremental didChange; the time to diagnostics of that version, then (settledMs) to its settled analysis. */
  async change(uri, version, range, text) {
    const done = this.diagnostics(uri, version);
    const settled = this.settled(uri, version);
    const t = performance.now();
    await this.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const r = await done;
    const s = await settled;
    return { ms: r.t - t, count: r.count, incomplete: r.incomplete, settledMs: s === undefined ? NaN : s - t };
  }

  async close(uri) {
    await this.conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** VmHWM (peak) and VmRSS of the server process (its worker threads share it), in MB. */
  memory() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest(P.ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification(P.ExitNotification.type);
    } catch {}
    const exited = new Promise((r) => this.child.once('exit', r));
    const t = setTimeout(() => this.child.kill(), 3000);
    await exited;
    clearTimeout(t);
    this.conn.dispose();
  }
}
