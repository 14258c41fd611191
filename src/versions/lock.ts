/**
 * One inter-process lock per output folder. Every read-modify-write of the manifest,
 * the release snapshots and the send log happens inside `withOutputLock`, so two Trappa
 * processes (two builds, a build beside a release, a send beside a build) never lose
 * each other's updates.
 *
 * proper-lockfile makes a lock directory (mkdir is atomic on every local file system
 * and on SMB/NFS) and refreshes its mtime while held; a lock whose holder was killed
 * goes stale after `stale` ms and the next process takes it over.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';

export const LOCK_NAME = '.trappa.lock';

export interface LockOptions {
  /** How long to keep trying before giving up, in ms. @default 60_000 */
  waitMs?: number;
  /** A lock not refreshed for this long belongs to a dead process, in ms. @default 10_000 */
  staleMs?: number;
}

/** Thrown when another Trappa process holds the lock for longer than `waitMs`. */
export class LockBusyError extends Error {
  constructor(
    readonly folder: string,
    options?: ErrorOptions,
  ) {
    super(`another Trappa command is working in ${folder}; wait for it to finish and try again`, options);
    this.name = new.target.name;
  }
}

/** The folders whose lock the current async call chain holds. */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

/**
 * Runs `work` while holding the lock of `folder` (created if missing). Re-entrant along one
 * async call chain: a step that locks (freezing a deck before it is sent) may run inside a
 * command that already holds the lock (the send log), without waiting for itself.
 */
export async function withOutputLock<T>(folder: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const key = path.resolve(folder);
  const mine = held.getStore();
  if (mine?.has(key)) return work();
  await mkdir(folder, { recursive: true });
  const waitMs = options.waitMs ?? 60_000;
  // TRAPPA_LOCK_STALE_MS: how soon a killed process's lock is taken over (tests shorten it; at least 2000).
  const staleMs = options.staleMs ?? (Math.max(2000, Number(process.env.TRAPPA_LOCK_STALE_MS)) || 10_000);
  const release = await acquire(folder, waitMs, staleMs);
  try {
    return await held.run(new Set([...(mine ?? []), key]), work);
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Takes the lock, waiting only while another process holds it (ELOCKED), about every
 * 50–500 ms until `waitMs` is spent. Any other error (a read-only or full disk, no
 * permission) is the user's to see at once, not something to retry for a minute.
 */
async function acquire(folder: string, waitMs: number, staleMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  for (let delay = 50; ; delay = Math.min(500, Math.round(delay * 1.5))) {
    try {
      return await lockfile.lock(folder, {
        lockfilePath: path.join(folder, LOCK_NAME),
        stale: staleMs,
        update: Math.max(1000, Math.floor(staleMs / 2)),
        retries: 0,
        realpath: false,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() + delay > deadline) throw new LockBusyError(folder, { cause: error });
      await sleep(delay);
    }
  }
}
