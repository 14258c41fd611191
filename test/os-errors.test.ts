/**
 * Expected OS errors are user errors (issue #10: each ended as exit 70 with a stack trace,
 * and a full disk left one deck written and no manifest): one plain line naming the path
 * and what to do, exit 7, earlier outputs and the manifest as they were, no temporary files.
 *
 * As root, chmod does not stop writes, so: a full disk is a small tmpfs, a read-only folder
 * is that tmpfs remounted read-only, and "permission denied" runs the CLI as user nobody.
 * Where mounting is not allowed (a container without CAP_SYS_ADMIN) those tests are skipped
 * and their names say why.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runQuietly } from './helpers/ooxml.js';
import { CLI_ARGS, copyProject, runCliAsync } from './helpers/project.js';
import { runMain } from './helpers/in-process.js';
import { addTinyDecks, shaOfFile, strayTemps } from './helpers/output-state.js';

const isRoot = process.getuid?.() === 0;

/** Mounts a tmpfs of `size` on a new folder in `root`; the reason when that is not possible. */
function mountTmpfs(root: string, size: string): { dir: string } | { reason: string } {
  const dir = path.join(root, 'disk');
  mkdirSync(dir);
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (run.status !== 0)
    return { reason: `cannot mount a tmpfs here: ${(run.stderr || run.error?.message || '').trim()}` };
  onTestFinished(() => void spawnSync('umount', ['-l', dir]));
  return { dir };
}

/** Can this machine mount at all? Probed once, so a skipped test says why in its name. */
const probe = (() => {
  if (!isRoot) return 'not root';
  const dir = path.join(process.env.TMPDIR ?? '/tmp', `trappa-mount-probe-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const run = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (run.status === 0) spawnSync('umount', [dir]);
  return run.status === 0 ? undefined : `mount refused: ${(run.stderr || run.error?.message || '').trim()}`;
})();
const mountNote = probe ? ` (SKIPPED: ${probe})` : '';

const deckFiles = (out: string, ids: string[]) => ids.map((id) => path.join(out, `${id}-v0.2-2004-01-26.pptx`));
const snapshot = (files: string[]) => files.map((f) => (existsSync(f) ? shaOfFile(f) : null));
const changeDecks = (root: string, ids: string[]) =>
  ids.forEach((id) =>
    writeFileSync(
      path.join(root, 'data/decks', `${id}.yaml`),
      `id: ${id}\naudience: { name: Endret publikum, groups: [] }\nslides: [what-why]\n`,
    ),
  );

describe('paths the file system refuses', () => {
  it('--out is a file (EEXIST), --out below a file (ENOTDIR), through a link to a missing folder, a link to itself (ELOOP), a 300-character folder name (ENAMETOOLONG)', async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    writeFileSync(path.join(root, 'afile'), 'x');
    symlinkSync(path.join(root, 'gone'), path.join(root, 'dangling'));
    symlinkSync('loop', path.join(root, 'loop'));
    const cases: [string, string][] = [
      [
        'afile',
        'trappa: afile: something else already exists at this path; move it away or choose another path (EEXIST)',
      ],
      ['afile/sub', 'trappa: afile/sub: a part of this path is a file, not a folder; choose another path (ENOTDIR)'],
      // Node's own mkdir said a bare ENOENT here: exit 70, a bug report.
      [
        'dangling/out',
        'trappa: dangling: no folder can be made here (its parent takes none, as /proc, a link to a missing folder or a drive that is not there); choose another folder (ENOENT)',
      ],
      // A link to itself: mkdir (and stat) said ELOOP, which was exit 70 too.
      [
        'loop',
        'trappa: loop: a symbolic link in this path points back to itself (a loop); remove the link or choose another path (ELOOP)',
      ],
      [
        'loop/sub',
        'trappa: loop/sub: a symbolic link in this path points back to itself (a loop); remove the link or choose another path (ELOOP)',
      ],
      [
        'n'.repeat(300),
        `trappa: ${'n'.repeat(300)}: the name is too long for the file system; use a shorter deck id or folder name (ENAMETOOLONG)`,
      ],
    ];
    for (const [out, line] of cases) {
      const run = await runMain(['--out', out, 'build', '--deck', 't1'], root);
      expect(run.status, out).toBe(7);
      expect(run.stderr.trim()).toBe(line);
    }
    expect(readFileSync(path.join(root, 'afile'), 'utf8')).toBe('x');
  });

  it("a folder where the deck's file should be (EISDIR): the line names the deck's path, not its folder", async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    mkdirSync(path.join(root, 'output', 't1-v0.2-2004-01-26.pptx', 'inside'), { recursive: true });
    const run = await runMain(['build', '--deck', 't1'], root);
    expect(run.status).toBe(7);
    expect(run.stderr.trim()).toBe(
      'trappa: output/t1-v0.2-2004-01-26.pptx: this is a folder, but a file is needed here; move the folder away or choose another path (EISDIR)',
    );
    expect(strayTemps(path.join(root, 'output'))).toEqual([]);
  });

  it('a deck id so long that its file name is too long: nothing of the build is saved', async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    expect((await runMain(['build', '--deck', 't1'], root)).status).toBe(0);
    const out = path.join(root, 'output');
    const before = [...snapshot(deckFiles(out, ['t1'])), readFileSync(path.join(out, 'manifest.json'), 'utf8')];
    changeDecks(root, ['t1']);
    addTinyDecks(root, ['l'.repeat(250)]);
    const run = await runMain(['build'], root);
    expect(run.status).toBe(7);
    expect(run.stderr.trim()).toMatch(
      /^trappa: output\/l{250}-v0\.2-2004-01-26\.pptx: the name is too long for the file system; use a shorter deck id or folder name \(ENAMETOOLONG\)$/,
    );
    expect([...snapshot(deckFiles(out, ['t1'])), readFileSync(path.join(out, 'manifest.json'), 'utf8')]).toEqual(
      before,
    );
    expect(strayTemps(out)).toEqual([]);
  });

  it('a deck id whose file name just fits builds and releases: temporary names stay short', async () => {
    const root = copyProject();
    // 229 + '-v0.2-2004-01-26.pptx' = 250 bytes; the old temporary name (.<name>.<pid>.<hex>.tmp) was over 255.
    const id = 'k'.repeat(229);
    addTinyDecks(root, [id]);
    const run = await runMain(['release', '--deck', id], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(path.join(root, 'output', `${id}-v0.2-2004-01-26.pptx`))).toBe(true);
    expect(existsSync(path.join(root, 'output/releases', `${id}-v0.2`, 'release.json'))).toBe(true);
  });

  // Node's recursive mkdir loops for ever (ignoring SIGTERM) where a parent is there but says
  // ENOENT to a new folder, as /proc does: the run is killed after a minute if it spins.
  it.skipIf(!existsSync('/proc/self'))(
    '--out under /proc: a located user error, not a build that never ends',
    async () => {
      const root = copyProject();
      addTinyDecks(root, ['t1']);
      const run = await runCliAsync(
        ['--out', '/proc/self/trappa-out/decks', 'build', '--deck', 't1'],
        root,
        {},
        {
          killAfterMs: 60_000,
        },
      );
      expect(run.signal).toBeNull();
      expect(run.status).toBe(7);
      expect(run.stderr.trim()).toMatch(
        /^trappa: \S*proc\/self\/trappa-out: no folder can be made here \(its parent takes none, as \/proc, a link to a missing folder or a drive that is not there\); choose another folder \(ENOENT\)$/,
      );
    },
  );

  it.skipIf(!existsSync('/proc/self'))('XDG_STATE_HOME under /proc: no key, no stores, the decks built', async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    const env = { XDG_STATE_HOME: '/proc/self/trappa-state' };
    const run = await runCliAsync(['build', '--deck', 't1'], root, env, { killAfterMs: 60_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(deckFiles(path.join(root, 'output'), ['t1'])[0]!)).toBe(true);
  });

  it('send-log.jsonl is a folder (EISDIR)', async () => {
    const root = copyProject();
    expect((await runMain(['build', '--deck', 'storledermote'], root)).status).toBe(0);
    mkdirSync(path.join(root, 'output/send-log.jsonl'));
    const run = await runMain(['send', '--deck', 'storledermote', '--dry-run'], root);
    expect(run.status).toBe(7);
    expect(run.stderr.trim()).toBe(
      'trappa: output/send-log.jsonl: this is a folder, but a file is needed here; move the folder away or choose another path (EISDIR)',
    );
  });

  it.skipIf(!isRoot)('permission denied (EACCES), as user nobody', async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    chmodSync(root, 0o755);
    mkdirSync(path.join(root, 'output'));
    const run = await runQuietly(process.execPath, [...CLI_ARGS, 'build', '--deck', 't1'], 120_000, {
      cwd: root,
      uid: 65534,
      gid: 65534,
    });
    expect(run.status).toBe(7);
    expect(run.stderr.trim()).toBe(
      'trappa: output/.trappa.lock: permission denied; choose another folder (--out) or ask for write access (EACCES)',
    );
  });

  // Added in the ninth round: the store of deflated template parts (.cache/deflated) made a project the
  // user may only read fail its build with «.cache: permission denied», even with --out elsewhere.
  it.skipIf(!isRoot)(
    'a project the user may only read builds into a folder of theirs (--out): caches are best effort',
    async () => {
      const root = copyProject();
      addTinyDecks(root, ['t1']);
      chmodSync(root, 0o755);
      const out = path.join(`${root}-out`);
      mkdirSync(out);
      chmodSync(out, 0o777);
      const run = await runQuietly(process.execPath, [...CLI_ARGS, '--out', out, 'build', '--deck', 't1'], 120_000, {
        cwd: root,
        uid: 65534,
        gid: 65534,
      });
      expect(run.stderr).not.toMatch(/permission denied/);
      expect(run.status).toBe(0);
      expect(existsSync(path.join(out, 't1-v0.2-2004-01-26.pptx'))).toBe(true);
      expect(existsSync(path.join(root, '.cache', 'deflated'))).toBe(false);
    },
  );
});

describe('a full or read-only disk', () => {
  it.skipIf(probe !== undefined)(
    `a full disk (ENOSPC) leaves every earlier deck and the manifest as they were${mountNote}`,
    async () => {
      const root = copyProject();
      addTinyDecks(root, ['t1', 't2']);
      const disk = mountTmpfs(root, '400k');
      if (!('dir' in disk)) throw new Error(disk.reason);
      const out = path.join(disk.dir, 'output');
      expect((await runMain(['--out', out, 'build', '--deck', 't1', 't2'], root)).status).toBe(0);
      const before = [...snapshot(deckFiles(out, ['t1', 't2'])), readFileSync(path.join(out, 'manifest.json'), 'utf8')];
      // Fill the disk but for room for about one more deck: the old code wrote t1, failed on t2 and left no manifest.
      const free = (): number =>
        Number(
          spawnSync('df', ['--output=avail', '-B1', disk.dir], { encoding: 'utf8' }).stdout.trim().split('\n').pop(),
        );
      writeFileSync(path.join(disk.dir, 'filler'), Buffer.alloc(Math.max(0, free() - 28 * 1024)));
      changeDecks(root, ['t1', 't2']);
      const run = await runMain(['--out', out, 'build', '--deck', 't1', 't2'], root);
      expect(run.status).toBe(7);
      expect(run.stderr.trim()).toMatch(
        /^trappa: \S+\/output\/t[12]-v0\.2-2004-01-26\.pptx: the disk is full; free some space and run the command again \(ENOSPC\)$/,
      );
      expect([
        ...snapshot(deckFiles(out, ['t1', 't2'])),
        readFileSync(path.join(out, 'manifest.json'), 'utf8'),
      ]).toEqual(before);
      expect(strayTemps(out)).toEqual([]);
    },
  );

  it.skipIf(probe !== undefined)(`a read-only folder (EROFS) changes nothing${mountNote}`, async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    const disk = mountTmpfs(root, '400k');
    if (!('dir' in disk)) throw new Error(disk.reason);
    const out = path.join(disk.dir, 'output');
    expect((await runMain(['--out', out, 'build', '--deck', 't1'], root)).status).toBe(0);
    const before = [...snapshot(deckFiles(out, ['t1'])), readFileSync(path.join(out, 'manifest.json'), 'utf8')];
    expect(spawnSync('mount', ['-o', 'remount,ro', disk.dir]).status).toBe(0);
    changeDecks(root, ['t1']);
    const run = await runMain(['--out', out, 'build', '--deck', 't1'], root);
    expect(run.status).toBe(7);
    expect(run.stderr.trim()).toMatch(
      /^trappa: \S+: the file system is read-only; choose another folder \(--out\) or make it writable \(EROFS\)$/,
    );
    expect([...snapshot(deckFiles(out, ['t1'])), readFileSync(path.join(out, 'manifest.json'), 'utf8')]).toEqual(
      before,
    );
  });
});
