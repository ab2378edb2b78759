// File access for New Postmortem: reading the project config as data, and creating the new file
// without ever replacing one.
import { open, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import * as vscode from 'vscode';
import { CONFIG_LIMITS } from '../../../server/src/core/config/validate';
import { CONFIG_FILE_NAME, readProjectConfig, type ProjectConfig } from '../scaffold';

async function exists(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/**
 * The `.postmortemrc.json` that applies to files in `dir`: the nearest one from `dir` up to the
 * workspace folder (the server looks further up; a template list needs no file from outside).
 */
export async function projectConfigFor(root: vscode.Uri, dirSegments: readonly string[]): Promise<ProjectConfig & { file?: vscode.Uri }> {
  for (let n = dirSegments.length; n >= 0; n--) {
    const uri = vscode.Uri.joinPath(root, ...dirSegments.slice(0, n), CONFIG_FILE_NAME);
    const stat = await exists(uri).catch(() => undefined);
    if (!stat || stat.type & vscode.FileType.Directory) continue;
    const name = vscode.workspace.asRelativePath(uri);
    // Checked before reading: a huge file is refused without loading it.
    if (stat.size > CONFIG_LIMITS.maxBytes) return { templates: [], problems: [`${name}: is larger than ${CONFIG_LIMITS.maxBytes / 1024} KB`], file: uri };
    try {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      return { ...readProjectConfig(text, name), file: uri };
    } catch (error) {
      return { templates: [], problems: [`${name}: cannot be read (${error instanceof Error ? error.message : String(error)})`], file: uri };
    }
  }
  return { templates: [], problems: [] };
}

export type Created = 'created' | 'exists';

/**
 * Creates `uri` with `bytes` unless something is already there. On local disks the file is opened
 * with O_EXCL ("wx"), so even a file appearing between the check and the write is never replaced,
 * and folders that lead out of the workspace through a symbolic link are refused before anything
 * is created in them. workspace.fs has no create-only write, so other file systems (remote,
 * virtual) are checked just before writing.
 */
export async function createNewFile(root: vscode.Uri, uri: vscode.Uri, bytes: Uint8Array): Promise<Created> {
  const parent = vscode.Uri.joinPath(uri, '..');
  if (uri.scheme !== 'file') {
    await vscode.workspace.fs.createDirectory(parent);
    if (await exists(uri)) return 'exists';
    await vscode.workspace.fs.writeFile(uri, bytes);
    return 'created';
  }
  await assertInside(root.fsPath, await nearestExisting(parent.fsPath));
  await vscode.workspace.fs.createDirectory(parent);
  await assertInside(root.fsPath, parent.fsPath);
  let handle;
  try {
    handle = await open(uri.fsPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
  return 'created';
}

/** `dir` or its nearest ancestor that exists. */
async function nearestExisting(dir: string): Promise<string> {
  for (let d = dir; ; d = dirname(d)) {
    try {
      await stat(d);
      return d;
    } catch {
      if (dirname(d) === d) return d;
    }
  }
}

/** Throws unless `dir`, symbolic links resolved, is inside `root` (or is it). */
async function assertInside(root: string, dir: string): Promise<void> {
  const [realRoot, realDir] = await Promise.all([realpath(root), realpath(dir)]);
  const rel = relative(realRoot, realDir);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new Error(`${dir} leads outside the workspace folder (through a symbolic link); New Postmortem only writes inside it.`);
  }
}
