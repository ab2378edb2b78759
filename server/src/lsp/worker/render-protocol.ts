// The preview's messages to and from the analysis worker (beside analysis-protocol.ts, which
// carries them in its unions). Rendering runs in the worker because it needs the parse trees,
// which never leave it.
import type { EngineSettings } from '../analysis-protocol';

export interface RenderRequest {
  type: 'render';
  id: number;
  uri: string;
  version: number;
  /** The document's current text: the report shows what the editor shows, even mid-analysis. */
  text: string;
  path?: string;
  onDisk: boolean;
  settings: EngineSettings;
  /** The export's complete page, or the body the preview places in its webview. */
  standalone: boolean;
  /** Relative images (and, in the export, links) resolve against it. */
  baseUrl?: string;
}

export type RenderReply =
  | { type: 'rendered'; id: number; version: number; html: string }
  | { type: 'render-failed'; id: number; message: string };
