/**
 * Trappa's per-user folders, outside every project: where the key that signs `.cache` entries
 * lives (io/store-secret.ts) and where the CLI keeps its code cache (scripts/cli-entry.mjs).
 * One table for both, because two copies had drifted: one ignored a relative XDG variable, the
 * other put the key into the project folder, beside the entries it signs.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/** The XDG Base Directory variable `name` when it is absolute; a relative one is to be ignored. */
function xdgFolder(env: NodeJS.ProcessEnv, name: 'XDG_STATE_HOME' | 'XDG_CACHE_HOME'): string | undefined {
  const dir = env[name];
  return dir && path.isAbsolute(dir) ? dir : undefined;
}

/** Data this user's Trappa keeps and must not lose lightly (the store key): the platform's usual place. */
export function userStateDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'Trappa');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Trappa');
  return path.join(xdgFolder(env, 'XDG_STATE_HOME') ?? path.join(home, '.local', 'state'), 'trappa');
}

/** Caches of this user's own, any of which may be deleted at any time: the platform's usual place. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  if (process.platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'Trappa', 'Cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'Trappa');
  return path.join(xdgFolder(env, 'XDG_CACHE_HOME') ?? path.join(home, '.cache'), 'trappa');
}
