/**
 * A cache file's bytes, read only when it is a regular file of at most `maxBytes`: a store in a
 * project's `.cache` may be anything the folder brought (a symbolic link to /dev/zero, a FIFO),
 * and `statSync(...).size` is 0 for those, so a size check before `readFileSync` let it read
 * without end (memory) or block for ever. Opened without blocking (a FIFO opens at once), and
 * checked on the open file, so no other file can take its place between the check and the read.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export function readRegularFile(file: string, maxBytes: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const out = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < out.length) {
      const read = readSync(fd, out, at, out.length - at, at);
      if (read === 0) break;
      at += read;
    }
    return at === out.length ? out : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
