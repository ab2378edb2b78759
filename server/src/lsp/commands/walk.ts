// Finds Markdown files under the workspace folders for "Check All Postmortems": skips
// dependency and VCS folders, does not follow symbolic links, stops at a cap and on cancellation.
// fs.promises, not node:fs/promises: loaded on first use, not with the server (~3 ms of start-up).
import { promises as fs } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);
const MARKDOWN = /\.(md|markdown)$/i;

export interface WalkOptions {
  cap: number;
  cancelled(): boolean;
}

export interface WalkResult {
  files: string[];
  /** More Markdown files exist than the cap allowed. */
  truncated: boolean;
}

export async function findMarkdownFiles(roots: readonly string[], options: WalkOptions): Promise<WalkResult> {
  const files: string[] = [];
  const pending = [...roots];
  while (pending.length > 0) {
    if (options.cancelled()) break;
    const dir = pending.shift()!;
    let handle;
    try {
      handle = await fs.opendir(dir);
    } catch {
      continue; // unreadable or vanished: not our business
    }
    const subdirs: string[] = [];
    for await (const entry of handle) {
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name)) subdirs.push(join(dir, entry.name));
      } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
        if (files.length >= options.cap) return { files, truncated: true };
        files.push(join(dir, entry.name));
      }
    }
    // Sorted, so results and their order do not depend on the file system's listing order.
    pending.push(...subdirs.sort());
  }
  return { files: files.sort(), truncated: false };
}
