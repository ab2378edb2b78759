// Minimal globs for `postmortem lint 'docs/**/*.md'` when the shell did not expand them (quoted, or
// on Windows): `*`, `?`, `**` across folders, `{a,b}` alternatives and `[abc]` classes.

const GLOB_CHARS = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/**
 * Splits a pattern into the folder to walk (the segments before the first wildcard) and the
 * rest, so `docs/2024/**\/*.md` walks only docs/2024.
 */
export function globBase(pattern: string): { base: string; rest: string } {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const i = parts.findIndex((p) => isGlob(p));
  if (i < 0) return { base: parts.slice(0, -1).join('/') || '.', rest: parts[parts.length - 1]! };
  const base = parts.slice(0, i).join('/');
  return { base: base === '' && pattern.startsWith('/') ? '/' : base || '.', rest: parts.slice(i).join('/') };
}

/**
 * Compiles the part after the base to an anchored RegExp over "/"-separated relative paths.
 * Each wildcard becomes one character class (or a repeated "any folder" group), matched against
 * short paths only, so backtracking stays bounded.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
        re += body.startsWith('!') ? `[^/${body.slice(1)}]` : `[${body}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else if ('\\^$.|+()]{}'.includes(c)) re += '\\' + c;
    else re += c;
  }
  re += ')'.repeat(braces);
  return new RegExp(`^${re}$`, process.platform === 'win32' ? 'i' : '');
}
