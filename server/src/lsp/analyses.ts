// Per open document: debounce, submission to the worker, the latest finished analysis, and
// publication. A result is published only if the document is still at the analysed version and
// nothing (settings, config files) changed while it ran: a stale result is never published.
import type { CancellationToken, Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { PieceTextDocument } from './piece-document';
import type { Finding } from '../core/types';
import type { DocumentFacts } from './analysis-protocol';
import type { ConfigMessages } from './config-messages';
import { cutShortDiagnostic, CUT_SHORT_CODE, failedDiagnostic, FAILED_CODE, toDiagnostic } from './convert';
import { ReplacedText } from './garbage';
import { locationOf } from './locations';
import { engineSettings } from './settings';
import type { SettingsStore } from './settings-store';
import { statusOf, STATUS_CHANGED, type Status } from './status';
import type { AnalysisWorkerHost } from './worker-host';

/** How long a request waits for the analysis of the version it is about before using what there is. */
export const REQUEST_WAIT_MS = 1000;

interface DocState {
  timer: NodeJS.Timeout | undefined;
  /** The last finished analysis, of whatever version. */
  latest: DocumentFacts | undefined;
  /** Set when the analysis of this version ran out of time. */
  cutShort: { version: number; budgetMs: number } | undefined;
  /** Set when the analysis of this version failed (an engine error); requests stop waiting for it. */
  failedVersion: number | undefined;
  published: Diagnostic[];
  waiters: Set<() => void>;
}

export interface FactsFor {
  facts: DocumentFacts;
  doc: PieceTextDocument;
  /** The facts are of the document's current version (positions are exact). */
  current: boolean;
}

export class Analyses {
  private readonly states = new Map<string, DocState>();
  /** Bumped when settings or config files change; results from an older epoch are not published. */
  private epoch = 0;
  private readonly replaced = new ReplacedText();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<PieceTextDocument>,
    private readonly host: AnalysisWorkerHost,
    private readonly settings: SettingsStore,
    private readonly configMessages: ConfigMessages,
  ) {}

  opened(uri: string): void {
    this.states.set(uri, { timer: undefined, latest: undefined, cutShort: undefined, failedVersion: undefined, published: [], waiters: new Set() });
    // First diagnostics as soon as possible: no debounce on open.
    this.start(uri);
  }

  changed(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    // Only a whole text some request joined is left behind by an edit here (piece-document.ts).
    this.replaced.replaced(this.documents.get(uri)?.takeJoinedLength() ?? 0);
    if (state.timer) clearTimeout(state.timer);
    const delay = this.settings.current.debounceMs;
    if (delay <= 0) this.start(uri);
    else state.timer = setTimeout(() => this.start(uri), delay);
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    this.host.drop(uri);
    wake(state);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings or a config file changed: analyse every open document again. */
  revalidateAll(): void {
    this.epoch++;
    for (const uri of this.states.keys()) this.start(uri);
  }

  isOpen(uri: string): boolean {
    return this.states.has(uri);
  }

  status(uri: string): Status | null {
    const state = this.states.get(uri);
    if (!state) return null;
    return statusOf(uri, state.latest, state.cutShort !== undefined);
  }

  /**
   * The latest finished analysis, after waiting (bounded, cancellable) for the one of the
   * document's current version. Never parses here: that is the worker's job.
   */
  async factsFor(uri: string, token?: CancellationToken, maxWaitMs = REQUEST_WAIT_MS): Promise<FactsFor | undefined> {
    const state = this.states.get(uri);
    if (!state || !this.documents.get(uri)) return undefined;
    const settled = () => {
      const version = this.documents.get(uri)?.version;
      return version === undefined || state.latest?.version === version || state.cutShort?.version === version || state.failedVersion === version;
    };
    if (!settled()) {
      // Someone needs this version now: skip the rest of the debounce.
      if (state.timer) this.start(uri);
      await waitUntil(state, settled, maxWaitMs, token);
    }
    const doc = this.documents.get(uri);
    if (!doc || !state.latest || this.states.get(uri) !== state) return undefined;
    return { facts: state.latest, doc, current: state.latest.version === doc.version };
  }

  private start(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
    this.run(uri, state).catch((error: unknown) => this.connection.console.error(`analysis of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  }

  private async run(uri: string, state: DocState): Promise<void> {
    await this.settings.ready;
    const doc = this.documents.get(uri);
    if (!doc || this.states.get(uri) !== state) return;
    const { version } = doc;
    const epoch = this.epoch;
    const isCurrent = () => this.states.get(uri) === state && this.documents.get(uri)?.version === version && epoch === this.epoch;
    // Diagnostics go out as soon as the findings are known; requests still wait for the facts.
    let publishedEarly = false;
    const early = (findings: Finding[]) => {
      const current = this.documents.get(uri);
      if (!current || !isCurrent()) return;
      publishedEarly = true;
      this.publishDiagnostics(uri, current, state, findings);
    };
    const outcome = await this.host.submit({
      uri,
      version,
      // Read only if the worker must be sent the whole text: joining it costs ~20 ms at 5 MB.
      text: doc.textOfThisVersion(),
      ...locationOf(uri),
      settings: engineSettings(this.settings.forUri(uri)),
      settingsGeneration: epoch,
      keep: true,
      findingsOnly: false,
    }, early);
    if (this.states.get(uri) !== state) return;
    const current = this.documents.get(uri);
    switch (outcome.kind) {
      case 'superseded':
        return;
      case 'done':
        if (outcome.facts.configProblem) this.configMessages.report(outcome.facts.configProblem);
        if (epoch !== this.epoch) break; // a revalidation with the new settings is queued
        if (!state.latest || state.latest.version <= version) state.latest = outcome.facts;
        // Also when the document moved on meanwhile: the status says which version it is about.
        if (!current || !isCurrent()) {
          if (state.latest === outcome.facts) this.sendStatus(uri, state);
          break;
        }
        if (!publishedEarly) this.publishDiagnostics(uri, current, state, outcome.facts.findings);
        this.sendStatus(uri, state);
        // Once the diagnostics and facts are out: the versions edited away are garbage (garbage.ts).
        this.replaced.collectIfDue(2 * this.documents.all().reduce((sum, d) => sum + d.length, 0));
        break;
      case 'cut-short':
        if (current && isCurrent()) {
          state.cutShort = { version, budgetMs: outcome.budgetMs };
          // What we have: the last published problems, plus a note that this version was not finished.
          this.sendWithNote(uri, current, state, cutShortDiagnostic(outcome.budgetMs));
        }
        break;
      case 'failed':
        if (current && isCurrent()) {
          state.failedVersion = version;
          this.sendWithNote(uri, current, state, failedDiagnostic(outcome.message));
        }
        break;
    }
    wake(state);
  }

  /** The status follows separately, once the facts it reads are in. */
  private publishDiagnostics(uri: string, doc: PieceTextDocument, state: DocState, findings: readonly Finding[]): void {
    const diagnostics = findings.map((f) => toDiagnostic(doc, f));
    state.cutShort = undefined;
    state.published = diagnostics;
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  private sendWithNote(uri: string, doc: PieceTextDocument, state: DocState, note: Diagnostic): void {
    const diagnostics = [...state.published.filter((d) => d.code !== CUT_SHORT_CODE && d.code !== FAILED_CODE), note];
    state.published = diagnostics;
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    this.sendStatus(uri, state);
  }

  private sendStatus(uri: string, state: DocState): void {
    void this.connection.sendNotification(STATUS_CHANGED, statusOf(uri, state.latest, state.cutShort !== undefined));
  }
}

function wake(state: DocState): void {
  const waiters = [...state.waiters];
  state.waiters.clear();
  for (const w of waiters) w();
}

/** Resolves when `done()` holds after a wake-up, after `ms`, or when the request is cancelled. */
function waitUntil(state: DocState, done: () => boolean, ms: number, token?: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      cancel?.dispose();
      state.waiters.delete(check);
      resolve();
    };
    const check = () => {
      if (done()) finish();
      else state.waiters.add(check);
    };
    const timer = setTimeout(finish, ms);
    const cancel = token?.onCancellationRequested(finish);
    check();
  });
}
