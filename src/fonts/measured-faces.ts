/**
 * Which faces measured a deck's text: for each font the deck names, the family of the file
 * that measured it and the sha256 of its regular and bold files. A release records them
 * (versions/manifest.ts), so a rebuild on a machine with other faces can say exactly that
 * instead of "the content has changed".
 */
import { readFileSync, statSync } from 'node:fs';
import { sha256Hex } from '../sha256.js';
import { resolveFontFace } from './fonts.js';
import { readFontNames } from './font-names.js';

export interface MeasuredFace {
  /** The font the deck names (theme.yaml or the template's theme). */
  font: string;
  /** The family of the file that measured it ("Carlito", "Liberation Sans"). */
  face: string;
  /** sha256 of the regular file's bytes followed by the bold file's (when it is another file). */
  sha256: string;
}

/** Hashes by path, size and modification time: a build hashes each face once. */
const hashes = new Map<string, string>();

function hashFiles(files: string[]): string {
  const key = files.map((f) => `${f}:${statSync(f).size}:${statSync(f).mtimeMs}`).join('\n');
  let hash = hashes.get(key);
  if (!hash) {
    hash = sha256Hex(Buffer.concat(files.map((f) => readFileSync(f))));
    hashes.set(key, hash);
  }
  return hash;
}

/** The faces that measure `fonts` in the current project's work, each font once, sorted. */
export function measuredFaces(fonts: readonly string[]): MeasuredFace[] {
  return [...new Set(fonts)].sort().map((font) => {
    const { files, measuredAs } = resolveFontFace(font);
    const paths = files.bold && files.bold !== files.regular ? [files.regular, files.bold] : [files.regular];
    const face = readFontNames(files.regular)?.family ?? measuredAs;
    return { font, face, sha256: hashFiles(paths) };
  });
}
