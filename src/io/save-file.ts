/**
 * Atomic saves: write a temporary file beside the target, flush it, then rename.
 * A reader (or a crash) sees either the old file or the new one, never half of one.
 *
 * Temporary names are short and fixed in length (`.<hash of the name>.<pid>.<random>.tmp`),
 * so a long deck id can never make them longer than the file system allows, and a later
 * run can recognise and remove the ones a killed process left behind (`sweepTemps`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

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

/** A file written to its temporary name and flushed, waiting to be renamed into place. */
export interface PreparedSave {
  target: string;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Writes and flushes the temporary file only. Saving several files as one step: prepare
 * them all (a full disk fails here, before any target changed), then commit them all.
 */
export async function prepareSave(file: string, data: Uint8Array | string): Promise<PreparedSave> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = tempPathFor(file);
  const abort = (): Promise<void> => rm(tmp, { force: true });
  try {
    const handle = await open(tmp, 'w');
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
  return {
    target: file,
    async commit() {
      try {
        await rename(tmp, file);
      } catch (error) {
        await abort();
        throw error;
      }
    },
    abort,
  };
}

export async function saveAtomically(file: string, data: Uint8Array | string): Promise<void> {
  await (await prepareSave(file, data)).commit();
}

/** Commits every prepared save, or, when preparing one failed, removes them all. */
export async function saveAllOrNothing(saves: readonly Promise<PreparedSave>[]): Promise<PreparedSave[]> {
  const settled = await Promise.allSettled(saves);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const prepared = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    await Promise.all(prepared.map((p) => p.abort()));
    throw failed.reason;
  }
  return prepared;
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
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.flatMap((name) => {
    const m = TEMP.exec(name);
    return m && !alive(Number(m[1])) ? [{ path: path.join(folder, name), old: m[2] !== undefined }] : [];
  });
}
