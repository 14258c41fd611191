/**
 * Atomic saves: write a temporary file beside the target, flush it, then rename.
 * A reader (or a crash) sees either the old file or the new one, never half of one. The file
 * replaced is kept aside (`….tmp.old`) until the whole set of files is in place, so a set whose
 * last rename fails (a deck open in PowerPoint) is put back as it was (`saveAllOrNothing`).
 *
 * Temporary names are short and fixed in length (`.<hash of the name>.<pid>.<random>.tmp`),
 * so a long deck id can never make them longer than the file system allows, and a later
 * run can recognise and remove the ones a killed process left behind (`sweepTemps`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { copyFile, link, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { CLEANUP_RETRIES, type RenamePolicy, renameRetrying } from './rename-retry.js';

const TEMP = /^\.[0-9a-f]{12}\.(\d+)\.[0-9a-f]{8}\.tmp(\.old)?$/;

/** NAME_MAX of every file system Trappa runs on (ext4, APFS, NTFS in UTF-16 units). */
const NAME_MAX = 255;

/** An OS-style error, so the CLI words it like any other (see errors.ts `fileSystemError`). */
function osError(code: string, file: string, cause?: unknown): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${file}`, { cause }), { code, path: file });
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
    await copyFile(file, aside);
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
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = tempPathFor(file);
  const aside = `${tmp}.old`;
  const abort = (): Promise<void> => rm(tmp, { force: true, ...CLEANUP_RETRIES });
  try {
    const handle = await open(tmp, 'w', policy.mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await abort();
    // Errors of an open file handle (ENOSPC) name no path; the target is what the user knows.
    if ((error as NodeJS.ErrnoException).code && !(error as NodeJS.ErrnoException).path)
      throw osError((error as NodeJS.ErrnoException).code!, file, error);
    throw error;
  }
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
