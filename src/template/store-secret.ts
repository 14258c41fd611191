/**
 * This user's key for the stores of Trappa's own work in a project's `.cache` (template-store.ts,
 * deflate-store.ts): an entry goes into decks as it is, so each store takes only what this user's
 * Trappa wrote, proven by an HMAC under this key. It lives outside every project, so a project
 * folder handed over with its `.cache` brings no entry that passes.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

const SECRET_BYTES = 32;

/** Where this user's store key lives: the per-user state folder, outside any project. */
function secretFile(): string {
  const home = homedir();
  const dir =
    process.platform === 'win32'
      ? path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'Trappa')
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support', 'Trappa')
        : path.join(process.env.XDG_STATE_HOME || path.join(home, '.local', 'state'), 'trappa');
  return path.join(dir, 'template-store-key');
}

let secret: Buffer | null | undefined;

/**
 * This user's key for the stores' entries, made on first use (32 random bytes, readable by the
 * user only), or null when it can be neither read nor made: then there is no store, and every
 * build does the work itself.
 */
export function storeSecret(): Buffer | null {
  if (secret !== undefined) return secret;
  const file = secretFile();
  const read = (): Buffer | null => {
    const bytes = readFileSync(file);
    return bytes.length === SECRET_BYTES ? bytes : null;
  };
  try {
    secret = read();
  } catch {
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // 'wx': of two processes making it at once, one writes and both read the same key.
      writeFileSync(file, randomBytes(SECRET_BYTES), { flag: 'wx', mode: 0o600 });
    } catch {
      // EEXIST (another process made it) or a folder that cannot be written: read what is there.
    }
    try {
      secret = read();
    } catch {
      secret = null;
    }
  }
  return secret;
}
