/**
 * A file's bytes, read only when it is a regular file of at most `maxBytes`: a store in a
 * project's `.cache` or a file in the output folder may be anything the folder brought (a
 * symbolic link to /dev/zero, a FIFO), and `statSync(...).size` is 0 for those, so a size check
 * before `readFileSync` let it read without end (memory) or block for ever. Opened without
 * blocking (a FIFO opens at once), and checked on the open file, so no other file can take its
 * place between the check and the read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file was not read: none there, no regular file (a FIFO, a device, a folder), over the bound, or cut short while read. */
export type NotRead = 'missing' | 'notRegular' | 'tooLarge' | 'changed';

/** The file's bytes, or why they were not read; an OS error other than ENOENT (EACCES …) is thrown. */
export function readBoundedFile(file: string, maxBytes: number): Buffer | NotRead {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'notRegular';
    if (stat.size > maxBytes) return 'tooLarge';
    const out = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < out.length) {
      const read = readSync(fd, out, at, out.length - at, at);
      if (read === 0) break;
      at += read;
    }
    return at === out.length ? out : 'changed';
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes when it is a regular file within `maxBytes`; undefined for anything else, an OS error included. */
export function readRegularFile(file: string, maxBytes: number): Buffer | undefined {
  try {
    const read = readBoundedFile(file, maxBytes);
    return typeof read === 'string' ? undefined : read;
  } catch {
    return undefined;
  }
}
