/**
 * One copy of each picture. pptxgenjs embeds an image once per placement, so a
 * footer logo on twenty slides is stored twenty times. Identical media parts are
 * merged here and every relationship points at the one that is kept; decks that
 * go out by e-mail stay small.
 */
import { sha256Hex } from '../sha256.js';
import { sortPartNames, type PackageParts } from './package-parts.js';

const MEDIA = /^ppt\/media\/[^/]+$/;

/**
 * Media hashes by byte array: every deck of a build installs the template's pictures, the very
 * arrays (install-master.ts), and hashed them again (Vintage's and Candy's are 2.6–3.2 MB). Parts'
 * bytes are never changed in place (ooxml/part-text.ts relies on it too).
 */
const hashes = new WeakMap<Uint8Array, string>();

function hashOf(bytes: Uint8Array): string {
  let hash = hashes.get(bytes);
  if (hash === undefined) hashes.set(bytes, (hash = sha256Hex(bytes)));
  return hash;
}

export function dedupeMedia(parts: PackageParts): void {
  const keptByHash = new Map<string, string>();
  const replacement = new Map<string, string>();
  for (const name of sortPartNames(parts.names().filter((n) => MEDIA.test(n)))) {
    const bytes = parts.bytesOf(name);
    if (!bytes) continue;
    const hash = hashOf(bytes);
    const kept = keptByHash.get(hash);
    if (kept) replacement.set(name.slice('ppt/media/'.length), kept.slice('ppt/media/'.length));
    else keptByHash.set(hash, name);
  }
  if (replacement.size === 0) return;
  // Every part that refers to media lives one level below ppt/ (slides, layouts, masters, notes).
  parts.editText(
    (name) => name.endsWith('.rels'),
    (xml) =>
      xml.replace(/Target="\.\.\/media\/([^"]+)"/g, (whole, file: string) => {
        const kept = replacement.get(file);
        return kept ? `Target="../media/${kept}"` : whole;
      }),
  );
  for (const file of replacement.keys()) parts.delete(`ppt/media/${file}`);
}
