/**
 * io/save-file.ts, the one way Trappa writes a file whole and makes folders: on real folders,
 * /proc and links (no mocks). The CLI's side of it (exit 7, one line naming the folder) is in
 * os-errors.test.ts and code-cache.test.ts.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSystemError } from '../src/errors.js';
import { makeFolder, makeFolderSync, writeCacheFile, writeFileWholeSync } from '../src/io/save-file.js';
import { REPO, TSX_LOADER } from './helpers/project.js';

/** strace can make the kernel refuse link() as FAT and exFAT do (EPERM): a real syscall refused, not a mock. */
const strace = spawnSync('strace', ['-V']).status === 0;

const work = (): string => mkdtempSync(path.join(tmpdir(), 'trappa-save-file-'));

/** What `run` threw, for asserting on its code, path and the CLI's wording of it. */
function thrown(run: () => unknown): NodeJS.ErrnoException {
  try {
    run();
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
  throw new Error('nothing was thrown');
}

describe('makeFolderSync', () => {
  it('makes every missing folder with the mode asked, and takes one that is there', async () => {
    const dir = path.join(work(), 'a', 'b', 'c');
    makeFolderSync(dir, 0o700);
    makeFolderSync(dir, 0o700);
    await makeFolder(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(statSync(path.dirname(dir)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!existsSync('/proc/self'))('under /proc: an error naming the first folder refused, not a loop', () => {
    const error = thrown(() => makeFolderSync('/proc/self/trappa-x/y/z'));
    expect(error.code).toBe('ENOENT');
    expect(error.path).toBe('/proc/self/trappa-x');
    expect(fileSystemError(error)?.message).toBe(
      '/proc/self/trappa-x: no folder can be made here (its parent takes none, as /proc, a link to a missing folder or a drive that is not there); choose another folder (ENOENT)',
    );
  });

  it('through a link to a missing folder: the same error, naming the link', () => {
    const root = work();
    symlinkSync(path.join(root, 'gone'), path.join(root, 'link'));
    const error = thrown(() => makeFolderSync(path.join(root, 'link', 'sub')));
    expect(error.path).toBe(path.join(root, 'link'));
    expect(fileSystemError(error)?.message).toMatch(/no folder can be made here/);
  });

  it('a file in the way: EEXIST or ENOTDIR, as the OS says', () => {
    const root = work();
    writeFileSync(path.join(root, 'file'), 'x');
    expect(thrown(() => makeFolderSync(path.join(root, 'file'))).code).toBe('EEXIST');
    expect(thrown(() => makeFolderSync(path.join(root, 'file', 'sub'))).code).toBe('ENOTDIR');
  });
});

describe('writeFileWholeSync and writeCacheFile', () => {
  it('write the file whole with its mode, making its folder, and leave no temporary file', async () => {
    const root = work();
    const file = path.join(root, 'store', 'key');
    writeFileWholeSync(file, 'one', { mode: 0o600, folderMode: 0o700 });
    writeFileWholeSync(file, 'two', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    await writeCacheFile(path.join(root, 'store', 'entry'), Buffer.from('three'));
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['entry', 'key']);
  });

  it('exclusive: makes the file only where there is none, and leaves the one there as it was', () => {
    const file = path.join(work(), 'key');
    writeFileWholeSync(file, 'first', { exclusive: true });
    const error = thrown(() => writeFileWholeSync(file, 'second', { exclusive: true }));
    expect(error.code).toBe('EEXIST');
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(path.dirname(file))).toEqual(['key']);
  });

  it.skipIf(!strace)(
    'exclusive on a file system without hard links (link refused, EPERM): the file is still made',
    () => {
      const file = path.join(work(), 'key');
      const code = `const { writeFileWholeSync } = await import(${JSON.stringify(path.join(REPO, 'src/io/save-file.ts'))});
      writeFileWholeSync(${JSON.stringify(file)}, 'made', { exclusive: true });`;
      const run = spawnSync(
        'strace',
        [
          '-f',
          '-qq',
          '-o',
          '/dev/null',
          '-P',
          file,
          '-e',
          'trace=link,linkat',
          '-e',
          'inject=link,linkat:error=EPERM',
          process.execPath,
          '--import',
          TSX_LOADER,
          '--input-type=module',
          '-e',
          code,
        ],
        { encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      expect(readFileSync(file, 'utf8')).toBe('made');
      expect(readdirSync(path.dirname(file))).toEqual(['key']);
    },
  );

  it('a folder where the file should be: the OS error names the target, not the temporary file', async () => {
    const root = work();
    mkdirSync(path.join(root, 'taken', 'inside'), { recursive: true });
    const error = thrown(() => writeFileWholeSync(path.join(root, 'taken'), 'x'));
    expect(error.path).toBe(path.join(root, 'taken'));
    expect(fileSystemError(error)?.message).toMatch(/^\/.*taken: .*\(EISDIR\)$/);
    await expect(writeCacheFile(path.join(root, 'taken'), 'x')).rejects.toMatchObject({
      path: path.join(root, 'taken'),
    });
    expect(readdirSync(root)).toEqual(['taken']);
  });
});
