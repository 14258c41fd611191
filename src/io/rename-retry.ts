/**
 * Renames that wait out a file in use. Windows refuses to replace or move a file another
 * program holds open (a deck open in PowerPoint, a virus scanner or a search indexer reading a
 * file just written): the rename fails with EPERM, EBUSY or EACCES, and usually succeeds a
 * moment later. So on Windows a refused rename is tried again with growing waits for up to
 * 10 s (graceful-fs does the same for up to 60 s; 10 s is as long as a user waits without
 * wondering). On other systems these codes mean a real permission problem and are not retried.
 * A rename still refused after that is reported as "probably open in PowerPoint" (errors.ts).
 */
import { rename as fsRename } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export type RenameFn = (from: string, to: string) => Promise<void>;

/** How saves rename; tests pass a `rename` that fails the way Windows does. */
export interface RenamePolicy {
  rename?: RenameFn;
  /** How long a refused rename is tried again. @default 10 s on Windows, 0 elsewhere */
  retryForMs?: number;
}

const IN_USE = new Set(['EPERM', 'EBUSY', 'EACCES']);
const FIRST_WAIT_MS = 20;
const LONGEST_WAIT_MS = 1000;

const defaultRetryMs = (): number => (process.platform === 'win32' ? 10_000 : 0);

/** An error marked as a file held open by another program, for the one-line message. */
function inUseError(target: string, cause: NodeJS.ErrnoException): NodeJS.ErrnoException {
  return Object.assign(new Error(`${cause.code}: ${target} is in use`, { cause }), {
    code: cause.code,
    path: target,
    inUse: true,
  });
}

/** Renames `from` to `to`, waiting out a file in use (see the module comment). */
export async function renameRetrying(from: string, to: string, policy: RenamePolicy = {}): Promise<void> {
  const rename = policy.rename ?? fsRename;
  const budget = policy.retryForMs ?? defaultRetryMs();
  const start = Date.now();
  for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (budget <= 0 || code === undefined || !IN_USE.has(code)) throw error;
      const left = budget - (Date.now() - start);
      if (left <= 0) throw inUseError(to, error as NodeJS.ErrnoException);
      await sleep(Math.min(wait, left));
    }
  }
}

/** Clean-ups (temporary files and folders) retried the same way: Node's rm retries EBUSY and EPERM itself. */
export const CLEANUP_RETRIES = { maxRetries: 5, retryDelay: 100 } as const;
