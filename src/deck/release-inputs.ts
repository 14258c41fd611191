/**
 * Release snapshots: on `trappa release`, the inputs of each deck (data, templates and
 * referenced assets) are copied to output/releases/<deck>-v<version>/inputs/, laid out
 * like a project, so the released file can be rebuilt byte for byte later
 * (`trappa build --from-release <deck>@<version>`), whatever happens to data/ meanwhile.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { TrappaError } from '../errors.js';
import { hashInputs, trappaVersion, type InputFile } from './input-hash.js';
import { saveAtomically } from '../io/save-file.js';

const RECORD = 'release.json';

export interface ReleaseRecord {
  deckId: string;
  version: string;
  inputsHash: string;
  trappaVersion: string;
  /** Logical paths of the copied inputs. */
  files: string[];
}

export const releaseDir = (outDir: string, deckId: string, version: string): string => path.join(outDir, 'releases', `${deckId}-v${version}`);

async function copyInputs(files: readonly { logical: string; absolute: string }[], toRoot: string): Promise<InputFile[]> {
  const copied: InputFile[] = [];
  for (const file of files) {
    const target = path.join(toRoot, ...file.logical.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(file.absolute, target);
    copied.push({ logical: file.logical, absolute: target });
  }
  return copied;
}

/**
 * Copies a deck's inputs into its release folder, replacing an earlier snapshot of the same version.
 * @throws TrappaError when the copies do not hash to `inputsHash` (a file changed during the release)
 */
export async function snapshotInputs(outDir: string, deckId: string, version: string, files: readonly InputFile[], inputsHash: string): Promise<string> {
  const dir = releaseDir(outDir, deckId, version);
  const tmp = path.join(path.dirname(dir), `.${path.basename(dir)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const copied = await copyInputs(files, path.join(tmp, 'inputs'));
    if ((await hashInputs(copied)) !== inputsHash) {
      throw new TrappaError(`the inputs of ${deckId} v${version} changed while it was being released; run trappa release again`);
    }
    const record: ReleaseRecord = { deckId, version, inputsHash, trappaVersion: trappaVersion(), files: copied.map((f) => f.logical) };
    await saveAtomically(path.join(tmp, RECORD), `${JSON.stringify(record, null, 2)}\n`);
    // Swap the finished snapshot in; an earlier one (a re-release after --overwrite-released) goes only after.
    const old = `${tmp}.old`;
    const hadOld = await rename(dir, old).then(() => true, () => false);
    await rename(tmp, dir);
    if (hadOld) await rm(old, { recursive: true, force: true });
    return dir;
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The snapshot folder a release spec names: `storledermote@0.2` (also `@v0.2`) in the output
 * folder's releases/, or the path of a snapshot folder itself (e.g. a copy kept elsewhere).
 */
export function releaseFolder(spec: string, outDir: string): string {
  const m = /^([^@\s/\\]+)@v?(\d+(?:\.\d+){0,2})$/.exec(spec.trim());
  if (m) return releaseDir(outDir, m[1]!, m[2]!);
  if (/[/\\]/.test(spec)) return path.resolve(spec);
  throw new TrappaError(`'${spec}' is not a release; write <deck>@<version>, e.g. storledermote@0.2, or the path of a release folder`);
}

export interface ReleaseCheckout {
  /** A temporary project folder holding the release's inputs. */
  root: string;
  record: ReleaseRecord;
  /** The copied inputs hash as recorded (false: the snapshot was edited, or Trappa's version differs). */
  hashMatches: boolean;
  cleanup(): Promise<void>;
}

/**
 * Copies a release snapshot into a temporary project folder to build from, so the
 * snapshot itself is never written to (not even the image cache).
 */
export async function checkoutRelease(dir: string): Promise<ReleaseCheckout> {
  let record: ReleaseRecord;
  try {
    record = JSON.parse(await readFile(path.join(dir, RECORD), 'utf8')) as ReleaseRecord;
  } catch (cause) {
    const what = /^(.+)-v(\d[\d.]*)$/.exec(path.basename(dir));
    const name = what ? `${what[1]} v${what[2]}` : 'this release';
    throw new TrappaError(`no input snapshot of ${name} in ${path.relative(process.cwd(), dir) || dir}; only versions released with trappa release have one`, { cause });
  }
  const root = await mkdtemp(path.join(os.tmpdir(), `trappa-release-${record.deckId}-`));
  const cleanup = (): Promise<void> => rm(root, { recursive: true, force: true });
  try {
    const inputs = path.join(dir, 'inputs');
    const copied = await copyInputs(record.files.map((logical) => ({ logical, absolute: path.join(inputs, ...logical.split('/')) })), root);
    return { root, record, hashMatches: (await hashInputs(copied)) === record.inputsHash, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
