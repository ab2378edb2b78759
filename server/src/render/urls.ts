// Where links and images in a rendered report may point. The sanitiser has already dropped every
// href outside http, https and mailto (and every src outside https); this decides what relative
// and remote addresses become in each output: the webview resolves images against the document's
// webview folder, the standalone export fetches nothing from the network by default.

export interface UrlPolicy {
  /** Absolute URL the document lives at: relative image sources (and, standalone, links) resolve against it. */
  base?: string;
  /** Let https images load (the webview's CSP allows them); otherwise they become links. */
  remoteImages: boolean;
  /** Resolve relative links against `base` (the export has no script to do it on click). */
  resolveLinks: boolean;
}

/** `//host/x` and `\\host\x` name another machine even without a scheme. */
function namesHost(url: string): boolean {
  return /^[\\/]{2}/.test(url);
}

function parse(url: string, base?: string): URL | undefined {
  try {
    return base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    return undefined;
  }
}

function hasScheme(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url);
}

/**
 * A file URL that names a host (`file://server/share`) would make Windows open an SMB connection
 * and hand over the user's credentials: never produce one.
 */
function safeResolved(url: URL, base: URL): boolean {
  if (url.protocol !== base.protocol) return false;
  if (url.protocol === 'file:') return url.host === '';
  return url.host === base.host;
}

export type ImageSource =
  | { kind: 'load'; src: string }
  /** Not loaded here; offered as a link the reader can follow. */
  | { kind: 'link'; href: string }
  | { kind: 'drop' };

export function imageSource(src: string, policy: UrlPolicy): ImageSource {
  const trimmed = src.trim();
  if (trimmed === '') return { kind: 'drop' };
  if (hasScheme(trimmed) || namesHost(trimmed)) {
    const url = parse(namesHost(trimmed) ? `https:${trimmed.replace(/\\/g, '/')}` : trimmed);
    if (!url || url.protocol !== 'https:') return { kind: 'drop' };
    return policy.remoteImages ? { kind: 'load', src: url.href } : { kind: 'link', href: url.href };
  }
  if (trimmed.startsWith('#')) return { kind: 'drop' };
  if (!policy.base) return { kind: 'load', src: trimmed };
  const base = parse(policy.base);
  const url = base && parse(trimmed, base.href);
  if (!base || !url || !safeResolved(url, base)) return { kind: 'drop' };
  return { kind: 'load', src: url.href };
}

/**
 * The href a link keeps: fragments and http(s)/mailto as they are; relative ones resolved against
 * the document when asked (the export), else kept for the preview's click handler to resolve.
 */
export function linkHref(href: string, policy: UrlPolicy): string | undefined {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return trimmed;
  if (namesHost(trimmed)) return undefined;
  if (hasScheme(trimmed)) {
    const url = parse(trimmed);
    return url && ['http:', 'https:', 'mailto:'].includes(url.protocol) ? trimmed : undefined;
  }
  if (!policy.resolveLinks || !policy.base) return trimmed;
  const base = parse(policy.base);
  const url = base && parse(trimmed, base.href);
  return base && url && safeResolved(url, base) ? url.href : undefined;
}
