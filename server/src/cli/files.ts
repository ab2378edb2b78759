// Turns the command line's paths and globs into the list of Markdown files to lint, in a stable
// order: arguments as given, each folder's files sorted, duplicates dropped.
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globBase, globToRegExp, isGlob } from './glob';

/** Folders never worth walking: dependencies and version control. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const MARKDOWN = /\.md$/i;

export interface ExpandedInputs {
  /** Absolute paths. */
  files: string[];
  /** One line each: arguments that name nothing. */
  errors: string[];
}

export function expandInputs(inputs: readonly string[], cwd: string): ExpandedInputs {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const path = resolve(cwd, input);
    if (existsSync(path)) {
      // A file named explicitly is linted whatever its extension: the user asked for it.
      if (statSync(path).isDirectory()) walk(path, new Set(), (file) => MARKDOWN.test(file) && add(file));
      else add(path);
    } else if (isGlob(input)) {
      const { base, rest } = globBase(input);
      const root = resolve(cwd, base);
      const re = globToRegExp(rest);
      const before = files.length;
      if (existsSync(root) && statSync(root).isDirectory()) {
        walk(root, new Set(), (file) => re.test(relative(root, file).split(sep).join('/')) && add(file));
      }
      if (files.length === before) errors.push(`no files match ${input}`);
    } else {
      errors.push(`${input}: no such file or directory`);
    }
  }
  return { files, errors };
}

/** Depth-first, sorted; follows symlinks but never enters the same real folder twice (no cycles). */
function walk(dir: string, visited: Set<string>, visit: (file: string) => void): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (visited.has(real)) return;
  visited.add(real);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable folder inside a tree is skipped, as `find` and git do
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(path);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // dangling link
      }
    }
    if (isDir && !SKIPPED_DIRS.has(entry.name)) walk(path, visited, visit);
    else if (isFile) visit(path);
  }
}

/** How a file is named in output: relative to the working folder when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel) ? file : rel;
}
