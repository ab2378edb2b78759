// Minimal globs for `postmortem lint 'docs/**/*.md'` when the shell did not expand them (quoted, or
// on Windows): `*`, `?`, `**` across folders, `{a,b}` alternatives and `[abc]` classes.

import { globSource } from '../core/text/glob';

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

/** Compiles the part after the base to an anchored RegExp over "/"-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(glob)}$`, process.platform === 'win32' ? 'i' : '');
}
