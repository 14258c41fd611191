/**
 * Confinement of paths that come from files (YAML image paths, release records, manifest
 * entries, deck ids): a path written in a file may only name something inside the folder
 * it belongs to. One helper for all of them, so `../`, absolute paths, drive letters, NUL
 * and symlinks that lead out are refused the same way everywhere. Callers word the refusal
 * for their field and add the file:line.
 */
import fs from 'node:fs';
import path from 'node:path';

export type ConfineRefusal = 'empty' | 'nul' | 'absolute' | 'outside' | 'link-outside';

export type Confined =
  | { ok: true /** Normalised, forward slashes, never starting with `../`. */; relative: string }
  | { ok: false; reason: ConfineRefusal };

/** The lexical part: a relative path that stays inside its folder, whatever the disk holds. */
export function confineRelative(file: string): Confined {
  const slashed = file.replace(/\\/g, '/');
  if (slashed.trim() === '') return { ok: false, reason: 'empty' };
  if (slashed.includes('\0')) return { ok: false, reason: 'nul' };
  if (path.posix.isAbsolute(slashed) || path.win32.isAbsolute(file) || /^[a-z]:/i.test(slashed))
    return { ok: false, reason: 'absolute' };
  const relative = path.posix.normalize(slashed);
  if (relative === '.') return { ok: false, reason: 'empty' };
  if (relative === '..' || relative.startsWith('../')) return { ok: false, reason: 'outside' };
  return { ok: true, relative };
}

/** True when `inner` is `outer` or lies below it (both absolute). */
function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

export type ConfinedPath =
  | { ok: true /** Absolute path inside `base`. */; path: string; relative: string }
  | { ok: false; reason: ConfineRefusal };

/**
 * Joins a path from a file to `base` and checks it stays inside: lexically, and, where the
 * path exists, after following symlinks (a link inside a shared release folder must not
 * lead to ~/.ssh). A path that does not exist yet passes on the lexical check alone.
 */
export function confinePath(base: string, file: string): ConfinedPath {
  const lexical = confineRelative(file);
  if (!lexical.ok) return lexical;
  const joined = path.join(base, ...lexical.relative.split('/'));
  let real: string;
  try {
    real = fs.realpathSync(joined);
  } catch {
    return { ok: true, path: joined, relative: lexical.relative };
  }
  const realBase = fs.realpathSync(base);
  if (!isInside(realBase, real)) return { ok: false, reason: 'link-outside' };
  return { ok: true, path: joined, relative: lexical.relative };
}

/** A plain sentence for a refusal, e.g. for a field of release.json. */
export function refusalText(file: string, reason: ConfineRefusal, folder: string): string {
  switch (reason) {
    case 'empty':
      return 'is empty';
    case 'nul':
      return 'contains a NUL character';
    case 'absolute':
      return `'${file}' is an absolute path; only paths inside ${folder} are allowed`;
    case 'outside':
      return `'${file}' points outside ${folder}`;
    case 'link-outside':
      return `'${file}' is a link that leads outside ${folder}`;
  }
}
