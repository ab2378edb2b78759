// Runs in the analysis worker: renders the report for the preview or the export. It reuses the
// document's block cache (so the parse is the one its analysis made, and typing re-parses only
// the blocks that changed) and the worker's config resolution, keyed by the settings generation
// of the latest analysis so rendering never makes the worker resolve configs again. The renderer
// (rehype, parse5, the sanitiser) is loaded on the first render, so a worker started for
// diagnostics does not pay for it.
import { basename } from 'node:path';
import { analyze } from '../../core/analyze';
import { BlockCache } from '../../core/parse/document';
import type { AnalyzeRequest } from '../analysis-protocol';
import type { RenderReply, RenderRequest } from './render-protocol';
import type { WorkerConfigs } from './configs';

export class PreviewRenderer {
  private generation = 0;

  /** Called for each analysis request, to render with the same settings generation. */
  saw(request: AnalyzeRequest): void {
    this.generation = request.settingsGeneration;
  }

  render(request: RenderRequest, caches: ReadonlyMap<string, BlockCache>, configs: WorkerConfigs): RenderReply {
    try {
      // require, not import(): a worker run from source has tsx's CommonJS hook only (worker-script.ts),
      // and in the bundle esbuild turns this into a lazily initialised module all the same.
      const { renderReport } = require('../../render') as typeof import('../../render');
      const { config } = configs.forDocument(request.path, request.onDisk, request.settings, this.generation);
      // Only open documents have a cache; a closed one gets a throwaway so nothing leaks.
      const cache = caches.get(request.uri) ?? new BlockCache();
      // A previewed document keeps its trees from now on, so the next render re-parses only what changed.
      cache.keepTrees = true;
      const analysis = analyze(request.text, { config, cache, ...(request.path ? { path: request.path } : {}) });
      // Every block is a hit now: these are the trees the analysis just read.
      const doc = cache.parse(request.text);
      const html = renderReport(analysis, doc, {
        standalone: request.standalone,
        ...(request.baseUrl ? { baseUrl: request.baseUrl } : {}),
        ...(request.path ? { fallbackTitle: basename(request.path) } : {}),
        now: new Date(),
      });
      return { type: 'rendered', id: request.id, version: request.version, html };
    } catch (error) {
      return { type: 'render-failed', id: request.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
  }
}
