// Loads a CommonJS bundle through a V8 code cache kept in a per-user directory under os.tmpdir().
// Why: compiling the 850 KB engine bundle, and then compiling each function the first analysis
// calls, is a large part of the time to first diagnostics. A cache made by Script#createCachedData
// after an analysis holds the bytecode of those functions too, so later workers skip both steps
// (Node >= 22's module.enableCompileCache would only cache what is compiled at load time).
// Anything wrong with the cache (missing, stale, corrupt, made by another Node or other V8 flags,
// a directory we do not own) only means an ordinary compile: it never stops the bundle loading.
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Script } from 'node:vm';

/** Header of a cache file: magic, the checksum's length (one byte), then the checksum of the V8 data after it. */
const MAGIC = Buffer.from('PMV8CC02');
/** Caches kept per bundle name (other builds, Node versions, debug flags); older ones are removed. */
const KEEP_PER_BUNDLE = 4;
/** A temporary file this old was left by a worker stopped while writing. */
const ABANDONED_MS = 10 * 60_000;
/** Node's CommonJS wrapper, on a line of its own so the bundle's line numbers stay right. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {\n';

export interface CachedLoad {
  exports: unknown;
  /** The cache was missing or rejected: a new one should be written once the bundle has run. */
  readonly needsSave: boolean;
  /** Writes the cache with every function compiled so far. Never throws. */
  save(): void;
}

/**
 * The cache directory, created if needed, or undefined when it cannot be trusted: it must be a
 * real directory owned by this user and closed to others (a planted cache would be run as code).
 */
export function cacheDirectory(root: string = tmpdir()): string | undefined {
  const uid = process.getuid?.();
  const dir = join(root, `postmortem-v8-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  try {
    const st = lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    // Windows has no owners or modes here, and its temporary directory is per user already.
    if (uid !== undefined && (st.uid !== uid || (st.mode & 0o077) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** Names the cache of `file` as read (size, mtime, inode) for this Node, architecture and flags. */
export function cacheFileFor(dir: string, file: string, st: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>): string {
  const key = [file, st.size, st.mtimeMs, st.ino, process.version, process.arch, process.execArgv.join(' '), process.env['NODE_OPTIONS'] ?? ''].join('\0');
  return join(dir, `${basename(file, '.js')}-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x01000193)}.v8cache`);
}

/** 32-bit FNV-1a of a short string, as 8 hex digits: names files, guards nothing. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * Guards the V8 data against corruption (V8 checks its version, flags and the source's length, but
 * release builds do not checksum the data itself). zlib's crc32 where Node has it (>= 20.15, 22.2):
 * loading node:crypto for SHA-256 costs a fresh worker ~8 ms. The file name includes the Node
 * version, so a file is always read by the Node that wrote it, with the same checksum.
 */
function checksum(data: Uint8Array): Buffer {
  const { crc32 } = require('node:zlib') as { crc32?: (data: Uint8Array) => number };
  if (crc32) {
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(crc32(data));
    return sum;
  }
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(data).digest();
}

/** The V8 data of a cache file, or undefined when it is missing or does not check out. */
export function readCache(path: string): Buffer | undefined {
  try {
    const raw = readFileSync(path);
    if (raw.length <= MAGIC.length + 1 || !raw.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const dataStart = MAGIC.length + 1 + raw[MAGIC.length]!;
    const data = raw.subarray(dataStart);
    return data.length > 0 && checksum(data).equals(raw.subarray(MAGIC.length + 1, dataStart)) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a cache file whole or not at all (a rename), then prunes old caches of the same bundle. */
export function writeCache(path: string, data: Buffer): void {
  const temporary = `${path}.${process.pid}-${threadId}.tmp`;
  try {
    const sum = checksum(data);
    writeFileSync(temporary, Buffer.concat([MAGIC, Buffer.of(sum.length), sum, data]), { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    return;
  }
  prune(path);
}

function prune(kept: string): void {
  const dir = dirname(kept);
  const prefix = basename(kept).replace(/-[0-9a-f]+\.v8cache$/, '-');
  const others: { path: string; mtime: number; temporary: boolean }[] = [];
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (!name.startsWith(prefix) || path === kept) continue;
      if (name.endsWith('.v8cache') || name.endsWith('.tmp')) others.push({ path, mtime: statSync(path).mtimeMs, temporary: name.endsWith('.tmp') });
    }
  } catch {
    return; // the directory changed under us: prune next time
  }
  const caches = others.filter((o) => !o.temporary).sort((a, b) => b.mtime - a.mtime);
  const abandoned = others.filter((o) => o.temporary && Date.now() - o.mtime > ABANDONED_MS);
  for (const { path } of [...caches.slice(KEEP_PER_BUNDLE - 1), ...abandoned]) {
    try {
      unlinkSync(path);
    } catch {
      // another process removed it first
    }
  }
}

/** The file's text, and its stats when it did not change while being read (else no cache is used). */
function readStable(file: string): { source: string; stats: Stats | undefined } {
  const fd = openSync(file, 'r');
  try {
    const before = fstatSync(fd);
    const source = readFileSync(fd, 'utf8');
    const after = fstatSync(fd);
    const stable = before.size === after.size && before.mtimeMs === after.mtimeMs;
    return { source, stats: stable ? after : undefined };
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs `file` as a CommonJS module, compiled with the cache in `dir` (see cacheDirectory) when there
 * is a good one; with no directory, it is simply compiled.
 */
export function loadWithCodeCache(file: string, dir: string | undefined): CachedLoad {
  const { source, stats } = readStable(file);
  let cachePath: string | undefined;
  try {
    cachePath = dir === undefined || stats === undefined ? undefined : cacheFileFor(dir, file, stats);
  } catch {
    cachePath = undefined;
  }
  const cachedData = cachePath === undefined ? undefined : readCache(cachePath);
  const script = new Script(`${WRAPPER_HEAD}${source}\n})`, { filename: file, lineOffset: -1, ...(cachedData ? { cachedData } : {}) });
  const needsSave = cachePath !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  const module = { exports: {} as unknown, id: file, filename: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return {
    exports: module.exports,
    needsSave,
    save() {
      if (cachePath === undefined) return;
      try {
        writeCache(cachePath, script.createCachedData());
      } catch {
        // a cache is an optimisation only
      }
    },
  };
}
