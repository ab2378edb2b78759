// The analysis worker: owns a BlockCache per open document (so an edit re-parses only the blocks
// it touched), runs the engine and answers with compact facts. It runs off the thread that serves
// LSP requests; the host terminates it when a document exceeds its time budget.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../core/analyze';
import { actionItemOptions, incidentSummary } from '../core/incident-summary';
import { BlockCache } from '../core/parse/document';
import type { AnalyzeRequest, DocumentFacts, FromWorker, ToWorker } from './analysis-protocol';
import { WorkerConfigs } from './worker/configs';
import { ReplacedText } from './garbage';
import { HeldText } from './worker/held-text';
import { buildFacts } from './worker/facts';
import { PreviewRenderer } from './worker/render-job';

const port = parentPort;
if (!port) throw new Error('analysis-worker must run in a worker thread');

const caches = new Map<string, BlockCache>();
const configs = new WorkerConfigs((file, config) => post({ type: 'config-good', file, config }));
const previews = new PreviewRenderer();

let beforeFirstAnswer: (() => void) | undefined;

/**
 * Runs `hook` once, just before the first answer to a job (its findings) is posted. worker-boot.ts
 * writes its code cache there: the job has compiled what an analysis needs, and the server may be
 * stopped as soon as it has its first diagnostics, too soon for anything done after them (written
 * after the findings, the cache was lost whenever a client stopped the server at that point, and
 * every start compiled the engine again: +55 ms). The facts' code, compiled after, is not in it.
 */
export function onBeforeFirstAnswer(hook: () => void): void {
  beforeFirstAnswer = hook;
}

function post(message: FromWorker): void {
  const hook = message.type === 'config-good' ? undefined : beforeFirstAnswer;
  if (hook) {
    beforeFirstAnswer = undefined;
    hook();
  }
  // The timeline's columns are moved, not copied (see timeline-columns.ts).
  const columns = message.type === 'result' ? message.facts.timeline?.columns.buffer : undefined;
  port!.postMessage(message, columns ? [columns as ArrayBuffer] : []);
}

/** Texts of kept documents, so the next version can come as edits (edit-journal.ts, worker/held-text.ts). */
const texts = new Map<string, HeldText>();
/** Text this worker let go of, and how its heap grew, since its last collection (garbage.ts). */
const replaced = new ReplacedText({ watchHeap: true });

/** The request's text: sent whole, or the held version with the edits applied; undefined if the edits do not fit it. */
function textOf(request: AnalyzeRequest): string | undefined {
  const held = texts.get(request.uri);
  if (request.text !== undefined) {
    if (!request.keep) {
      replaced.replaced(request.text.length);
      return request.text;
    }
    replaced.replaced(held?.text.length ?? 0);
    texts.set(request.uri, new HeldText(request.version, request.text));
    return request.text;
  }
  if (!request.edits || !held || held.version !== request.edits.from) return undefined;
  // Only kept documents are sent edits (worker-host.ts); any other gets a copy, the held text stays.
  const target = request.keep ? held : new HeldText(held.version, held.text);
  const before = held.text.length;
  if (!target.apply(request.edits.edits, request.version)) return undefined;
  replaced.replaced(request.keep ? before : target.text.length);
  return target.text;
}

/** Analyses the request's text; the findings are posted as soon as they are known unless only findings were asked for. */
function run(request: AnalyzeRequest, text: string): DocumentFacts {
  const started = performance.now();
  const { config, problem } = configs.forDocument(request.path, request.onDisk, request.settings, request.settingsGeneration);
  let cache = request.keep ? caches.get(request.uri) : undefined;
  if (!cache) {
    cache = new BlockCache();
    if (request.keep) caches.set(request.uri, cache);
  }
  const before = { hits: cache.hits, misses: cache.misses, parsedChars: cache.parsedChars };
  const analysis = analyze(text, { config, cache, ...(request.path ? { path: request.path } : {}) });
  replaced.parsed(cache.parsedChars - before.parsedChars);
  const stats = { ms: 0, blocksReused: cache.hits - before.hits, blocksParsed: cache.misses - before.misses };
  if (!request.findingsOnly) post({ type: 'findings', id: request.id, findings: analysis.findings });
  const base = request.findingsOnly
    ? {
        uri: request.uri,
        version: request.version,
        isPostmortem: analysis.isPostmortem,
        findings: analysis.findings,
        template: { id: analysis.model.template.id, name: analysis.model.template.name, sections: [] },
        sections: [],
        summaryFields: [],
        entryZone: { text: 'UTC', offsetMinutes: 0 },
      }
    : // Their findings are with the host already: not copied to it twice.
      { ...buildFacts(request.uri, request.version, analysis, config.timeZone), findings: [] };
  // Open action items carry strings per item: only the workspace index asks for them.
  const summary = request.summary && analysis.isPostmortem ? incidentSummary(analysis.model, actionItemOptions(config)) : undefined;
  stats.ms = performance.now() - started;
  return { ...base, stats, ...(summary ? { summary } : {}), ...(problem ? { configProblem: problem } : {}) };
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'analyze': {
      previews.saw(message);
      const text = textOf(message);
      if (text === undefined) {
        post({ type: 'need-text', id: message.id });
        break;
      }
      try {
        post({ type: 'result', id: message.id, facts: run(message, text) });
      } catch (error) {
        // An engine bug on one document must not take the worker (and every other document) down.
        caches.delete(message.uri);
        post({ type: 'error', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
      // After the answer is posted: the collection runs between keystrokes, not in one.
      replaced.collectIfDue(2 * [...texts.values()].reduce((sum, t) => sum + t.text.length, 0));
      break;
    }
    case 'drop':
      caches.delete(message.uri);
      replaced.replaced(texts.get(message.uri)?.text.length ?? 0);
      texts.delete(message.uri);
      break;
    case 'config-changed':
      configs.invalidate();
      break;
    case 'known-good-configs':
      configs.seed(message.configs);
      break;
    case 'render':
      post(previews.render(message, caches, configs));
      break;
  }
});
