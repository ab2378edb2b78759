// Messages between the preview webview (webview-script.ts) and the extension (panel.ts). Shared
// so both sides agree; the extension still checks each message, since whatever runs in the
// webview is treated as untrusted.

/** Extension → webview. */
export type ToWebview =
  /**
   * New report body (already sanitised by the server); `line` scrolls to the editor's position.
   * `uri` names the document, kept in the webview's state so the panel can be restored with it
   * after a window reload (restore.ts).
   */
  | { type: 'update'; html: string; version: number; uri: string; line?: number }
  /** The editor scrolled: show this (0-based) line at the top. */
  | { type: 'scroll'; line: number }
  /** Rendering failed or is unavailable; the last report stays under the notice. */
  | { type: 'notice'; text: string };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  /** Reveal this 0-based line of the document in the editor. */
  | { type: 'reveal'; line: number }
  /** A link was clicked; the extension decides whether and how to open it. */
  | { type: 'open-link'; href: string };

const MAX_HREF = 4096;
/** Longer than any document URI an editor would restore (the state is the webview's, so untrusted). */
const MAX_URI = 8192;

/**
 * The document URI in a preview's saved state (webview-script.ts keeps `{ line, uri }`), if it is
 * one the preview may show: a file or an untitled document. The state was written by the webview,
 * so it is checked like any other message from it.
 */
export function restoredDocumentUri(state: unknown): string | undefined {
  const uri = (state as { uri?: unknown } | null | undefined)?.uri;
  if (typeof uri !== 'string' || uri.length > MAX_URI) return undefined;
  return /^(file|untitled):/.test(uri) ? uri : undefined;
}

/** The message if it is one the webview may send, else undefined. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  const m = message as { type?: unknown; line?: unknown; href?: unknown } | null;
  switch (m?.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return Number.isInteger(m.line) && (m.line as number) >= 0 ? { type: 'reveal', line: m.line as number } : undefined;
    case 'open-link':
      return typeof m.href === 'string' && m.href.length <= MAX_HREF ? { type: 'open-link', href: m.href } : undefined;
    default:
      return undefined;
  }
}
