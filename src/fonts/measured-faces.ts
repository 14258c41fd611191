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

/** What the files of a face give, by path, size and modification time: a build reads each face once, not once a deck. */
const read = new Map<string, { family: string | undefined; sha256: string }>();

function readFiles(files: string[]): { family: string | undefined; sha256: string } {
  const key = files
    .map((f) => {
      const info = statSync(f);
      return `${f}:${info.size}:${info.mtimeMs}`;
    })
    .join('\n');
  let found = read.get(key);
  if (!found) {
    const family = readFontNames(files[0]!)?.family;
    found = { family, sha256: sha256Hex(Buffer.concat(files.map((f) => readFileSync(f)))) };
    read.set(key, found);
  }
  return found;
}

/** The faces that measure `fonts` in the current project's work, each font once, sorted. */
export function measuredFaces(fonts: readonly string[]): MeasuredFace[] {
  return [...new Set(fonts)].sort().map((font) => {
    const { files, measuredAs } = resolveFontFace(font);
    const paths = files.bold && files.bold !== files.regular ? [files.regular, files.bold] : [files.regular];
    const { family, sha256 } = readFiles(paths);
    return { font, face: family ?? measuredAs, sha256 };
  });
}

/** The sha256 of a file, by path, size and modification time: a build reads each face file once. */
const fileDigests = new Map<string, string>();

function fileDigest(file: string): string {
  const info = statSync(file);
  const key = `${file}:${info.size}:${info.mtimeMs}`;
  let digest = fileDigests.get(key);
  if (digest === undefined) fileDigests.set(key, (digest = sha256Hex(readFileSync(file))));
  return digest;
}

/**
 * Everything of `fonts`' faces that measuring reads, in the current project's work: for each, the
 * family and how it was chosen (a stand-in's margin widens every line), and the sha256 of each of
 * its files (all four styles, as italic text is measured with the italic file). Two equal
 * identities measure every text alike; a deck kept across builds is keyed by it (build-deck.ts).
 */
export function facesIdentity(fonts: readonly string[]): string {
  return JSON.stringify(
    [...new Set(fonts)].sort().map((font) => {
      const { files, measuredAs, how, margin, warning } = resolveFontFace(font);
      const digests = Object.entries(files)
        .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([style, file]) => [style, file, fileDigest(file)]);
      return [font, measuredAs, how, margin, warning ?? null, digests];
    }),
  );
}
