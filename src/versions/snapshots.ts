/**
 * Release snapshots: on `trappa release`, the inputs of each deck (data, templates and
 * referenced assets) are copied to output/releases/<deck>-v<version>/inputs/, laid out
 * like a project, beside the release record (records.ts), so the released file can be
 * rebuilt byte for byte later (`trappa build --from-release <deck>@<version>`), whatever
 * happens to data/ meanwhile. A snapshot is made under a temporary name and renamed into
 * place; a killed run leaves a temporary folder that the next run removes (or, for a
 * snapshot that was being replaced, puts back).
 */
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TrappaError } from '../errors.js';
import { type ConfineRefusal, confinePath } from '../io/confine.js';
import { inputsHashMatches, type InputFile } from './input-hash.js';
import {
  deckIdPattern,
  parseRecord,
  RECORD,
  readRecord,
  recordText,
  releaseDir,
  RELEASES,
  type ReleaseRecord,
} from './records.js';
import { makeFolder, type PreparedSave, saveAtomically, strayTemps, tempPathFor } from '../io/save-file.js';
import { CLEANUP_RETRIES, type RenamePolicy, renameRetrying } from '../io/rename-retry.js';
import { english, type MessageKey, said } from '../messages/catalogue.js';

/** Copies files to their logical paths below `toRoot`; a logical path that leads out is refused. */
const REFUSED: Record<ConfineRefusal, MessageKey> = {
  empty: 'snap.empty',
  nul: 'snap.nul',
  absolute: 'snap.absolute',
  outside: 'snap.outside',
  'link-outside': 'snap.link',
};

/** A path of a release record that would lead out of `folder`: refused before anything is written. */
function refused(where: string, file: string, reason: ConfineRefusal, folder: MessageKey): string {
  return english(said(REFUSED[reason], { file: where, path: file, folderWord: said(folder) }));
}

async function copyInputs(
  files: readonly { logical: string; absolute: string }[],
  toRoot: string,
  what: string,
): Promise<InputFile[]> {
  const copied: InputFile[] = [];
  for (const file of files) {
    const target = confinePath(toRoot, file.logical);
    if (!target.ok) throw new TrappaError(refused(what, file.logical, target.reason, 'word.folder.project'));
    await makeFolder(path.dirname(target.path));
    await copyFile(file.absolute, target.path);
    copied.push({ logical: target.relative, absolute: target.path });
  }
  return copied;
}

/**
 * Makes a release folder under a temporary name: the inputs (when given) and the record.
 * Nothing is visible until `commit`, which swaps it in (an earlier snapshot of the same
 * version, after --overwrite-released, goes only after the new one is in place).
 * @throws TrappaError when the copies do not hash to the record's inputsHash (a file changed meanwhile)
 */
export async function prepareSnapshot(
  outDir: string,
  record: ReleaseRecord,
  inputs: readonly InputFile[] | undefined,
  policy: RenamePolicy = {},
): Promise<PreparedSave> {
  const dir = releaseDir(outDir, record.deckId, record.version);
  await makeFolder(path.dirname(dir));
  const tmp = tempPathFor(dir);
  const abort = (): Promise<void> => rm(tmp, { recursive: true, force: true, ...CLEANUP_RETRIES });
  try {
    await mkdir(tmp);
    if (inputs) {
      const copied = await copyInputs(inputs, path.join(tmp, 'inputs'), `${record.deckId} v${record.version}`);
      if (!(await inputsHashMatches(record.inputsHash, copied))) {
        throw new TrappaError(
          `the inputs of ${record.deckId} v${record.version} changed while it was being released; run trappa release ` +
            `again`,
        );
      }
    }
    await saveAtomically(path.join(tmp, RECORD), recordText(record), policy);
  } catch (error) {
    await abort();
    throw error;
  }
  const old = `${tmp}.old`;
  let hadOld = false;
  return {
    target: dir,
    async commit() {
      hadOld = await renameRetrying(dir, old, policy).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      try {
        await renameRetrying(tmp, dir, policy);
      } catch (error) {
        if (hadOld) await renameRetrying(old, dir, policy);
        await abort();
        throw error;
      }
    },
    async rollback() {
      await rm(dir, { recursive: true, force: true, ...CLEANUP_RETRIES });
      if (hadOld) await renameRetrying(old, dir, policy);
    },
    finish: () => rm(old, { recursive: true, force: true, ...CLEANUP_RETRIES }),
    abort,
  };
}

/** Changes only the record of an existing release folder (freezing on send keeps its inputs). */
export async function saveRecord(outDir: string, record: ReleaseRecord): Promise<void> {
  await saveAtomically(path.join(releaseDir(outDir, record.deckId, record.version), RECORD), recordText(record));
}

/**
 * Removes what killed runs left behind in the output folder and releases/: temporary files
 * and snapshot folders. A snapshot that was being replaced (`….tmp.old`) is put back when
 * its replacement never arrived. Call it while holding the output folder's lock.
 */
export async function recoverStrayTemps(outDir: string): Promise<void> {
  for (const folder of [outDir, path.join(outDir, RELEASES)]) {
    for (const stray of await strayTemps(folder)) {
      if (stray.old) {
        const record = await readRecord(stray.path);
        const home = record ? releaseDir(outDir, record.deckId, record.version) : undefined;
        if (home && !(await stat(home).catch(() => undefined))) {
          await rename(stray.path, home);
          continue;
        }
      }
      // A stray Windows still holds (an indexer, a scanner) is harmless: the next command tries again.
      await rm(stray.path, { recursive: true, force: true, ...CLEANUP_RETRIES }).catch(() => undefined);
    }
  }
}

/**
 * The snapshot folder a release spec names: `storledermote@0.2` (also `@v0.2`) in the output
 * folder's releases/, or the path of a snapshot folder itself (e.g. a copy kept elsewhere).
 */
export function releaseFolder(spec: string, outDir: string): string {
  const m = /^([^@\s/\\]+)@v?(\d+(?:\.\d+){0,2})$/.exec(spec.trim());
  if (m && deckIdPattern.test(m[1]!)) return releaseDir(outDir, m[1]!, m[2]!);
  if (/[/\\]/.test(spec)) return path.resolve(spec);
  throw new TrappaError(
    `'${spec}' is not a release; write <deck>@<version>, e.g. storledermote@0.2, or the path of a release folder`,
  );
}

export interface ReleaseCheckout {
  /** A temporary project folder holding the release's inputs. */
  root: string;
  record: ReleaseRecord;
  /** The copied inputs hash as recorded (false: the snapshot was edited, or Trappa's version differs). */
  hashMatches: boolean;
  cleanup(): Promise<void>;
}

async function loadRecord(dir: string): Promise<ReleaseRecord> {
  const shown = path.relative(process.cwd(), dir) || dir;
  const text = await readFile(path.join(dir, RECORD), 'utf8').catch(() => undefined);
  if (text === undefined) {
    const what = /^(.+)-v(\d[\d.]*)$/.exec(path.basename(dir));
    throw new TrappaError(
      what
        ? `no input snapshot of ${what[1]} v${what[2]} in ${shown}; only versions released with trappa release have one`
        : english(said('record.noSnapshotThis', { folder: shown })),
    );
  }
  // A folder given by path may have been copied and renamed, so its name is not checked.
  const parsed = parseRecord(text);
  if (!parsed.ok) throw new TrappaError(`${path.join(shown, RECORD)} ${parsed.message}; nothing was written`);
  if (parsed.record.files.length === 0) {
    throw new TrappaError(
      `${parsed.record.deckId} v${parsed.record.version} was frozen by sending, not released, so its inputs were not ` +
        `kept`,
    );
  }
  return parsed.record;
}

/**
 * Copies a release snapshot into a temporary project folder to build from, so the
 * snapshot itself is never written to (not even the image cache). Every path of the
 * record stays inside the snapshot and inside the temporary folder, whatever the record says.
 */
export async function checkoutRelease(dir: string): Promise<ReleaseCheckout> {
  const record = await loadRecord(dir);
  // A short, fixed name: the deck id may be long.
  const root = await mkdtemp(path.join(os.tmpdir(), 'trappa-release-'));
  const cleanup = (): Promise<void> => rm(root, { recursive: true, force: true });
  try {
    const inputs = path.join(dir, 'inputs');
    const sources = record.files.map((logical) => {
      const source = confinePath(inputs, logical);
      if (!source.ok)
        throw new TrappaError(
          refused(`${path.join(dir, RECORD)} files`, logical, source.reason, 'word.folder.snapshot'),
        );
      return { logical, absolute: source.path };
    });
    const copied = await copyInputs(sources, root, path.join(dir, RECORD));
    return { root, record, hashMatches: await inputsHashMatches(record.inputsHash, copied), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
