// Messages between the preview webview (webview-script.ts) and the extension (panel.ts). Shared
// so both sides agree; the extension still checks each message, since whatever runs in the
// webview is treated as untrusted.

/** Extension → webview. */
export type ToWebview =
  /** New report body (already sanitised by the server); `line` scrolls to the editor's position. */
  | { type: 'update'; html: string; version: number; line?: number }
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
