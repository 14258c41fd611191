/**
 * dist/cli.js runs the CLI bundle with V8's code cache of an earlier run (scripts/cli-entry.mjs),
 * kept in the user's cache folder ($XDG_CACHE_HOME/trappa/code-cache here). A cache only ever
 * saves time: one that is damaged, made for other code, or cannot be written never changes what a
 * command does, says or exits with.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createProgram } from '../src/cli.js';
import { CLI_ENTRY, copyProject, runCliAsync } from './helpers/project.js';

const execFileAsync = promisify(execFile);

const BUILD = ['build', '--deck', 'strategi'];

/** A cache folder of the test's own, as XDG_CACHE_HOME. */
function cacheHome(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-code-cache-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const cacheDir = (home: string): string => path.join(home, 'trappa', 'code-cache');

/** The code caches in the folder, by file name. */
const cacheFiles = (home: string): string[] => readdirSync(cacheDir(home)).filter((f) => f.endsWith('.v8cache'));

/** A build that succeeds and says nothing on stderr, with the cache in `home`. */
async function buildWithCache(root: string, home: string): Promise<void> {
  const run = await runCliAsync(BUILD, root, { XDG_CACHE_HOME: home });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('strategi');
}

/** The only cache of `build` in `home`: its path. */
function buildCache(home: string): string {
  const files = cacheFiles(home).filter((f) => f.endsWith('-build.v8cache'));
  expect(files).toHaveLength(1);
  return path.join(cacheDir(home), files[0]!);
}

/** The bundle the tests' CLI runs. */
const BUNDLE = path.join(path.dirname(CLI_ENTRY), 'cli-main.cjs');

/** V8's data in a file as the loader writes it: a CRC-32 of the source (the bundle's unless given), then of the data. */
function withChecksum(data: Buffer, source: Buffer = readFileSync(BUNDLE)): Buffer {
  const sums = Buffer.alloc(8);
  sums.writeUInt32LE(crc32(source), 0);
  sums.writeUInt32LE(crc32(data), 4);
  return Buffer.concat([sums, data]);
}

/** The file is a cache the loader would take for the bundle: its checksums hold. */
function isWholeCache(file: string): boolean {
  const bytes = readFileSync(file);
  return (
    bytes.length > 1000 &&
    bytes.readUInt32LE(0) === crc32(readFileSync(BUNDLE)) &&
    bytes.readUInt32LE(4) === crc32(bytes.subarray(8))
  );
}

describe.skipIf(process.platform !== 'linux')('the code cache of dist/cli.js', () => {
  it('is written after a successful run and used by the next, not written again', async () => {
    const root = copyProject();
    const home = cacheHome();
    await buildWithCache(root, home);
    const file = buildCache(home);
    expect(isWholeCache(file)).toBe(true);
    const first = statSync(file);
    await buildWithCache(root, home);
    // A cache V8 rejected would have been replaced (a new file renamed over it).
    const second = statSync(file);
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs]);
  });

  it("of another bundle is removed when it is over an hour old, not before, with a killed run's temporary file", async () => {
    const root = copyProject();
    const home = cacheHome();
    mkdirSync(cacheDir(home), { recursive: true });
    const old = path.join(cacheDir(home), '0000000000000000-24.0.0-1-build.v8cache');
    const young = path.join(cacheDir(home), '1111111111111111-24.0.0-1-build.v8cache');
    const temporary = path.join(cacheDir(home), `${path.basename(young)}.123.tmp`);
    for (const file of [old, young, temporary]) writeFileSync(file, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    utimesSync(temporary, twoHoursAgo, twoHoursAgo);
    await buildWithCache(root, home);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(temporary)).toBe(false);
    expect(existsSync(young)).toBe(true);
    // The young one and the build's own.
    expect(cacheFiles(home)).toHaveLength(2);
  });

  it('is kept per command: --help does not fill the cache a build uses', async () => {
    const root = copyProject();
    const home = cacheHome();
    const help = await runCliAsync(['--help'], root, { XDG_CACHE_HOME: home });
    expect(help.status).toBe(0);
    expect(cacheFiles(home).map((f) => f.replace(/^.*-/, ''))).toEqual(['none.v8cache']);
    await buildWithCache(root, home);
    expect(
      cacheFiles(home)
        .map((f) => f.replace(/^.*-/, ''))
        .sort(),
    ).toEqual(['build.v8cache', 'none.v8cache']);
  });

  it('that is damaged is ignored and replaced, and the build is the same', async () => {
    const root = copyProject();
    const home = cacheHome();
    await buildWithCache(root, home);
    const file = buildCache(home);
    const whole = readFileSync(file);
    const deck = path.join(
      root,
      'output',
      readdirSync(path.join(root, 'output')).find((f) => f.startsWith('strategi'))!,
    );
    const bytes = readFileSync(deck);
    // Flipped bytes in V8's data (the checksum catches what V8 itself does not check), then a
    // file cut short, then one that is not a cache at all.
    const flipped = Buffer.from(whole);
    for (let i = 2000; i < flipped.length; i += 997) flipped[i]! ^= 0xff;
    for (const damaged of [flipped, whole.subarray(0, 5000), Buffer.from('not a cache')]) {
      writeFileSync(file, damaged);
      rmSync(deck);
      await buildWithCache(root, home);
      expect(readFileSync(deck)).toEqual(bytes);
      expect(isWholeCache(file)).toBe(true);
    }
  });

  it('made for other code is rejected by V8 and replaced', async () => {
    const root = copyProject();
    const home = cacheHome();
    await buildWithCache(root, home);
    const file = buildCache(home);
    // Another script's cache, with a checksum that holds: only V8's own check stands in the way.
    const foreign = withChecksum(new vm.Script('(function () { return 42; })').createCachedData());
    writeFileSync(file, foreign);
    await buildWithCache(root, home);
    expect(isWholeCache(file)).toBe(true);
    expect(readFileSync(file).length).toBeGreaterThan(foreign.length);
  });

  it('made from another text of the bundle is not taken, and replaced (V8 checks only the length)', async () => {
    // On c06bb7d a same-length edit of dist/cli-main.cjs («built in» → «BUILT IN» in a message) was not seen
    // while the cache of the bundle before it lay under the bundle's name: V8 took it and ran the old code.
    const root = copyProject();
    const home = cacheHome();
    await buildWithCache(root, home);
    const file = buildCache(home);
    const bytes = readFileSync(file);
    bytes.writeUInt32LE((bytes.readUInt32LE(0) ^ 1) >>> 0, 0);
    writeFileSync(file, bytes);
    const before = statSync(file);
    await buildWithCache(root, home);
    // Not taken: written anew at the run's end (another file renamed over it), for this bundle.
    expect(statSync(file).ino).not.toBe(before.ino);
    expect(isWholeCache(file)).toBe(true);
  });

  it('is never kept in the project: a relative XDG_CACHE_HOME is ignored for ~/.cache', async () => {
    const root = copyProject();
    const home = cacheHome();
    const run = await runCliAsync(BUILD, root, { XDG_CACHE_HOME: 'cache', HOME: home });
    expect(run.status).toBe(0);
    expect(existsSync(path.join(root, 'cache'))).toBe(false);
    expect(isWholeCache(buildCache(path.join(home, '.cache')))).toBe(true);
  });

  it('is neither read nor written in a folder others may write: it is code this process runs', async () => {
    const root = copyProject();
    const home = cacheHome();
    await buildWithCache(root, home);
    const file = buildCache(home);
    rmSync(file);
    chmodSync(cacheDir(home), 0o777);
    await buildWithCache(root, home);
    expect(cacheFiles(home)).toEqual([]);
    chmodSync(cacheDir(home), 0o700);
    await buildWithCache(root, home);
    expect(isWholeCache(buildCache(home))).toBe(true);
  });

  it('that cannot be written leaves the command as it is', async () => {
    const root = copyProject();
    const home = cacheHome();
    // The cache folder's parent is a file: no folder can be made there (whoever runs the test, root too).
    const blocked = path.join(home, 'not-a-folder');
    writeFileSync(blocked, '');
    await buildWithCache(root, blocked);
    await buildWithCache(root, blocked);
    expect(readFileSync(blocked, 'utf8')).toBe('');
  });

  it('in a folder under /proc (where a recursive mkdir spins) leaves the command as it is', async () => {
    const root = copyProject();
    const help = await runCliAsync(
      ['--help'],
      root,
      { XDG_CACHE_HOME: '/proc/self/trappa-cache' },
      { killAfterMs: 30_000 },
    );
    expect(help.signal).toBeNull();
    expect(help.status).toBe(0);
  });
});

describe('the commands the loader keeps caches for', () => {
  it("are the program's commands", async () => {
    // @ts-expect-error: a plain .mjs script without types
    const { commandNames } = (await import('../scripts/build-dist.mjs')) as { commandNames: () => Promise<string[]> };
    const names = await commandNames();
    const program = createProgram();
    expect(program.commands.length).toBeGreaterThan(10);
    for (const command of program.commands) expect(names).toContain(command.name());
  });
});

describe('restoreHeapDefaults', () => {
  // In a child: growHeapSlowly changes this process's GC flags for good.
  it('gives back the V8 cache tag the process started with, which growHeapSlowly changes', async () => {
    const code = [
      "import v8 from 'node:v8';",
      `const cli = await import(${JSON.stringify(pathToFileURL(CLI_ENTRY).href)});`,
      'const start = v8.cachedDataVersionTag();',
      "cli.growHeapSlowly(['node', 'trappa', 'build']);",
      'const growing = v8.cachedDataVersionTag();',
      'cli.restoreHeapDefaults();',
      'console.log(JSON.stringify([start, growing, v8.cachedDataVersionTag()]));',
    ].join('\n');
    const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', code]);
    const [start, growing, restored] = JSON.parse(stdout) as number[];
    expect(growing).not.toBe(start);
    expect(restored).toBe(start);
  });
});
