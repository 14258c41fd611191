/**
 * output/manifest.json: the record of every built file, keyed by deck id + version.
 * It is the memory that keeps a released or sent version from being replaced, so a
 * manifest that cannot be read is an error to fix, never something to start over from.
 * Written atomically (temporary file + rename) through save-file.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { InputError, type Issue } from '../errors.js';
import { saveAtomically } from '../io/save-file.js';

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'trappa-manifest-1';

const entrySchema = z.strictObject({
  deckId: z.string().min(1),
  version: z.string().min(1),
  /** Relative to the output folder, with forward slashes. */
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  inputsHash: z.string().regex(/^[0-9a-f]{64}$/),
  slides: z.number().int().nonnegative(),
  status: z.enum(['draft', 'released']),
  /** ISO time of `trappa release`; never set by a build, so builds stay deterministic. */
  releasedAt: z.string().optional(),
  /** ISO time of the first successful e-mail send. */
  sentAt: z.string().optional(),
});

const manifestSchema = z.strictObject({
  format: z.literal(FORMAT),
  entries: z.record(z.string(), entrySchema),
});

export type ManifestEntry = z.output<typeof entrySchema>;
export type Manifest = z.output<typeof manifestSchema>;

export const entryKey = (deckId: string, version: string): string => `${deckId}@${version}`;

export const emptyManifest = (): Manifest => ({ format: FORMAT, entries: {} });

export const manifestPath = (outDir: string): string => path.join(outDir, MANIFEST_FILE);

/** A version is frozen once it is released or has gone out by e-mail. */
export const isFrozen = (entry: ManifestEntry): boolean => entry.status === 'released' || entry.sentAt !== undefined;

export function getEntry(manifest: Manifest, deckId: string, version: string): ManifestEntry | undefined {
  return manifest.entries[entryKey(deckId, version)];
}

/** Entries sorted by deck, then version number (so 0.10 comes after 0.9). */
export function listEntries(manifest: Manifest): ManifestEntry[] {
  return Object.values(manifest.entries).sort((a, b) => a.deckId.localeCompare(b.deckId) || compareVersions(a.version, b.version));
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

const shown = (file: string, root: string | undefined): string => (root ? path.relative(root, file) || file : file);

function corrupt(file: string, display: string, issues: Omit<Issue, 'file'>[]): InputError {
  const advice: Issue = {
    file: display,
    message:
      `is damaged; it records which versions were released or sent, so Trappa will not replace it. ` +
      `Repair it (or restore it from a backup); delete ${path.basename(file)} only if no version of any deck has gone out`,
  };
  return new InputError([advice, ...issues.slice(0, 5).map((i) => ({ file: display, ...i }))]);
}

/** Line and column of a JSON.parse error position, when the engine gives one. */
function jsonPosition(text: string, error: unknown): { line?: number; col?: number } {
  const m = /position (\d+)/.exec(String((error as Error).message));
  if (!m) return {};
  const before = text.slice(0, Number(m[1]));
  const lines = before.split('\n');
  return { line: lines.length, col: (lines.at(-1)?.length ?? 0) + 1 };
}

/**
 * Reads the manifest of an output folder; an empty one when the file does not exist yet.
 * @param root shown paths are relative to it (e.g. `output/manifest.json`)
 * @throws InputError when the file is not a valid manifest
 */
export async function readManifest(outDir: string, root?: string): Promise<Manifest> {
  const file = manifestPath(outDir);
  const display = shown(file, root);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw corrupt(file, display, [{ ...jsonPosition(text, error), message: `is not valid JSON (${(error as Error).message})` }]);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw corrupt(
      file,
      display,
      parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || undefined, message: i.message })),
    );
  }
  for (const [key, entry] of Object.entries(parsed.data.entries)) {
    if (key !== entryKey(entry.deckId, entry.version)) {
      throw corrupt(file, display, [{ field: `entries.${key}`, message: `is filed under the wrong key (expected ${entryKey(entry.deckId, entry.version)})` }]);
    }
  }
  return parsed.data;
}

/** Writes the manifest atomically, entries in a stable order so diffs stay small. */
export async function writeManifest(outDir: string, manifest: Manifest): Promise<void> {
  const entries = Object.fromEntries(listEntries(manifest).map((e) => [entryKey(e.deckId, e.version), e]));
  await saveAtomically(manifestPath(outDir), `${JSON.stringify({ format: FORMAT, entries }, null, 2)}\n`);
}

/** Reads, changes and writes the manifest in one step. */
export async function updateManifest<T>(outDir: string, change: (manifest: Manifest) => T, root?: string): Promise<T> {
  const manifest = await readManifest(outDir, root);
  const result = change(manifest);
  await writeManifest(outDir, manifest);
  return result;
}

/**
 * Records that a deck version went out by e-mail, which freezes it like a release.
 * Called by the e-mail module after a successful send; the first send's time is kept.
 * @returns the updated entry, or undefined when the manifest has no such deck version
 *   (a file built elsewhere), in which case nothing is written.
 * @example await markSent('output', 'storledermote', '0.2', new Date())
 */
export async function markSent(outDir: string, deckId: string, version: string, when: Date | string): Promise<ManifestEntry | undefined> {
  const manifest = await readManifest(outDir);
  const entry = getEntry(manifest, deckId, version);
  if (!entry) return undefined;
  if (entry.sentAt !== undefined) return entry;
  entry.sentAt = typeof when === 'string' ? when : when.toISOString();
  await writeManifest(outDir, manifest);
  return entry;
}
