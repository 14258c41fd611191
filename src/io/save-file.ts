/**
 * Every file Trappa writes whole goes through here: the user's decks, manifests and drafts, the
 * stores in a project's `.cache`, the key that signs them and the CLI's code cache. A file is
 * written to a temporary file beside the target (same folder: same file system, so the rename is
 * atomic), created exclusively (`wx`: never through a link or over another process's file) with
 * the caller's mode, flushed where it must outlive a crash (`durable`), then renamed into place.
 * A reader (or a crash) sees either the old file or the new one, never half of one; a failure
 * removes the temporary file and is thrown as the OS error it is, naming the target (errors.ts
 * words ENOSPC, EROFS, EACCES … as a user error).
 *
 * Saves of the user's files (`prepareSave`, `saveAtomically`) also keep the file replaced aside
 * (`….tmp.old`) until the whole set of files is in place, so a set whose last rename fails (a deck
 * open in PowerPoint) is put back as it was (`saveAllOrNothing`), and wait out a file in use on
 * Windows. Cache files (`writeCacheFile`, `writeFileWholeSync`) need neither: nothing is lost
 * when one is not replaced, and a build must not wait 10 s for one.
 *
 * Temporary names are short and fixed in length (`.<hash of the name>.<pid>.<random>.tmp`),
 * so a long deck id can never make them longer than the file system allows, and a later
 * run can recognise and remove the ones a killed process left behind (`strayTemps`).
 *
 * Folders are made by `makeFolder(Sync)`, not by `mkdir(…, { recursive: true })`: Node's
 * recursive mkdir loops for ever, ignoring SIGTERM, where a parent exists but takes no new
 * folder and says ENOENT (under /proc). A link to a missing folder gets the same located error.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { copyFile, link, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CLEANUP_RETRIES, type RenamePolicy, renameRetrying } from './rename-retry.js';

const TEMP = /^\.[0-9a-f]{12}\.(\d+)\.[0-9a-f]{8}\.tmp(\.old)?$/;

/** NAME_MAX of every file system Trappa runs on (ext4, APFS, NTFS in UTF-16 units). */
const NAME_MAX = 255;

/** An OS-style error, so the CLI words it like any other (see errors.ts `fileSystemError`). */
function osError(code: string, file: string, cause?: unknown): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${file}`, { cause }), { code, path: file });
}

/** `error` naming `file`: errors of an open file handle (ENOSPC) name no path, and a temporary name means nothing to the user. */
function naming(error: unknown, file: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? osError(code, file, error) : error;
}

/** A folder that cannot be made although its parent is there (/proc says ENOENT): marked for its own message. */
function noFolderHere(dir: string, cause: unknown): NodeJS.ErrnoException {
  return Object.assign(osError('ENOENT', dir, cause), { noFolderHere: true });
}

/**
 * Any OS error of making a folder, marked so: errors.ts words the ones it knows (EACCES, EROFS …) as
 * such and every other as a folder that cannot be made there (ELOOP of a link to itself was exit 70).
 */
function folderNotMade(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? Object.assign(error as Error, { noFolderHere: true }) : error;
}

/** What one mkdir did, an EEXIST of something else than a folder thrown as it is. */
function mkdirOnce(dir: string, mode: number | undefined): 'made' | 'there' | 'parentMissing' {
  try {
    mkdirSync(dir, { mode });
    return 'made';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'parentMissing';
    if (code !== 'EEXIST') throw error;
    const there = statSync(dir, { throwIfNoEntry: false });
    // A link to a folder that is not there: nothing to make it in.
    if (!there) throw noFolderHere(dir, error);
    if (!there.isDirectory()) throw error;
    return 'there';
  }
}

/**
 * `mkdir -p dir`, each folder made with `mode`; an OS error naming the folder, never a loop: the
 * folders from the first one that is there down to `dir` are made one by one, and one refused
 * once its parent is there is refused for good (see the module comment). A root that says ENOENT
 * (a Windows drive or share that is not there) is such a folder too: nothing above it to make.
 */
export function makeFolderSync(dir: string, mode?: number): void {
  try {
    const missing: string[] = [];
    for (let at = path.resolve(dir); mkdirOnce(at, mode) === 'parentMissing'; at = path.dirname(at)) {
      if (path.dirname(at) === at) throw noFolderHere(at, undefined);
      missing.push(at);
    }
    for (const folder of missing.reverse())
      if (mkdirOnce(folder, mode) === 'parentMissing') throw noFolderHere(folder, undefined);
  } catch (error) {
    throw folderNotMade(error);
  }
}

/**
 * The same for async callers. Synchronous inside: a few mkdir calls of microseconds each, and
 * an async walk would be the same loop twice over.
 */
export async function makeFolder(dir: string, mode?: number): Promise<void> {
  makeFolderSync(dir, mode);
}

/** How a file is written: its mode when created (0o600: its owner only), and whether it is flushed to disk first. */
export interface WriteOptions {
  mode?: number;
  /** fsync before the rename: a file that must outlive a crash (not a cache, which a crash may cost). @default true */
  durable?: boolean;
  /** The mode of folders made for it. */
  folderMode?: number;
}

/** A file's bytes: whole, or in parts written one after another. */
export type FileParts = Uint8Array | string | readonly Uint8Array[];

/** Writes `data` to a new temporary file beside `file` and returns its name; nothing is left when it fails. */
async function writeTemporary(file: string, data: Uint8Array | string, options: WriteOptions): Promise<string> {
  await makeFolder(path.dirname(file), options.folderMode);
  const tmp = tempPathFor(file);
  try {
    const handle = await open(tmp, 'wx', options.mode);
    try {
      await handle.writeFile(data);
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(tmp, { force: true, ...CLEANUP_RETRIES });
    throw naming(error, file);
  }
  return tmp;
}

/**
 * The same, synchronously. Parts are written one after another, never joined first: a store of
 * a 1,000-row project is ~5 MB, and joining its MAC, head and body made two more copies of it at
 * the end of a first build, when its peak RSS is reached (issue #27).
 */
function writeTemporarySync(file: string, data: FileParts, options: WriteOptions): string {
  makeFolderSync(path.dirname(file), options.folderMode);
  const tmp = tempPathFor(file);
  try {
    const fd = openSync(tmp, 'wx', options.mode);
    try {
      if (Array.isArray(data)) for (const part of data) writeFileSync(fd, part);
      else writeFileSync(fd, data as Uint8Array | string);
      if (options.durable !== false) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    removeQuietlySync(tmp);
    throw naming(error, file);
  }
  return tmp;
}

/** Removes `file` if it is there; one that cannot be removed is left (a later sweep may). */
function removeQuietlySync(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // ENOTDIR, EACCES: nothing of ours is there, or nothing can be done about it.
  }
}

/**
 * A cache file written whole (see the module comment): not flushed unless asked, since a cache a
 * crash cuts short reads as damaged, which costs a build the work, never a wrong result.
 */
export async function writeCacheFile(
  file: string,
  data: Uint8Array | string,
  options: WriteOptions = {},
): Promise<void> {
  const tmp = await writeTemporary(file, data, { durable: false, ...options });
  try {
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true, ...CLEANUP_RETRIES });
    throw naming(error, file);
  }
}

/**
 * `writeCacheFile` for the synchronous callers: the stores read and written once per build (one
 * call costs less CPU than libuv's pool) and the code cache, written in an exit handler. With
 * `exclusive`, `file` is made only when there is none (a hard link, which fails with EEXIST):
 * of two processes making it at once one wins, and neither ever sees the other's half.
 */
export function writeFileWholeSync(
  file: string,
  data: FileParts,
  options: WriteOptions & { exclusive?: boolean } = {},
): void {
  const tmp = writeTemporarySync(file, data, { durable: false, ...options });
  try {
    if (options.exclusive) linkOrRenameSync(tmp, file);
    else renameSync(tmp, file);
  } catch (error) {
    removeQuietlySync(tmp);
    throw naming(error, file);
  }
  // The file is there under its own name now; the temporary name is a second link to it.
  if (options.exclusive) removeQuietlySync(tmp);
}

/**
 * `tmp` made `file` only where there is none (a hard link: EEXIST when there is one). A file system
 * without hard links (FAT, exFAT, some FUSE and network mounts: EPERM, ENOTSUP, ENOSYS) gets a
 * rename instead: of two processes making the file at the same instant the later one wins, which
 * for the key costs the other's stores one build, never a wrong entry; refusing it turned every
 * store off for good there.
 */
function linkOrRenameSync(tmp: string, file: string): void {
  try {
    linkSync(tmp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || statSync(file, { throwIfNoEntry: false })) throw error;
    renameSync(tmp, file);
  }
}

/**
 * A temporary name beside `target`, unique to this process and call. A target whose own
 * name is too long is refused here, before anything is written, not at the final rename.
 */
export function tempPathFor(target: string): string {
  if (Buffer.byteLength(path.basename(target)) > NAME_MAX) throw osError('ENAMETOOLONG', target);
  const hash = createHash('sha256').update(path.basename(target)).digest('hex').slice(0, 12);
  return path.join(path.dirname(target), `.${hash}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** A file (or folder) written to its temporary name and flushed, waiting to be renamed into place. */
export interface PreparedSave {
  target: string;
  /** Renames it into place, keeping what it replaces aside until `finish` or `rollback`. */
  commit(): Promise<void>;
  /** After a later commit of the same set failed: puts back what `commit` replaced. */
  rollback(): Promise<void>;
  /** Drops what `commit` kept aside. */
  finish(): Promise<void>;
  /** Removes the temporary file of a save never committed. */
  abort(): Promise<void>;
}

/** Keeps the file at `file` under `aside` (a hard link, or a copy where the file system has none). */
async function keepAside(file: string, aside: string): Promise<boolean> {
  try {
    await link(file, aside);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    // FAT and exFAT (USB sticks) have no hard links; a file held open may refuse one on Windows.
    try {
      await copyFile(file, aside);
    } catch (copyError) {
      // Its `dest` is the name kept aside, which means nothing to the user (a folder in the way: EISDIR).
      throw naming(copyError, file);
    }
    return true;
  }
}

/**
 * Writes and flushes the temporary file only. Saving several files as one step: prepare
 * them all (a full disk fails here, before any target changed), then commit them all
 * (`saveAllOrNothing`).
 */
export async function prepareSave(
  file: string,
  data: Uint8Array | string,
  policy: SavePolicy = {},
): Promise<PreparedSave> {
  const tmp = await writeTemporary(file, data, { mode: policy.mode });
  const aside = `${tmp}.old`;
  const abort = (): Promise<void> => rm(tmp, { force: true, ...CLEANUP_RETRIES });
  let replaced = false;
  const dropAside = (): Promise<void> => rm(aside, { force: true, ...CLEANUP_RETRIES });
  return {
    target: file,
    async commit() {
      try {
        replaced = await keepAside(file, aside);
        await renameRetrying(tmp, file, policy);
      } catch (error) {
        await Promise.all([abort(), dropAside()]);
        throw error;
      }
    },
    async rollback() {
      if (replaced) await renameRetrying(aside, file, policy);
      else await rm(file, { force: true, ...CLEANUP_RETRIES });
    },
    finish: dropAside,
    abort,
  };
}

/** How a file is saved: its renames, and the permissions it is created with (0o600: its owner only). */
export type SavePolicy = RenamePolicy & { mode?: number };

export async function saveAtomically(file: string, data: Uint8Array | string, policy?: SavePolicy): Promise<void> {
  const save = await prepareSave(file, data, policy);
  await save.commit();
  await save.finish();
}

/**
 * Saves a set of files as one step: prepares them all (when one fails, the others' temporary
 * files are removed), then commits them in order. When a commit fails (a file open in
 * PowerPoint), the ones already committed are put back in reverse order and the rest removed,
 * so every target is as it was before and no temporary file is left.
 */
export async function saveAllOrNothing(saves: readonly Promise<PreparedSave>[]): Promise<void> {
  const settled = await Promise.allSettled(saves);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const prepared = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    await Promise.all(prepared.map((p) => p.abort()));
    throw failed.reason;
  }
  const committed: PreparedSave[] = [];
  try {
    for (const save of prepared) {
      await save.commit();
      committed.push(save);
    }
  } catch (error) {
    await Promise.all(prepared.filter((p) => !committed.includes(p)).map((p) => p.abort()));
    // Each one on its own: one that cannot be put back must not keep the others from it.
    for (const save of committed.reverse()) await save.rollback().catch(() => undefined);
    throw error;
  }
  // Best effort: a copy kept aside that cannot go now is a stray the next save removes.
  await Promise.all(committed.map((save) => save.finish().catch(() => undefined)));
}

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Temporary files and folders in `folder` left by processes that no longer run (killed
 * mid-save). Returned rather than removed, so the caller decides (a `.old` snapshot may
 * have to be put back). Call it while holding the folder's lock.
 */
export async function strayTemps(folder: string): Promise<{ path: string; old: boolean }[]> {
  return strayTempsIn(folder);
}

/**
 * Removes the temporary files killed processes left in a cache's folder: a store's write cut short
 * at its rename leaves one as large as the store (up to 32 MiB), which nothing reads, and each kill
 * added one. Not `….tmp.old`: in the output folder those may have to be put back (recoverStrayTemps).
 */
export function removeStrayTempsSync(folder: string): void {
  for (const stray of strayTempsIn(folder)) if (!stray.old) removeQuietlySync(stray.path);
}

function strayTempsIn(folder: string): { path: string; old: boolean }[] {
  let names: string[];
  try {
    // Synchronously, as the project's files are: every build lists the output folder under its lock.
    names = readdirSync(folder);
  } catch {
    names = [];
  }
  return names.flatMap((name) => {
    const m = TEMP.exec(name);
    return m && !alive(Number(m[1])) ? [{ path: path.join(folder, name), old: m[2] !== undefined }] : [];
  });
}
