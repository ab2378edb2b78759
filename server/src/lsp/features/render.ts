// `postmortem/render` { uri, standalone?, resourceBase? } → { html, version } | null: the report
// for the preview (the body, placed in the client's webview page) or the export (a complete,
// self-contained page). The text is the open document's current one; the work happens in the
// analysis worker (worker/render-job.ts), never on this thread.
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { guard } from '../guard';
import { locationOf } from '../locations';
import type { RenderOutcome, RenderJob } from '../render-calls';
import { engineSettings } from '../settings';
import type { SettingsStore } from '../settings-store';

export const RENDER_REQUEST = 'postmortem/render';

export interface RenderParams {
  uri: string;
  /** A complete page for export (default: the body for the preview). */
  standalone?: boolean;
  /** Preview only: the webview URI of the document, so relative images resolve and load. */
  resourceBase?: string;
}

export interface RenderResult {
  html: string;
  /** The document version rendered. */
  version: number;
}

export interface RenderParts {
  host: { render(job: RenderJob, timeoutMs: number): Promise<RenderOutcome> };
  settings: SettingsStore;
}

function isParams(p: unknown): p is RenderParams {
  const o = p as Partial<RenderParams> | null;
  return (
    typeof o?.uri === 'string' &&
    (o.standalone === undefined || typeof o.standalone === 'boolean') &&
    (o.resourceBase === undefined || (typeof o.resourceBase === 'string' && o.resourceBase.length <= 4096))
  );
}

/** An absolute URL, or nothing: a malformed base must not make every relative image fail. */
function baseFor(params: RenderParams): string | undefined {
  const base = params.standalone ? params.uri : params.resourceBase;
  if (base === undefined) return undefined;
  try {
    return new URL(base).href;
  } catch {
    return undefined;
  }
}

export async function render(documents: TextDocuments<TextDocument>, parts: RenderParts, params: RenderParams, token?: CancellationToken): Promise<RenderResult | null> {
  const doc = documents.get(params.uri);
  if (!doc || token?.isCancellationRequested) return null;
  const base = baseFor(params);
  const outcome = await parts.host.render(
    {
      uri: params.uri,
      version: doc.version,
      text: doc.getText(),
      ...locationOf(params.uri),
      settings: engineSettings(parts.settings.forUri(params.uri)),
      standalone: params.standalone === true,
      ...(base ? { baseUrl: base } : {}),
    },
    // Three budgets: the first render also loads the renderer; a slow one costs waiting, not correctness.
    parts.settings.current.budgetMs * 3,
  );
  if (outcome.kind === 'failed') throw new Error(outcome.message);
  return { html: outcome.html, version: outcome.version };
}

export function registerRender(connection: Connection, documents: TextDocuments<TextDocument>, parts: () => RenderParts | undefined): void {
  connection.onRequest(
    RENDER_REQUEST,
    guard(connection, RENDER_REQUEST, null, (params: unknown, token: CancellationToken) => {
      const p = parts();
      return p && isParams(params) ? render(documents, p, params, token) : null;
    }),
  );
}
