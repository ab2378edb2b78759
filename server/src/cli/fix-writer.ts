// Reading documents and writing fixed ones without losing anything: the BOM, the line endings and
// the file mode survive, and a write is a temporary file in the same folder + fsync + rename, so a
// crash leaves either the old file or the new one, never half of each.
import { randomBytes } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const BOM = '\uFEFF';

export interface SourceFile {
  /** The text analysed: decoded UTF-8 without the BOM, so columns match what editors show. */
  text: string;
  bom: boolean;
  /** The file's state when read, to notice a change made while we were fixing it. */
  stat: Stats;
}

export async function readSource(path: string): Promise<SourceFile> {
  const [buffer, stat] = await Promise.all([fs.readFile(path), fs.stat(path)]);
  const raw = buffer.toString('utf8');
  const bom = raw.startsWith(BOM);
  return { text: bom ? raw.slice(1) : raw, bom, stat };
}

/**
 * Makes text inserted by fixes use the file's line breaks: an all-CRLF file stays all-CRLF, an
 * all-LF one all-LF. A file that already mixes them is left as the fixes made it.
 */
export function matchLineEndings(original: string, fixed: string): string {
  const crlf = (original.match(/\r\n/g) ?? []).length;
  const lf = (original.match(/\n/g) ?? []).length;
  if (lf === 0) return fixed;
  if (crlf === lf) return fixed.replace(/\r?\n/g, '\r\n');
  if (crlf === 0) return fixed.replace(/\r\n/g, '\n');
  return fixed;
}

/** Replaces `path` (or, for a symlink, the file it points to) with `text`, atomically. */
export async function writeAtomic(path: string, source: SourceFile, text: string): Promise<void> {
  const target = await fs.realpath(path);
  const current = await fs.stat(target);
  if (current.mtimeMs !== source.stat.mtimeMs || current.size !== source.stat.size) {
    throw new Error('changed on disk while it was being fixed; not written');
  }
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = source.stat.mode & 0o7777;
  // 'wx': never reuse or follow an existing file at the temporary name.
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile((source.bom ? BOM : '') + text, 'utf8');
    // open()'s mode is filtered by the umask; chmod sets the original's mode exactly.
    await handle.chmod(mode);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  await syncDir(dir);
}

/** Makes the rename itself durable. Not every platform can open a folder (Windows): best effort. */
async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // the data is already synced; only the directory entry's durability is at stake
  } finally {
    await handle?.close();
  }
}
