/**
 * The last stage of a build, and the only place that changes version state: under the
 * output folder's lock, decide every deck against the manifest and the release records
 * (a refused frozen version stops everything before any file is written), prepare every
 * file in its temporary name (a full disk fails here, with nothing changed), then rename
 * the decks, the release snapshots and finally the manifest into place. A draft saved
 * under a new name replaces its old file; a released or sent version is never replaced.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { MeasuredFace } from '../fonts/measured-faces.js';
import { sha256OfRegularFile } from '../sha256.js';
import { decideVersion, refusalError, type VersionDecision } from './decide.js';
import { trappaVersion, type InputFile } from './input-hash.js';
import { withOutputLock } from './lock.js';
import {
  entryKey,
  isFrozen,
  keepDamaged,
  loadManifest,
  prepareManifest,
  type Manifest,
  type ManifestEntry,
} from './manifest.js';
import { releaseDir, type ReleaseRecord } from './records.js';
import { prepareSave, saveAllOrNothing, type PreparedSave } from '../io/save-file.js';
import { CLEANUP_RETRIES, type RenamePolicy } from '../io/rename-retry.js';
import { prepareSnapshot, recoverStrayTemps } from './snapshots.js';

export interface DeckToSave {
  deckId: string;
  version: string;
  /** Absolute path of the .pptx, directly in the output folder. */
  file: string;
  /** The .pptx bytes as written. */
  bytes: Uint8Array;
  sha256: string;
  slideCount: number;
  /** The files the deck was built from (data, templates, referenced assets). */
  inputs: InputFile[];
  /** sha256 of the inputs and Trappa's version (see input-hash.ts). */
  inputsHash: string;
  /** The faces that measured its text (fonts/measured-faces.ts). */
  faces?: MeasuredFace[];
  /**
   * True when the deck is the one an earlier build saved, its inputs unchanged (template/deck-store.ts):
   * this build read its bytes from `file`.
   */
  reused?: boolean;
}

export interface SaveOptions {
  /** --overwrite-released: replace a frozen version with different content on purpose. */
  overwriteReleased?: boolean;
  /** `trappa release`: also freeze every deck saved, at this time. */
  releaseAt?: Date;
  /** How files are renamed into place (tests make renames fail the way Windows does). */
  rename?: RenamePolicy;
}

export interface SavedDeck {
  saved: 'written' | 'unchanged';
  entry: ManifestEntry;
  /** With `releaseAt`: whether this run released the version or it already was. */
  released?: 'newly' | 'already';
  /** The release folder, with `releaseAt`. */
  snapshot?: string;
}

interface Planned {
  deck: DeckToSave;
  rel: string;
  entry: ManifestEntry | undefined;
  decision: VersionDecision;
}

/**
 * The sha256 of the file `entry` names, as decideVersion compares it with the deck's: null when it
 * is missing, no regular file or not the deck's size (it is not the deck then, so it need not be
 * read whole). A reused deck's bytes were read from that very file by this build, which checked
 * their sha256 (deck-store.ts keptBytes): not read a second time. Another Trappa saving there
 * since then saved its entry too, under the lock this runs in, and an entry naming another
 * sha256 or file is decided on its own.
 */
function sha256OnDisk(outDir: string, entry: ManifestEntry, deck: DeckToSave, rel: string): string | null {
  if (deck.reused && entry.file === rel) return deck.sha256;
  return sha256OfRegularFile(path.join(outDir, entry.file), deck.bytes.length);
}

async function plan(
  outDir: string,
  manifest: Manifest,
  decks: readonly DeckToSave[],
  options: SaveOptions,
): Promise<Planned[]> {
  return Promise.all(
    decks.map(async (deck) => {
      const rel = path.relative(outDir, deck.file).split(path.sep).join('/');
      const entry = manifest.entries[entryKey(deck.deckId, deck.version)];
      const onDisk = entry ? sha256OnDisk(outDir, entry, deck, rel) : null;
      return {
        deck,
        rel,
        entry,
        decision: decideVersion({ ...deck, file: rel }, entry, onDisk, options.overwriteReleased),
      };
    }),
  );
}

const recordOf = (entry: ManifestEntry, deck: DeckToSave, withInputs: boolean): ReleaseRecord => ({
  deckId: entry.deckId,
  version: entry.version,
  inputsHash: deck.inputsHash,
  trappaVersion: trappaVersion(),
  files: withInputs ? deck.inputs.map((f) => f.logical) : [],
  file: entry.file,
  sha256: entry.sha256,
  slides: entry.slides,
  ...(entry.releasedAt ? { releasedAt: entry.releasedAt } : {}),
  ...(entry.frozenAt ? { frozenAt: entry.frozenAt } : {}),
  ...(entry.sentAt ? { sentAt: entry.sentAt } : {}),
  ...(entry.faces ? { faces: entry.faces } : {}),
});

/** Saves built decks and records them; see the module comment. */
export async function saveDecks(
  outDir: string,
  decks: readonly DeckToSave[],
  options: SaveOptions = {},
): Promise<SavedDeck[]> {
  return withOutputLock(outDir, async () => {
    await recoverStrayTemps(outDir);
    const loaded = await loadManifest(outDir);
    const { manifest } = loaded;
    const before = JSON.stringify(manifest);
    const planned = await plan(outDir, manifest, decks, options);
    const refused = refusalError(planned.map((p) => p.decision));
    if (refused) throw refused;

    const files: Promise<PreparedSave>[] = [];
    const snapshots: Promise<PreparedSave>[] = [];
    const oldDrafts: string[] = [];
    const results: SavedDeck[] = [];
    for (const { deck, rel, entry, decision } of planned) {
      const write = decision.action === 'write';
      if (write) files.push(prepareSave(deck.file, deck.bytes, options.rename));
      const frozen = entry !== undefined && isFrozen(entry);
      const overwritten = write && decision.reason === 'overwrite-released';
      // Same bytes, other input hash (a comment edited): the record of a frozen version stays, the hash follows the
      // data.
      const next: ManifestEntry =
        frozen && !overwritten
          ? { ...entry, inputsHash: deck.inputsHash }
          : {
              ...entry,
              deckId: deck.deckId,
              version: deck.version,
              file: rel,
              sha256: deck.sha256,
              inputsHash: deck.inputsHash,
              slides: deck.slideCount,
              status: entry?.status ?? 'draft',
              ...(deck.faces ? { faces: deck.faces } : {}),
            };
      let released: SavedDeck['released'];
      if (options.releaseAt) {
        released = next.status === 'released' ? 'already' : 'newly';
        if (released === 'newly')
          Object.assign(next, { status: 'released', releasedAt: options.releaseAt.toISOString() });
      }
      manifest.entries[entryKey(deck.deckId, deck.version)] = next;
      if (released === 'newly' || overwritten)
        snapshots.push(prepareSnapshot(outDir, recordOf(next, deck, true), deck.inputs, options.rename));
      // A draft saved under a new name (its meeting date moved) replaces the old draft file.
      if (entry && !frozen && entry.file !== rel) oldDrafts.push(entry.file);
      const snapshot = options.releaseAt ? releaseDir(outDir, deck.deckId, deck.version) : undefined;
      results.push({
        saved: write ? 'written' : 'unchanged',
        entry: next,
        ...(released ? { released } : {}),
        ...(snapshot ? { snapshot } : {}),
      });
    }
    const changed = loaded.damaged !== undefined || JSON.stringify(manifest) !== before;
    // Kept first: should anything below fail, the damaged file is still there to look at.
    if (loaded.damaged) await keepDamaged(outDir);
    // Decks first, then the snapshots that name them, then the manifest: a crash between two
    // renames leaves a state the next run reads correctly (a new draft, or a recorded release),
    // and a rename that fails (a deck open in PowerPoint) puts back every file already replaced.
    await saveAllOrNothing([
      ...files,
      ...snapshots,
      ...(changed ? [prepareManifest(outDir, manifest, options.rename)] : []),
    ]);
    const stillNamed = new Set(Object.values(manifest.entries).map((e) => e.file));
    for (const file of oldDrafts.filter((f) => !stillNamed.has(f))) {
      // The save is done; an old draft still open in PowerPoint stays, named by no entry.
      await rm(path.join(outDir, file), { force: true, ...CLEANUP_RETRIES }).catch(() => undefined);
    }
    return results;
  });
}
