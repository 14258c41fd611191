/**
 * Release records: output/releases/<deck>-v<version>/release.json. The second record of
 * every frozen version (the manifest is the first): which file, which bytes, which inputs,
 * released or sent when. When the two disagree, the record wins, because a frozen version
 * must stay frozen even when manifest.json was deleted, damaged or edited by hand.
 *
 * Everything read from a record is checked before it is used: ids and versions by their
 * format, `file` and `files` confined to the output folder and the snapshot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { confineRelative } from '../io/confine.js';

export const RECORD = 'release.json';
export const RELEASES = 'releases';

const sha = z.string().regex(/^[0-9a-f]{64}$/);
export const deckIdPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const versionPattern = /^\d+(\.\d+){0,2}$/;

/** A path relative to the output folder naming a deck file directly in it. */
export const outputFileName = z.string().refine((f) => {
  const c = confineRelative(f);
  return c.ok && !c.relative.includes('/') && c.relative === f && /\.pptx$/i.test(f);
}, 'must be the name of a .pptx file directly in the output folder');

/** A logical input path: inside data/, templates/ or assets/, never leading out of the snapshot. */
const inputPath = z.string().refine((f) => {
  const c = confineRelative(f);
  return c.ok && c.relative === f && /^(data|templates|assets)\//.test(f);
}, "must be a path inside data/, templates/ or assets/ without '..'");

/** The faces that measured a deck's text (fonts/measured-faces.ts), as the manifest and the record keep them. */
export const measuredFacesSchema = z.array(
  z.strictObject({ font: z.string(), face: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
);

const recordSchema = z.object({
  deckId: z.string().regex(deckIdPattern),
  version: z.string().regex(versionPattern),
  /** See versions/input-hash.ts: 64 hex digits (format 1) or `v2:` and 64 hex digits. */
  inputsHash: z.string().regex(/^(?:v[23]:)?[0-9a-f]{64}$/),
  trappaVersion: z.string(),
  /** Logical paths of the copied inputs; empty for a version frozen by sending only. */
  files: z.array(inputPath),
  /** The frozen deck file and its bytes (absent in records written before they were kept). */
  file: outputFileName.optional(),
  sha256: sha.optional(),
  slides: z.number().int().nonnegative().optional(),
  releasedAt: z.string().optional(),
  /** ISO time the version was frozen, just before its first message was handed over. */
  frozenAt: z.string().optional(),
  /** ISO time of the first delivery the mail server (or Graph) confirmed. */
  sentAt: z.string().optional(),
  /**
   * The faces that measured its text, so a manifest rebuilt from the records still says which
   * (absent in records written before they were kept).
   */
  faces: measuredFacesSchema.optional(),
});

export type ReleaseRecord = z.output<typeof recordSchema>;

export const releaseDir = (outDir: string, deckId: string, version: string): string =>
  path.join(outDir, RELEASES, `${deckId}-v${version}`);

/** Parses a record; a message saying what is wrong otherwise. */
export function parseRecord(
  text: string,
  folderName?: string,
): { ok: true; record: ReleaseRecord } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `is not valid JSON (${(error as Error).message})` };
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const value = first.path.reduce<unknown>(
      (v, k) =>
        v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined,
      json,
    );
    const shown = typeof value === 'string' ? ` ('${value}')` : '';
    return { ok: false, message: `${first.path.map(String).join('.') || 'record'}${shown}: ${first.message}` };
  }
  const record = parsed.data;
  if (folderName !== undefined && folderName !== `${record.deckId}-v${record.version}`) {
    return { ok: false, message: `records ${record.deckId} v${record.version} but sits in ${folderName}` };
  }
  return { ok: true, record };
}

export async function readRecord(dir: string): Promise<ReleaseRecord | undefined> {
  const text = readText(path.join(dir, RECORD));
  if (typeof text !== 'string') return undefined;
  const parsed = parseRecord(text, path.basename(dir));
  return parsed.ok ? parsed.record : undefined;
}

/** A release folder whose record cannot be used still says that its version went out. */
export interface DamagedRecord {
  deckId: string;
  version: string;
  dir: string;
  message: string;
}

/** The folder's entries, none when it cannot be read. */
function readNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The file's text, or the error reading it. */
function readText(file: string): string | NodeJS.ErrnoException {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/** Every release record of an output folder; folders with a damaged record come back separately. */
export async function readRecords(outDir: string): Promise<{ records: ReleaseRecord[]; damaged: DamagedRecord[] }> {
  const root = path.join(outDir, RELEASES);
  // Synchronous reads, as the project's files are: a build reads this folder under its lock.
  const names = readNames(root);
  const records: ReleaseRecord[] = [];
  const damaged: DamagedRecord[] = [];
  for (const name of names.sort()) {
    const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)-v(\d+(?:\.\d+){0,2})$/.exec(name);
    if (!m) continue; // temporary folders and anything else a user put there
    const dir = path.join(root, name);
    const text = readText(path.join(dir, RECORD));
    // A file, or a folder without a record (made by hand): no release, nothing to protect.
    if (typeof text !== 'string' && (text.code === 'ENOTDIR' || text.code === 'ENOENT')) continue;
    const parsed =
      typeof text === 'string'
        ? parseRecord(text, name)
        : { ok: false as const, message: `cannot be read (${text.code})` };
    if (parsed.ok) records.push(parsed.record);
    else
      damaged.push({
        deckId: m[1]!,
        version: m[2]!,
        dir,
        message: `${path.join(RELEASES, name, RECORD)} ${parsed.message}`,
      });
  }
  return { records, damaged };
}

export const recordText = (record: ReleaseRecord): string => `${JSON.stringify(record, null, 2)}\n`;
