// Where New Postmortem may write: a Markdown file strictly inside the workspace folder. The
// folder and the pattern come from settings, which a workspace can set, so they are checked as
// untrusted input: no absolute paths, no "..", no hidden or tool folders (.git, .vscode), no
// characters some file systems reject.
export type CheckedPath = { ok: true; segments: string[] } | { ok: false; error: string };

const FORBIDDEN = /[<>:"|?*\p{Cc}]/u;
const RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$/i;
const MARKDOWN = /\.(?:md|markdown)$/i;
const MAX_SEGMENT = 255;

function segmentsOf(path: string, what: string): string[] | string {
  if (/^[\\/]/.test(path) || /^[A-Za-z]:/.test(path) || path.startsWith('~')) return `${what} "${path}" is absolute; it must be relative to the workspace folder.`;
  const segments: string[] = [];
  for (const segment of path.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return `${what} "${path}" leaves the workspace folder ("..").`;
    if (segment.startsWith('.')) return `${what} "${path}" names a hidden folder or file ("${segment}").`;
    if (FORBIDDEN.test(segment)) return `${what} "${path}" contains a character file names cannot hold.`;
    if (RESERVED.test(segment)) return `${what} "${path}" uses "${segment}", a name Windows reserves.`;
    if (/[ .]$/.test(segment)) return `${what} "${path}" has a name ending in a space or dot ("${segment}").`;
    if (segment.length > MAX_SEGMENT) return `${what} "${path}" has a name longer than ${MAX_SEGMENT} characters.`;
    segments.push(segment);
  }
  return segments;
}

/**
 * The path of the new file relative to the workspace folder, as segments, from the folder
 * setting ("" or "." for the workspace folder itself) and the expanded file name (which may hold
 * sub-folders of its own, e.g. "${date}/${slug}.md").
 */
export function newFilePath(folder: string, name: string): CheckedPath {
  const dir = segmentsOf(folder.trim(), 'The folder');
  if (typeof dir === 'string') return { ok: false, error: dir };
  if (name.trim() === '') return { ok: false, error: 'The file name is empty.' };
  const file = segmentsOf(name, 'The file name');
  if (typeof file === 'string') return { ok: false, error: file };
  if (file.length === 0) return { ok: false, error: `The file name "${name}" names no file.` };
  if (!MARKDOWN.test(file[file.length - 1]!)) return { ok: false, error: `The file name "${name}" must end in .md: a postmortem is a Markdown file.` };
  return { ok: true, segments: [...dir, ...file] };
}
