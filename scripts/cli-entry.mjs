/**
 * dist/cli.js (bundled by scripts/build-dist.mjs): starts the CLI bundle, dist/cli-main.cjs, with
 * the V8 code cache an earlier successful run of the same command left behind.
 *
 * Why not Node's compile cache alone: it keeps only what V8 compiled while loading a module (its
 * top level). Every function a build calls is compiled again on its first call in every new
 * process, and on Node 20 (no compile cache) all of it is. A code cache made after the run
 * (`script.createCachedData()` at exit) holds the bytecode of every function the run used:
 * 80–150 ms less CPU for a warm `build --all` on Node 20, 22 and 24 (issue #27, round 16's note
 * in README). V8 compiles only scripts (`vm.Script`) that way without a flag,
 * so the bundle is one CommonJS file and this module runs it through `vm.Script`.
 *
 * The cache is a cache: one that cannot be read, is corrupt, or was made for other code or
 * another V8 is not used, one that cannot be written is not written, and neither ever fails a
 * command. V8 checks only the source's length (a cache of another script of the same length is
 * taken, and its code runs), so a file also carries a CRC-32 of the source it was made from, and
 * one made from other text than the bundle read now is none (an edited dist/cli-main.cjs, a
 * bundle and a cli.js of two builds); a CRC-32 of the data catches damage V8 would not.
 * It lives in the user's own cache folder, not in the project: bytecode is code, and a project is
 * shared. A file is named by the bundle's hash, V8's cache tag (version, flags, CPU) and the
 * command, since a command's run is what fills it (`--help` compiles little of what `build` needs).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { growHeapSlowly as growHeapAtStart, heapFlagsAsAtStart } from '../src/heap-growth.ts';
import { writeFileWholeSync } from '../src/io/save-file.ts';
import { userCacheDir } from '../src/user-folders.ts';

// For whatever is still loaded as an ES module (the studio's worker, sharp's wrapper, pdf.js).
module.enableCompileCache?.();

/** sha256 of dist/cli-main.cjs, and the CLI's commands (set by build-dist). */
const BUNDLE_HASH = process.env.TRAPPA_BUNDLE_HASH ?? 'unbundled';
const COMMANDS = new Set((process.env.TRAPPA_COMMANDS ?? '').split(','));

const bundleFile = fileURLToPath(new URL('./cli-main.cjs', import.meta.url));

/** The command a run names (`build`, `studio` …), or `none` (`--help`, a mistyped one). */
const commandOf = (argv) => argv.slice(2).find((arg) => COMMANDS.has(arg)) ?? 'none';

/** Where this run's cache is, or null when there is no home to keep it in, or one another user could write. */
function cacheFileFor(argv, tag) {
  try {
    const name = `${BUNDLE_HASH.slice(0, 16)}-${process.versions.node}-${tag.toString(16)}-${commandOf(argv)}.v8cache`;
    const dir = path.join(userCacheDir(), 'code-cache');
    return ownFolder(dir) ? path.join(dir, name) : null;
  } catch {
    return null;
  }
}

/**
 * The cache is code this process runs, so its folder must be this user's alone (a shared
 * XDG_CACHE_HOME, a folder others may write): not there yet (made 0700 on writing), or owned by
 * this user and writable by no group or other. Windows has no such modes; its per-user
 * LOCALAPPDATA is the user's own.
 */
function ownFolder(dir) {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  const stat = statSync(dir, { throwIfNoEntry: false });
  return stat === undefined || (stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0);
}

/** A file is a CRC-32 of the source it was made from, one of the data, then V8's data. Another source's, damaged or unreadable: none. */
function readCache(file, sourceSum) {
  if (file === null) return undefined;
  try {
    const bytes = readFileSync(file);
    const data = bytes.subarray(8);
    const whole = bytes.length > 8 && bytes.readUInt32LE(0) === sourceSum && bytes.readUInt32LE(4) === crc32(data);
    return whole ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Written whole or not at all (src/io/save-file.ts, as every file Trappa writes; bundled into
 * cli.js, it costs `--help` nothing measurable). Then other bundles' caches (an earlier
 * Trappa, an earlier `npm run build:dist`) written over an hour ago are removed, with temporary
 * files a killed run left: not younger ones, so two installs used in turn (the bench's two
 * bundles, two projects' Trappas) do not remove each other's cache on every run.
 */
function writeCache(file, data, sourceSum) {
  const dir = path.dirname(file);
  try {
    const sums = Buffer.alloc(8);
    sums.writeUInt32LE(sourceSum, 0);
    sums.writeUInt32LE(crc32(data), 4);
    writeFileWholeSync(file, Buffer.concat([sums, data]), { mode: 0o600, folderMode: 0o700 });
    const own = `${BUNDLE_HASH.slice(0, 16)}-`;
    const hourAgo = Date.now() - 3_600_000;
    for (const name of readdirSync(dir)) {
      const other = (!name.startsWith(own) && name.endsWith('.v8cache')) || name.endsWith('.tmp');
      if (other && statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtimeMs < hourAgo) {
        removeQuietly(path.join(dir, name));
      }
    }
  } catch {
    // No cache this time (read-only home, disk full, another process's file in the way).
  }
}

function removeQuietly(file) {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was there to remove, or it cannot be: either way nothing to do.
  }
}

/** Runs the bundle, as Node would run a CommonJS file, with V8's cache of an earlier run. */
function loadBundle(argv) {
  const tag = v8.cachedDataVersionTag();
  const file = cacheFileFor(argv, tag);
  const bytes = readFileSync(bundleFile);
  // What V8 does not check (only the length): the cache is of this very text (~2 ms for 4 MB).
  const sourceSum = crc32(bytes);
  const cachedData = readCache(file, sourceSum);
  // ASCII only (build-dist escapeToAscii): read as Latin-1, a copy, ~1 ms for 4 MB against ~9 for UTF-8.
  const source = bytes.toString('latin1');
  const cjs = { exports: {} };
  // The file is a function expression (build-dist SCRIPT_PARAMETERS): compiled as it is.
  const script = new vm.Script(source, { filename: bundleFile, cachedData });
  if (file !== null && (cachedData === undefined || script.cachedDataRejected)) {
    process.on('exit', (code) => {
      if (code !== 0) return;
      // V8 tags a cache with its flags: those the CLI changed while it ran go back to V8's own
      // (another --entry bundle may not have changed any). Flags given on the command line
      // (--no-opt) stay in the tag: the cache is for a run under the same ones.
      if (isEntry) heapFlagsAsAtStart(argv);
      else cjs.exports.restoreHeapDefaults?.();
      if (v8.cachedDataVersionTag() === tag) writeCache(file, script.createCachedData(), sourceSum);
    });
  }
  script.runInThisContext()(
    cjs.exports,
    module.createRequire(bundleFile),
    cjs,
    bundleFile,
    path.dirname(bundleFile),
    pathToFileURL(bundleFile).href,
    // The packages the bundle leaves outside (sharp, nodemailer, pdf.js …) as ES modules, as from a module beside it.
    (specifier) => import(specifier),
  );
  return cjs.exports;
}

// Run as the CLI (not imported by a test): the heap's growth is set before the bundle is read and
// compiled, which on Node 24 grew the young generation past the cap before the bundle could set it.
const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) growHeapAtStart(process.argv);

const cli = loadBundle(process.argv);
export const { createProgram, growHeapSlowly, ignoreClosedPipes, main, restoreHeapDefaults } = cli;
