/**
 * One inter-process lock per output folder. Every read-modify-write of the manifest,
 * the release snapshots and the send log happens inside `withOutputLock`, so two Trappa
 * processes (two builds, a build beside a release, a send beside a build) never lose
 * each other's updates.
 *
 * proper-lockfile makes a lock directory (mkdir is atomic on every local file system
 * and on SMB/NFS) and refreshes its mtime while held; a lock whose holder was killed
 * goes stale after `stale` ms and the next process takes it over.
 *
 * Beside the lock, the holder writes who it is (pid, host, a random token). A waiter on the
 * same host that finds the holder's process gone takes the lock over at once instead of
 * waiting for it to go stale: after `kill -9` or a crash, the next command does not stall.
 *
 * Taking and giving back the lock are synchronous (proper-lockfile's lockSync, mkdirSync,
 * a whole write, rmSync): each is a call of microseconds, and as fs/promises calls they were
 * ~10 trips through libuv's pool per command, where a loaded machine kept the main thread
 * waiting (issue #27). Only waiting for another holder is asynchronous.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lockfile from 'proper-lockfile';
import { TrappaError } from '../errors.js';
import { makeFolderSync, writeFileWholeSync } from '../io/save-file.js';

const LOCK_NAME = '.trappa.lock';

export interface LockOptions {
  /** How long to keep trying before giving up, in ms. @default 60_000 */
  waitMs?: number;
  /** A lock not refreshed for this long belongs to a dead process, in ms. @default 10_000 */
  staleMs?: number;
}

/** Thrown when another Trappa process holds the lock for longer than `waitMs`: a user's matter (exit 1), not a bug. */
export class LockBusyError extends TrappaError {
  constructor(
    readonly folder: string,
    options?: ErrorOptions,
  ) {
    super(`another Trappa command is working in ${folder}; wait for it to finish and try again`, options);
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
  makeFolderSync(folder);
  const waitMs = options.waitMs ?? 60_000;
  // TRAPPA_LOCK_STALE_MS: how soon a killed process's lock is taken over (tests shorten it; at least 2000).
  const staleMs = options.staleMs ?? (Math.max(2000, Number(process.env.TRAPPA_LOCK_STALE_MS)) || 10_000);
  const release = await acquire(folder, waitMs, staleMs);
  claimOwnership(folder);
  try {
    return await held.run(new Set([...(mine ?? []), key]), work);
  } finally {
    ignoreError(() => rmSync(ownerFile(folder), { force: true }));
    ignoreError(release);
  }
}

interface Owner {
  pid: number;
  host: string;
  token: string;
}

const ownerFile = (folder: string): string => path.join(folder, `${LOCK_NAME}.owner`);
const lockDir = (folder: string): string => path.join(folder, LOCK_NAME);

/** Runs a step of cleaning up whose failure changes nothing for the command (the lock goes stale instead). */
function ignoreError(step: () => void): void {
  try {
    step();
  } catch {
    // nothing to do
  }
}

/** Says who holds the lock, for waiters that may find the holder dead (see takeOverFromDead). */
function claimOwnership(folder: string): void {
  const owner: Owner = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex') };
  // Whole (io/save-file.ts): a waiter reading it half-written saw no owner and waited for staleness.
  ignoreError(() => writeFileWholeSync(ownerFile(folder), JSON.stringify(owner)));
}

async function readOwner(folder: string): Promise<Owner | undefined> {
  try {
    const owner = JSON.parse(await readFile(ownerFile(folder), 'utf8')) as Partial<Owner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string'
      ? (owner as Owner)
      : undefined;
  } catch {
    return undefined;
  }
}

/** True when no process `pid` runs on this host (EPERM means it runs, as another user). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes the lock of a holder that died on this host, so the caller can take it at once.
 * Takeovers are serialised by a second directory (`.takeover`, itself given up after 5 s),
 * and the owner is read again inside it: a lock some other waiter has meanwhile taken over
 * and re-taken carries a new token and is left alone. Another host's holder, or a pid that
 * is alive (or reused), is left to proper-lockfile's staleness.
 */
async function takeOverFromDead(folder: string): Promise<boolean> {
  const first = await readOwner(folder);
  if (!first || first.host !== os.hostname() || !isGone(first.pid)) return false;
  const mutex = `${lockDir(folder)}.takeover`;
  try {
    await mkdir(mutex);
  } catch {
    const age = Date.now() - ((await stat(mutex).catch(() => undefined))?.mtimeMs ?? Date.now());
    if (age > 5000) await rmdir(mutex).catch(() => undefined);
    return false;
  }
  try {
    const again = await readOwner(folder);
    if (again?.token !== first.token) return false;
    await rm(ownerFile(folder), { force: true });
    await rm(lockDir(folder), { recursive: true, force: true });
    return true;
  } finally {
    await rmdir(mutex).catch(() => undefined);
  }
}

/**
 * Takes the lock, waiting only while another process holds it (ELOCKED), about every
 * 50–500 ms until `waitMs` is spent. Any other error (a read-only or full disk, no
 * permission) is the user's to see at once, not something to retry for a minute.
 */
async function acquire(folder: string, waitMs: number, staleMs: number): Promise<() => void> {
  const deadline = Date.now() + waitMs;
  for (let delay = 50; ; delay = Math.min(500, Math.round(delay * 1.5))) {
    try {
      return lockfile.lockSync(folder, {
        lockfilePath: path.join(folder, LOCK_NAME),
        stale: staleMs,
        update: Math.max(1000, Math.floor(staleMs / 2)),
        retries: 0,
        realpath: false,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (await takeOverFromDead(folder)) continue;
      if (Date.now() + delay > deadline) throw new LockBusyError(folder, { cause: error });
      await sleep(delay);
    }
  }
}
