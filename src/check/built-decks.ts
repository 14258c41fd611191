/**
 * Finds the current built file of each deck in an output folder: the newest version
 * (then the latest date) among files named `<deckId>-v<version>-<date>.pptx` and the
 * entries of output/manifest.json whose files exist.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { TrappaError } from '../errors.js';
import { compareVersions, readManifest } from '../versions/manifest.js';

export interface BuiltDeckFile {
  deckId: string;
  version: string;
  /** ISO date from the file name, when it has one. */
  date?: string;
  /** Absolute path. */
  file: string;
}

const FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)-v(\d+(?:\.\d+)*)-(\d{4}-\d{2}-\d{2})\.pptx$/;

/** Parses `storledermote-v0.2-2004-02-04.pptx`. */
export function parseDeckFileName(name: string): Omit<BuiltDeckFile, 'file'> | undefined {
  const m = FILE_NAME.exec(name);
  return m ? { deckId: m[1]!, version: m[2]!, date: m[3]! } : undefined;
}

function newer(a: BuiltDeckFile, b: BuiltDeckFile): boolean {
  const byVersion = compareVersions(a.version, b.version);
  return byVersion > 0 || (byVersion === 0 && (a.date ?? '') > (b.date ?? ''));
}

/**
 * The newest built file of each deck, sorted by deck id; only `ids` when given.
 * @param root shown paths in messages are relative to it
 * @throws TrappaError when nothing is built yet, or a deck asked for has no file.
 */
export async function findBuiltDecks(
  outDir: string,
  ids: readonly string[] = [],
  root?: string,
): Promise<BuiltDeckFile[]> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const candidates: BuiltDeckFile[] = names.flatMap((name) => {
    const parsed = parseDeckFileName(name);
    return parsed ? [{ ...parsed, file: path.join(outDir, name) }] : [];
  });
  const manifest = await readManifest(outDir, root);
  for (const entry of Object.values(manifest.entries)) {
    const file = path.resolve(outDir, entry.file);
    if (!existsSync(file) || candidates.some((c) => c.file === file)) continue;
    const date = parseDeckFileName(path.basename(file))?.date;
    candidates.push({ deckId: entry.deckId, version: entry.version, file, ...(date ? { date } : {}) });
  }
  const newest = new Map<string, BuiltDeckFile>();
  for (const c of candidates) {
    const current = newest.get(c.deckId);
    if (!current || newer(c, current)) newest.set(c.deckId, c);
  }
  const shown = root ? path.relative(root, outDir) || '.' : outDir;
  if (newest.size === 0) throw new TrappaError(`no built decks in ${shown}/; run: trappa build`);
  const missing = ids.filter((id) => !newest.has(id));
  if (missing.length > 0) {
    const known = [...newest.keys()].sort().join(', ');
    throw new TrappaError(
      `no built file for ${missing.map((id) => `'${id}'`).join(', ')} in ${shown}/ (built: ${known}); run: trappa ` +
        `build --deck ${missing.join(' ')}`,
    );
  }
  const wanted = ids.length > 0 ? ids : [...newest.keys()].sort();
  return wanted.map((id) => newest.get(id)!);
}
