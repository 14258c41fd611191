/** sha256 as lower-case hex: how Trappa names the content of a deck, an attachment or an image. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readRegularFile } from './io/read-bounded.js';

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The file's sha256, or null when it cannot be read (missing, a folder). Read in one synchronous
 * call: a deck of 100-200 KB reads in well under a millisecond, where fs/promises took four trips
 * through libuv's pool for it.
 */
export const sha256OfFile = async (file: string): Promise<string | null> => {
  try {
    return sha256Hex(readFileSync(file));
  } catch {
    return null;
  }
};

/**
 * The sha256 of `file` when it is a regular file of at most `maxBytes` (io/read-bounded.ts), null
 * otherwise: for a file in the output folder, which may be anything (a FIFO blocked a build for
 * ever, SIGTERM included; a link to /dev/zero took 2.8 GB in 70 s).
 */
export function sha256OfRegularFile(file: string, maxBytes: number): string | null {
  const bytes = readRegularFile(file, maxBytes);
  return bytes ? sha256Hex(bytes) : null;
}
