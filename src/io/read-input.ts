/**
 * Reading an input file (data, wording template, theme template) with bounds: only regular
 * files, checked before opening so a FIFO or a device named `*.yaml` is refused at once
 * instead of blocking forever, and at most a size limit, so a 30 MB file is refused in
 * milliseconds instead of taking minutes and gigabytes to parse and lay out.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { fail, ok, type Result } from '../errors.js';

/** Default size limit of one input file, in MB; `TRAPPA_MAX_INPUT_MB` changes it. */
const DEFAULT_INPUT_LIMIT_MB = 2;

/** The size limit of one input file in bytes: TRAPPA_MAX_INPUT_MB (a positive number) or the default. */
export function inputLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.TRAPPA_MAX_INPUT_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_INPUT_LIMIT_MB) * 1024 * 1024);
}

/**
 * Default size limit of a .potx/.pptx template, in MB (logos and pictures inside); `TRAPPA_MAX_TEMPLATE_MB` changes it.
 */
const DEFAULT_TEMPLATE_LIMIT_MB = 20;

/** The size limit of an organisation template in bytes: TRAPPA_MAX_TEMPLATE_MB or the default. */
export function templateLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.TRAPPA_MAX_TEMPLATE_MB);
  return Math.round((Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_TEMPLATE_LIMIT_MB) * 1024 * 1024);
}

const megabytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.round(n / 1024)} KB`;

function tooBig(file: string, size: number, limit: number, limitVariable: string): Result<never> {
  return fail([
    {
      file,
      message:
        `is ${megabytes(size)}, over the limit of ${megabytes(limit)} for one input file; make it smaller, or ` +
        `raise the limit with ${limitVariable}`,
    },
  ]);
}

function unreadable(file: string, code: string | undefined): Result<never> {
  const message =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EISDIR'
        ? 'expected a file, found a folder'
        : `cannot read the file (${code ?? 'unknown error'})`;
  return fail([{ file, message }]);
}

const notRegular = (file: string): Result<never> =>
  fail([{ file, message: 'is not an ordinary file (a pipe, device or socket); Trappa reads only ordinary files' }]);

/** An error the file system gives (it has a code: ENOENT, EACCES …) is the user's; anything else is a bug and goes on. */
function onlyOsError(error: NodeJS.ErrnoException): NodeJS.ErrnoException {
  if (typeof error?.code !== 'string') throw error;
  return error;
}

/**
 * The bytes of `absPath`, or a plain issue for `display`.
 * @param limit bytes; @default inputLimitBytes()
 * @param limitVariable the environment variable that raises `limit`, named in the message
 */
export async function readInputFile(
  absPath: string,
  display: string,
  limit = inputLimitBytes(),
  limitVariable = 'TRAPPA_MAX_INPUT_MB',
): Promise<Result<Buffer>> {
  const before = await stat(absPath).catch(onlyOsError);
  if (before instanceof Error) return unreadable(display, before.code);
  const refused = refusedBefore(before, display, limit, limitVariable);
  if (refused) return refused;
  // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening still returns at once.
  const handle = await open(absPath, constants.O_RDONLY | constants.O_NONBLOCK).catch(onlyOsError);
  if (handle instanceof Error) return unreadable(display, handle.code);
  try {
    const st = await handle.stat();
    if (!st.isFile()) return notRegular(display);
    if (st.size > limit) return tooBig(display, st.size, limit, limitVariable);
    const buffer = Buffer.alloc(readLength(st, limit));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return readWithin(buffer, filled, display, limit, limitVariable);
  } finally {
    await handle.close();
  }
}

/**
 * `readInputFile` with the same checks, in synchronous calls: for the project's YAML files,
 * which every load (and every watch rebuild) reads. Each async call of the file system goes
 * through libuv's thread pool; reading the bundled project's ten YAML files took ~1 ms of CPU
 * that way and ~0.1 ms this way. For small files only: a large one blocks the thread meanwhile.
 */
export function readInputFileSync(
  absPath: string,
  display: string,
  limit = inputLimitBytes(),
  limitVariable = 'TRAPPA_MAX_INPUT_MB',
): Result<Buffer> {
  const before = osCall(() => statSync(absPath));
  if (before instanceof Error) return unreadable(display, before.code);
  const refused = refusedBefore(before, display, limit, limitVariable);
  if (refused) return refused;
  // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening still returns at once.
  const fd = osCall(() => openSync(absPath, constants.O_RDONLY | constants.O_NONBLOCK));
  if (fd instanceof Error) return unreadable(display, fd.code);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return notRegular(display);
    if (st.size > limit) return tooBig(display, st.size, limit, limitVariable);
    const buffer = Buffer.alloc(readLength(st, limit));
    let filled = 0;
    while (filled < buffer.length) {
      const bytesRead = readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return readWithin(buffer, filled, display, limit, limitVariable);
  } finally {
    closeSync(fd);
  }
}

/** The result of a synchronous call of the file system, or the OS error it threw (anything else goes on). */
function osCall<T>(call: () => T): T | NodeJS.ErrnoException {
  try {
    return call();
  } catch (error) {
    return onlyOsError(error as NodeJS.ErrnoException);
  }
}

/** Why a file whose `stat` this is is not read at all, or undefined. */
function refusedBefore(
  before: Stats,
  display: string,
  limit: number,
  limitVariable: string,
): Result<never> | undefined {
  if (before.isDirectory()) return unreadable(display, 'EISDIR');
  if (!before.isFile()) return notRegular(display);
  if (before.size > limit) return tooBig(display, before.size, limit, limitVariable);
  return undefined;
}

/** One byte more than allowed tells a file that grew since stat from one that fits. */
const readLength = (st: Stats, limit: number): number => Math.min(limit + 1, st.size + 1);

function readWithin(buffer: Buffer, filled: number, display: string, limit: number, limitVariable: string) {
  if (filled > limit) return tooBig(display, filled, limit, limitVariable);
  return ok(buffer.subarray(0, filled));
}
