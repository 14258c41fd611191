/**
 * Errors as values. Every problem a user can fix carries the place in the input
 * where it was found, so the CLI can print `file:line:col field: message`.
 */
import { exitCodes } from './exit-codes.js';

/** A place in a source file. Lines and columns are 1-based, as editors show them. */
export interface SourceLocation {
  file: string;
  line?: number;
  col?: number;
  /** Dotted path of the field inside the file, e.g. `actionPlan[3].tid`. */
  field?: string;
}

/** One problem found in the input. */
export interface Issue extends SourceLocation {
  message: string;
  severity?: 'error' | 'warning';
}

/** Formats an issue as the one line users see: `data/strategy.yaml:12:7 version: expected …`. */
export function formatIssue(issue: Issue): string {
  let place = issue.file;
  if (issue.line !== undefined) place += `:${issue.line}`;
  if (issue.line !== undefined && issue.col !== undefined) place += `:${issue.col}`;
  const field = issue.field ? ` ${issue.field}:` : '';
  return `${place}${field} ${issue.message}`;
}

/** Sorts issues by file, then line, then column, so reports read top to bottom. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      a.message.localeCompare(b.message),
  );
}

/** Outcome of a stage that can fail on user input. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(issues: Issue[]): Result<T> => ({ ok: false, issues });

/** Base class of everything Trappa throws on purpose. */
export class TrappaError extends Error {
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = exitCodes.notPossible.code;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input is wrong: the user fixes a file. */
export class InputError extends TrappaError {
  override readonly exitCode = exitCodes.input.code;
  constructor(readonly issues: Issue[]) {
    super(sortIssues(issues).map(formatIssue).join('\n'));
  }
}

/** A released version would be replaced by different content. */
export class FrozenVersionError extends TrappaError {
  override readonly exitCode = exitCodes.frozen.code;
}

/** A deck failed its own checks after being written (nothing was replaced). */
export class CheckFailedError extends TrappaError {
  override readonly exitCode = exitCodes.checkFailed.code;
}

/** An external program (LibreOffice, pdftoppm) is missing. */
export class ToolNotFoundError extends TrappaError {
  override readonly exitCode = exitCodes.toolMissing.code;
}

/** Sending e-mail failed for at least one recipient. */
export class SendError extends TrappaError {
  override readonly exitCode = exitCodes.notDelivered.code;
}

/** The disk or file system refused (full, read-only, no permission, a name too long). */
export class FileSystemError extends TrappaError {
  override readonly exitCode = exitCodes.fileSystem.code;
}

/** What each expected OS error means and what the user can do about it. */
const OS_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full; free some space and run the command again',
  EDQUOT: 'the disk quota is used up; free some space and run the command again',
  EROFS: 'the file system is read-only; choose another folder (--out) or make it writable',
  EACCES: 'permission denied; choose another folder (--out) or ask for write access',
  EPERM: 'the operation is not permitted there; choose another folder (--out) or ask for access',
  ENOTDIR: 'a part of this path is a file, not a folder; choose another path',
  EISDIR: 'this is a folder, but a file is needed here; move the folder away or choose another path',
  EEXIST: 'something else already exists at this path; move it away or choose another path',
  ENAMETOOLONG: 'the name is too long for the file system; use a shorter deck id or folder name',
  ELOOP: 'a symbolic link in this path points back to itself (a loop); remove the link or choose another path',
  EMFILE: 'too many open files; close other programs and run the command again',
  EBUSY: 'the file is in use by another program (is it open in PowerPoint?); close it and try again',
  ETXTBSY: 'the file is in use by another program; close it and try again',
};

/** A file Windows would not replace for 10 s (io/rename-retry.ts): EPERM, EBUSY or EACCES alike. */
const IN_USE = 'the file is probably open in PowerPoint (or another program); close it there and run the command again';

/**
 * A folder its parent does not take (io/save-file.ts makeFolderSync: /proc, a link to a missing
 * folder, a Windows drive that is not there), or any other OS error of making it that has no line above.
 */
const NO_FOLDER_HERE =
  'no folder can be made here (its parent takes none, as /proc, a link to a missing folder or a drive that is not there); choose another folder';

/**
 * An expected OS error (anywhere in the cause chain) as one plain line naming the path;
 * undefined for anything else, which stays a bug report.
 * @param shown how to show a path (e.g. relative to the working folder)
 */
export function fileSystemError(
  error: unknown,
  shown: (file: string) => string = (f) => f,
): FileSystemError | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const { code, path, dest, inUse, noFolderHere } = e as NodeJS.ErrnoException & {
      dest?: string;
      inUse?: boolean;
      noFolderHere?: boolean;
    };
    const advice = code
      ? inUse
        ? IN_USE
        : (OS_ERRORS[code] ?? (noFolderHere ? NO_FOLDER_HERE : undefined))
      : undefined;
    if (!advice) continue;
    // For a rename the target is where the problem is; a temporary name means nothing to the user.
    const target = typeof dest === 'string' && code !== 'ENOENT' ? dest : path;
    const where = target ? `${shown(target.replace(/[\\/]\.[0-9a-f]{12}\.\d+\.[0-9a-f]{8}\.tmp(\.old)?$/, ''))}: ` : '';
    return new FileSystemError(`${where}${advice} (${code})`, { cause: e });
  }
  return undefined;
}
