// What a link clicked in the preview may do. Only http, https and mailto leave VS Code (through
// openExternal); a relative link opens the file it names beside the document; a fragment
// scrolls the preview; anything else (javascript:, data:, file:, command:, vscode:...) is
// refused. The server's sanitiser already drops such links: this is the second fence.

export type LinkAction =
  | { kind: 'external'; url: string }
  | { kind: 'relative'; path: string; fragment: string }
  | { kind: 'fragment'; id: string }
  | { kind: 'blocked'; reason: string };

const EXTERNAL = new Set(['http:', 'https:', 'mailto:']);

export function classifyLink(href: string): LinkAction {
  const trimmed = href.trim();
  if (trimmed === '') return { kind: 'blocked', reason: 'empty link' };
  if (trimmed.startsWith('#')) return { kind: 'fragment', id: trimmed.slice(1) };
  // `//host/x` and `\\host\x` name other machines; control characters hide schemes from naive checks.
  if (/^[\\/]{2}/.test(trimmed) || /[\u0000-\u001f\u007f]/.test(trimmed)) return { kind: 'blocked', reason: 'not a link the preview opens' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return { kind: 'blocked', reason: 'malformed address' };
    }
    return EXTERNAL.has(url.protocol) ? { kind: 'external', url: url.href } : { kind: 'blocked', reason: `${url.protocol} links are not opened` };
  }
  const hash = trimmed.indexOf('#');
  const path = decodeSafe(hash < 0 ? trimmed : trimmed.slice(0, hash));
  const fragment = hash < 0 ? '' : trimmed.slice(hash + 1);
  if (path === undefined) return { kind: 'blocked', reason: 'malformed address' };
  if (path === '') return fragment ? { kind: 'fragment', id: fragment } : { kind: 'blocked', reason: 'empty link' };
  return { kind: 'relative', path: path.split('?')[0]!, fragment };
}

function decodeSafe(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
