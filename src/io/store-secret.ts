/**
 * This user's key for the stores of Trappa's own work in a project's `.cache` (template-store.ts,
 * deflate-store.ts): an entry goes into decks as it is, so each store takes only what this user's
 * Trappa wrote, proven by an HMAC under this key. It lives outside every project, so a project
 * folder handed over with its `.cache` brings no entry that passes.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { debugLog } from '../debug-log.js';
import { userStateDir } from '../user-folders.js';
import { readBoundedFile } from './read-bounded.js';
import { writeFileWholeSync } from './save-file.js';

const log = debugLog('load');

const SECRET_BYTES = 32;

/** Where this user's store key lives: the per-user state folder, outside any project. */
const secretFile = (): string => path.join(userStateDir(), 'template-store-key');

let secret: Buffer | null | undefined;

/** The key file's bytes when they are a key; 'other' when the file holds something else; undefined when there is none. */
function readSecret(file: string): Buffer | 'other' | undefined {
  try {
    // Bounded (io/read-bounded.ts): a FIFO there blocked every build for ever, before any deck.
    const read = readBoundedFile(file, SECRET_BYTES);
    if (read === 'missing') return undefined;
    return typeof read !== 'string' && read.length === SECRET_BYTES ? read : 'other';
  } catch {
    return 'other';
  }
}

/**
 * This user's key for the stores' entries, made on first use (32 random bytes, readable by the
 * user only), or null when it can be neither read nor made: then there is no store, every build
 * does the work itself, and `--verbose` says why, once.
 *
 * The key is written whole (io/save-file.ts), flushed (losing it costs every store), and made only
 * where there is none: of two processes making it at once, one makes it and both read the same key.
 * A key file of another length (a file cut short, an older Trappa's half-written key) is replaced:
 * silently keeping it turned the stores off for good. Of two processes replacing it at once the later
 * rename wins, and an entry the other writes meanwhile is no entry to the next build (made again and
 * rewritten), never a wrong one.
 */
export function storeSecret(): Buffer | null {
  if (secret !== undefined) return secret;
  const file = secretFile();
  const found = readSecret(file);
  if (found instanceof Buffer) return (secret = found);
  try {
    const options = { mode: 0o600, folderMode: 0o700, durable: true, exclusive: found === undefined };
    writeFileWholeSync(file, randomBytes(SECRET_BYTES), options);
  } catch {
    // EEXIST (another process made it) or a folder that cannot be written: read what is there.
  }
  const made = readSecret(file);
  secret = made instanceof Buffer ? made : null;
  if (!secret) log('template store off: no key of 32 bytes could be read or made at %s', file);
  return secret;
}
