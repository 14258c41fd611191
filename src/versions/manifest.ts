/**
 * output/manifest.json: the record of every built file, keyed by deck id + version.
 * Frozen (released or sent) versions are recorded a second time in their release folder
 * (records.ts), and the records win: reading the manifest applies them, so a manifest that
 * is missing, damaged or edited by hand is rebuilt from them and never reads as "nothing
 * released". A damaged manifest is kept beside the new one for the user to look at.
 * Changes happen only under the output folder's lock (save-decks.ts, freeze.ts) and are
 * written atomically (temporary file + rename).
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { measuredFacesSchema, outputFileName, readRecords, type DamagedRecord, type ReleaseRecord } from './records.js';
import { prepareSave, saveAtomically, type PreparedSave } from '../io/save-file.js';
import type { RenamePolicy } from '../io/rename-retry.js';
import { type NotRead, readBoundedFile } from '../io/read-bounded.js';
import { InputError } from '../errors.js';

const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'trappa-manifest-1';

const entrySchema = z.strictObject({
  deckId: z.string().min(1),
  version: z.string().min(1),
  /** Relative to the output folder, with forward slashes. */
  file: outputFileName,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** See versions/input-hash.ts: 64 hex digits (format 1) or `v2:` and 64 hex digits. */
  inputsHash: z.string().regex(/^(?:v[23]:)?[0-9a-f]{64}$/),
  slides: z.number().int().nonnegative(),
  status: z.enum(['draft', 'released']),
  /** ISO time of `trappa release`; never set by a build, so builds stay deterministic. */
  releasedAt: z.string().optional(),
  /** ISO time the version was frozen for sending (before its first message was handed over). */
  frozenAt: z.string().optional(),
  /** ISO time of the first e-mail delivery the server confirmed. */
  sentAt: z.string().optional(),
  /** The faces that measured the text (fonts/measured-faces.ts); absent in manifests written before they were kept. */
  faces: measuredFacesSchema.optional(),
});

const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  entries: z.record(z.string(), entrySchema),
});

export type ManifestEntry = z.output<typeof entrySchema>;
export type Manifest = z.output<typeof manifestSchema>;

export const entryKey = (deckId: string, version: string): string => `${deckId}@${version}`;

const emptyManifest = (): Manifest => ({ format: FORMAT, entries: {} });

const manifestPath = (outDir: string): string => path.join(outDir, MANIFEST_FILE);

/** A version is frozen once it is released or has gone out by e-mail. */
export const isFrozen = (entry: ManifestEntry): boolean =>
  entry.status === 'released' || entry.sentAt !== undefined || entry.frozenAt !== undefined;

export function getEntry(manifest: Manifest, deckId: string, version: string): ManifestEntry | undefined {
  return manifest.entries[entryKey(deckId, version)];
}

/** Entries sorted by deck, then version number (so 0.10 comes after 0.9). */
export function listEntries(manifest: Manifest): ManifestEntry[] {
  return Object.values(manifest.entries).sort(
    (a, b) => a.deckId.localeCompare(b.deckId) || compareVersions(a.version, b.version),
  );
}

/** Numeric comparison of versions such as "0.2", "1.0", "1.0.1"; a missing part counts as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Line and column of a JSON.parse error position, when the engine gives one. */
function jsonPosition(text: string, error: unknown): string {
  const m = /position (\d+)/.exec(String((error as Error).message));
  if (!m) return '';
  const lines = text.slice(0, Number(m[1])).split('\n');
  return ` at line ${lines.length}, column ${(lines.at(-1)?.length ?? 0) + 1}`;
}

/** What is wrong with the manifest's text, or its parsed value. */
function parseManifest(text: string): { ok: true; manifest: Manifest } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `is not valid JSON${jsonPosition(text, error)}` };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { ok: false, message: `${i.path.map(String).join('.') || 'manifest'}: ${i.message}` };
  }
  for (const [key, entry] of Object.entries(parsed.data.entries)) {
    if (key !== entryKey(entry.deckId, entry.version))
      return { ok: false, message: `entries.${key} is filed under the wrong key` };
  }
  return { ok: true, manifest: parsed.data };
}

/** The record wins over the manifest: a frozen version stays frozen with the recorded bytes. */
function applyRecord(manifest: Manifest, record: ReleaseRecord): void {
  const key = entryKey(record.deckId, record.version);
  const entry = manifest.entries[key];
  if (record.sha256 === undefined || record.file === undefined) {
    // A record from before files and bytes were kept: the version was released, that much is sure.
    if (entry && entry.status !== 'released') manifest.entries[key] = { ...entry, status: 'released' };
    return;
  }
  const same = entry?.sha256 === record.sha256 && entry.file === record.file;
  manifest.entries[key] = {
    ...entry,
    deckId: record.deckId,
    version: record.version,
    file: record.file,
    sha256: record.sha256,
    inputsHash: same ? entry.inputsHash : record.inputsHash,
    slides: record.slides ?? entry?.slides ?? 0,
    status: record.releasedAt !== undefined ? 'released' : (entry?.status ?? 'draft'),
    ...((record.releasedAt ?? entry?.releasedAt) ? { releasedAt: record.releasedAt ?? entry?.releasedAt } : {}),
    ...((record.frozenAt ?? entry?.frozenAt) ? { frozenAt: record.frozenAt ?? entry?.frozenAt } : {}),
    ...((record.sentAt ?? entry?.sentAt) ? { sentAt: record.sentAt ?? entry?.sentAt } : {}),
    // The record's faces measured the recorded bytes; the manifest's only when its bytes are those.
    ...((record.faces ?? (same ? entry.faces : undefined)) ? { faces: record.faces ?? entry?.faces } : {}),
  };
}

/** A release folder whose record is damaged still freezes its version, if the manifest knows it. */
function applyDamaged(manifest: Manifest, damaged: DamagedRecord): void {
  const entry = manifest.entries[entryKey(damaged.deckId, damaged.version)];
  if (entry && !isFrozen(entry)) entry.status = 'released';
}

export interface LoadedManifest {
  manifest: Manifest;
  /** Why the manifest file could not be used (it was rebuilt from the release records). */
  damaged?: string;
  /** Release folders whose record could not be read. */
  damagedRecords: DamagedRecord[];
}

/** Reads the manifest and applies the release records to it. Never throws for a bad manifest. */
export async function loadManifest(outDir: string): Promise<LoadedManifest> {
  const text = readManifestText(manifestPath(outDir));
  const parsed = text === undefined ? undefined : parseManifest(text);
  const manifest = parsed?.ok ? parsed.manifest : emptyManifest();
  const { records, damaged } = await readRecords(outDir);
  records.forEach((r) => applyRecord(manifest, r));
  damaged.forEach((d) => applyDamaged(manifest, d));
  return { manifest, ...(parsed && !parsed.ok ? { damaged: parsed.message } : {}), damagedRecords: damaged };
}

/** A manifest takes a few hundred bytes a deck version: a file over this is not one Trappa wrote (NOT_READ says 64 MB). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** Why a manifest.json is not read, and what to do (messages/issue-text.ts words them in nb and nn). */
const NOT_READ: Record<Exclude<NotRead, 'missing'>, string> = {
  notRegular: 'is not an ordinary file (a folder, pipe, device or socket); move it away and run the command again',
  tooLarge: 'is over 64 MB, more than any manifest Trappa writes; move it away and run the command again',
  changed: 'changed while it was read; run the command again',
};

/**
 * The manifest's text, undefined when there is none; read synchronously, as the project's files are,
 * and bounded (io/read-bounded.ts): a FIFO there blocked every build for ever, SIGTERM included.
 */
function readManifestText(file: string): string | undefined {
  const read = readBoundedFile(file, MAX_MANIFEST_BYTES);
  if (read === 'missing') return undefined;
  if (typeof read !== 'string') return read.toString('utf8');
  const shown = path.relative(process.cwd(), file) || file;
  throw new InputError([{ file: shown, message: NOT_READ[read] }]);
}

/**
 * The manifest of an output folder as the release records confirm it; an empty one when
 * neither exists yet. For readers (list, check, send); changes go through save-decks.ts and freeze.ts.
 */
export async function readManifest(outDir: string, _root?: string): Promise<Manifest> {
  return (await loadManifest(outDir)).manifest;
}

const manifestText = (manifest: Manifest): string => {
  const entries = Object.fromEntries(listEntries(manifest).map((e) => [entryKey(e.deckId, e.version), e]));
  return `${JSON.stringify({ format: FORMAT, entries }, null, 2)}\n`;
};

/** The manifest written to its temporary file, to be committed with the files it describes. */
export const prepareManifest = (outDir: string, manifest: Manifest, policy?: RenamePolicy): Promise<PreparedSave> =>
  prepareSave(manifestPath(outDir), manifestText(manifest), policy);

/** Writes the manifest atomically, entries in a stable order so diffs stay small. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  await saveAtomically(manifestPath(outDir), manifestText(manifest));
}

/** Keeps a damaged manifest beside the rebuilt one, so nothing the user wrote is lost. */
export async function keepDamaged(outDir: string): Promise<string> {
  const copy = path.join(outDir, `manifest.damaged-${Date.now()}.json`);
  await copyFile(manifestPath(outDir), copy);
  return copy;
}
