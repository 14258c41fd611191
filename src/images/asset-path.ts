import fs from 'node:fs';
import path from 'node:path';
import { confinePath, confineRelative, type ConfineRefusal } from '../io/confine.js';
import { oncePerBuildSync } from '../io/once-per-build.js';
import { english, said } from '../messages/catalogue.js';

/** Where a user's image path leads: the real file on disk, or why it may not be used. */
export type AssetPath =
  | {
      ok: true /** Real (symlink-free) absolute path. */;
      path: string /** `assets/…` as users write it. */;
      display: string;
    }
  | { ok: false; message: string };

/**
 * Confines an image path from the YAML to `<projectRoot>/assets/`.
 * Only relative paths to regular files inside assets/ pass; a symlink passes only when
 * its target is inside assets/ too, so a deck cannot embed /etc/passwd or ~/.ssh by accident.
 * Returns a plain message; the caller adds the file:line of the YAML field.
 *
 * Once per build for each path (io/once-per-build.ts): a deck's logo stands on every slide, and
 * each request followed the path's links three times (realpath walks every folder of the path
 * with lstat), ~1.5 ms of a 50 ms watch rebuild. Watch mode builds again, so it sees a changed link.
 */
export function resolveAssetPath(projectRoot: string, file: string): AssetPath {
  return oncePerBuildSync(`asset-path\0${projectRoot}\0${file}`, () => resolveUncached(projectRoot, file));
}

function resolveUncached(projectRoot: string, file: string): AssetPath {
  const assetsDir = path.join(projectRoot, 'assets');
  const lexical = confineRelative(file);
  if (!lexical.ok) return { ok: false, message: refusal(file, lexical.reason) };
  const relative = lexical.relative;
  const display = `assets/${relative}`;
  // `assets/logo.png` written with its folder: the path without it is what was meant.
  const notFound = (): AssetPath => ({
    ok: false,
    message: relative.startsWith('assets/')
      ? english(said('image.inAssets', { file: display, path: relative.slice(7) }))
      : `file not found: ${display}`,
  });
  if (!fs.existsSync(assetsDir)) return notFound();
  const confined = confinePath(assetsDir, relative);
  if (!confined.ok) return { ok: false, message: refusal(display, confined.reason) };
  let real: string;
  try {
    real = fs.realpathSync(confined.path);
  } catch {
    return notFound();
  }
  const stat = fs.statSync(real, { throwIfNoEntry: false });
  if (!stat) return notFound();
  if (stat.isDirectory()) return { ok: false, message: `${display} is a folder, not an image file` };
  if (!stat.isFile()) return { ok: false, message: `${display} is not a regular file` };
  return { ok: true, path: real, display };
}

/** The image wording of a refusal from the shared confinement helper. */
function refusal(file: string, reason: ConfineRefusal): string {
  switch (reason) {
    case 'empty':
      return 'image path is empty; write a path inside assets/, e.g. logos/isk.svg';
    case 'nul':
      return 'image path contains a NUL character';
    case 'absolute':
      return `${file} is an absolute path; write the path relative to assets/, e.g. logos/isk.svg`;
    case 'outside':
      return `${file} points outside assets/; copy the image into assets/ and refer to it from there`;
    case 'link-outside':
      return `${file} is a link to a file outside assets/; copy the image into assets/ instead`;
  }
}
