import fs from 'node:fs';
import path from 'node:path';

/** Where a user's image path leads: the real file on disk, or why it may not be used. */
export type AssetPath =
  | { ok: true; /** Real (symlink-free) absolute path. */ path: string; /** `assets/…` as users write it. */ display: string }
  | { ok: false; message: string };

/**
 * Confines an image path from the YAML to `<projectRoot>/assets/`.
 * Only relative paths to regular files inside assets/ pass; a symlink passes only when
 * its target is inside assets/ too, so a deck cannot embed /etc/passwd or ~/.ssh by accident.
 * Returns a plain message; the caller adds the file:line of the YAML field.
 */
export function resolveAssetPath(projectRoot: string, file: string): AssetPath {
  const slashed = file.replace(/\\/g, '/');
  if (slashed.trim() === '') return { ok: false, message: 'image path is empty; write a path inside assets/, e.g. logos/isk.svg' };
  if (slashed.includes('\0')) return { ok: false, message: 'image path contains a NUL character' };
  if (path.posix.isAbsolute(slashed) || path.win32.isAbsolute(file) || /^[a-z]:/i.test(slashed)) {
    return { ok: false, message: `${file} is an absolute path; write the path relative to assets/, e.g. logos/isk.svg` };
  }
  const relative = path.posix.normalize(slashed);
  if (relative === '..' || relative.startsWith('../')) {
    return { ok: false, message: `${file} points outside assets/; copy the image into assets/ and refer to it from there` };
  }
  const display = `assets/${relative}`;
  const assetsDir = path.join(projectRoot, 'assets');
  const notFound = (): AssetPath => ({
    ok: false,
    message: `file not found: ${display}` + (relative.startsWith('assets/') ? ` (paths are relative to assets/; write ${relative.slice(7)})` : ''),
  });

  let realAssets: string;
  let real: string;
  try {
    realAssets = fs.realpathSync(assetsDir);
    real = fs.realpathSync(path.join(assetsDir, relative));
  } catch {
    return notFound();
  }
  const inside = path.relative(realAssets, real);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) {
    return { ok: false, message: `${display} is a link to a file outside assets/; copy the image into assets/ instead` };
  }
  const stat = fs.statSync(real, { throwIfNoEntry: false });
  if (!stat) return notFound();
  if (stat.isDirectory()) return { ok: false, message: `${display} is a folder, not an image file` };
  if (!stat.isFile()) return { ok: false, message: `${display} is not a regular file` };
  return { ok: true, path: real, display };
}
