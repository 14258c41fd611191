/**
 * Freezing a deck version before it is sent, and recording that it was. A message that left
 * cannot be called back, so the version is frozen first (`frozenAt` in its release record, then
 * the manifest), and only then handed to the mail server. A run killed in between leaves a
 * frozen version that was not sent, which is safe; the other way round (sent, not frozen) would
 * let a later build replace what recipients already have. `sentAt` is recorded only once the
 * server confirmed a delivery (`recordSent`): a send that Graph throttled to the end, or whose
 * answer never came, froze the version but sent nothing anyone knows of.
 */
import path from 'node:path';
import { FrozenVersionError } from '../errors.js';
import { saveAllOrNothing } from '../io/save-file.js';
import { trappaVersion } from './input-hash.js';
import { withOutputLock } from './lock.js';
import { entryKey, keepDamaged, loadManifest, writeManifest } from './manifest.js';
import { readRecord, releaseDir, type ReleaseRecord } from './records.js';
import { prepareSnapshot, saveRecord } from './snapshots.js';

export interface VersionToSend {
  deckId: string;
  version: string;
  /** The .pptx about to be attached, in the output folder. */
  file: string;
  /** sha256 of the bytes that will be attached. */
  sha256: string;
}

type Stamp = 'frozenAt' | 'sentAt';

/**
 * Freezes `deck` in `outDir` (release record and manifest), under the folder's lock.
 * Call it before each message leaves; calling it again for a frozen version changes nothing.
 * @throws FrozenVersionError when the version is already frozen with other bytes
 * @example await freezeBeforeSending('output', { deckId: 'ansatte', version: '0.2', file, sha256 })
 */
export function freezeBeforeSending(outDir: string, deck: VersionToSend, when = new Date()): Promise<void> {
  return stamp(outDir, deck, 'frozenAt', when);
}

/** Records the first confirmed delivery of `deck` (`sentAt`); later ones change nothing. */
export function recordSent(outDir: string, deck: VersionToSend, when = new Date()): Promise<void> {
  return stamp(outDir, deck, 'sentAt', when);
}

async function stamp(outDir: string, deck: VersionToSend, field: Stamp, when: Date): Promise<void> {
  // Frozen stays frozen: when the record already has the stamp for these bytes, no lock is needed.
  const known = await readRecord(releaseDir(outDir, deck.deckId, deck.version));
  if (known?.[field] !== undefined && known.sha256 === deck.sha256) return;
  await withOutputLock(outDir, async () => {
    const { manifest, damaged } = await loadManifest(outDir);
    const key = entryKey(deck.deckId, deck.version);
    const entry = manifest.entries[key];
    const dir = releaseDir(outDir, deck.deckId, deck.version);
    const existing = await readRecord(dir);
    const frozenSha =
      existing?.sha256 ??
      (entry && (entry.status === 'released' || entry.sentAt || entry.frozenAt) ? entry.sha256 : undefined);
    if (frozenSha !== undefined && frozenSha !== deck.sha256) {
      throw new FrozenVersionError(
        `${deck.deckId} v${deck.version} was frozen with other content than ${path.basename(deck.file)}; nothing was ` +
          `sent. Build it again or raise the version`,
      );
    }
    if (existing?.[field] !== undefined && entry?.[field] !== undefined) return;
    const at = existing?.[field] ?? entry?.[field] ?? when.toISOString();
    // A version sent is frozen too (a record from before frozenAt existed has only sentAt).
    const frozenAt = existing?.frozenAt ?? entry?.frozenAt ?? (field === 'frozenAt' ? at : undefined);
    const record: ReleaseRecord = {
      deckId: deck.deckId,
      version: deck.version,
      inputsHash: existing?.inputsHash ?? entry?.inputsHash ?? '0'.repeat(64),
      trappaVersion: existing?.trappaVersion ?? trappaVersion(),
      files: existing?.files ?? [],
      ...(entry?.faces && entry.sha256 === deck.sha256 ? { faces: entry.faces } : {}),
      ...existing,
      file: path.basename(deck.file),
      sha256: deck.sha256,
      ...((existing?.slides ?? entry?.slides) !== undefined ? { slides: existing?.slides ?? entry?.slides } : {}),
      ...(frozenAt ? { frozenAt } : {}),
      [field]: at,
    };
    if (existing) await saveRecord(outDir, record);
    else await saveAllOrNothing([prepareSnapshot(outDir, record, undefined)]);
    manifest.entries[key] = {
      ...(entry ?? {
        deckId: deck.deckId,
        version: deck.version,
        inputsHash: record.inputsHash,
        slides: record.slides ?? 0,
        status: 'draft' as const,
      }),
      file: record.file!,
      sha256: deck.sha256,
      ...(frozenAt ? { frozenAt } : {}),
      [field]: at,
    };
    if (damaged) await keepDamaged(outDir);
    await writeManifest(outDir, manifest);
  });
}
