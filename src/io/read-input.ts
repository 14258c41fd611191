/**
 * Reading an input file (data, wording template, theme template) with bounds: only regular
 * files, checked before opening so a FIFO or a device named `*.yaml` is refused at once
 * instead of blocking forever, and at most a size limit, so a 30 MB file is refused in
 * milliseconds instead of taking minutes and gigabytes to parse and lay out.
 */
import { constants } from 'node:fs';
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

/**
 * The bytes of `absPath`, or a plain issue for `display`.
 * @param limit bytes; @default inputLimitBytes()
 * @param limitVariable the environment variable that raises `limit`, named in the message
 */
/** An error the file system gives (it has a code: ENOENT, EACCES …) is the user's; anything else is a bug and goes on. */
function onlyOsError(error: NodeJS.ErrnoException): NodeJS.ErrnoException {
  if (typeof error?.code !== 'string') throw error;
  return error;
}

export async function readInputFile(
  absPath: string,
  display: string,
  limit = inputLimitBytes(),
  limitVariable = 'TRAPPA_MAX_INPUT_MB',
): Promise<Result<Buffer>> {
  const before = await stat(absPath).catch(onlyOsError);
  if (before instanceof Error) return unreadable(display, before.code);
  if (before.isDirectory()) return unreadable(display, 'EISDIR');
  if (!before.isFile()) return notRegular(display);
  if (before.size > limit) return tooBig(display, before.size, limit, limitVariable);
  // O_NONBLOCK: should the file be swapped for a FIFO after the check, opening still returns at once.
  const handle = await open(absPath, constants.O_RDONLY | constants.O_NONBLOCK).catch(onlyOsError);
  if (handle instanceof Error) return unreadable(display, handle.code);
  try {
    const st = await handle.stat();
    if (!st.isFile()) return notRegular(display);
    if (st.size > limit) return tooBig(display, st.size, limit, limitVariable);
    // One byte more than allowed tells a file that grew since stat from one that fits.
    const buffer = Buffer.alloc(Math.min(limit + 1, st.size + 1));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > limit) return tooBig(display, filled, limit, limitVariable);
    return ok(buffer.subarray(0, filled));
  } finally {
    await handle.close();
  }
}
