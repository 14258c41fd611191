/**
 * makeFolderSync (src/io/save-file.ts) on a drive that is not there: Windows says ENOENT for
 * `Z:\` itself, so the walk up to the first folder that is there reaches the root with nothing
 * to make. That was a bare ENOENT (exit 70, a bug report); it is a located user error (exit 7).
 * No Windows here: mkdirSync answers ENOENT for every folder, the root included, as it does there.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileSystemError } from '../src/errors.js';
import { exitCodes } from '../src/exit-codes.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const missingDrive = (dir: unknown): never => {
    throw Object.assign(new Error(`ENOENT: no such file or directory, mkdir '${String(dir)}'`), {
      code: 'ENOENT',
      syscall: 'mkdir',
      path: String(dir),
    });
  };
  return { ...fs, default: { ...fs, mkdirSync: missingDrive }, mkdirSync: missingDrive };
});

// Workers are shared (vitest.config.ts isolate: false): an earlier file may have loaded save-file.ts with the real fs.
vi.resetModules();
const { makeFolderSync } = await import('../src/io/save-file.js');

describe('makeFolderSync where even the root says ENOENT (a drive that is not there)', () => {
  it('throws a located file-system error naming the root, not a bare ENOENT', () => {
    let thrown: unknown;
    try {
      makeFolderSync(path.join(tmpdir(), `trappa-missing-drive-${process.pid}`, 'decks', 'output'));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as NodeJS.ErrnoException).code).toBe('ENOENT');
    const user = fileSystemError(thrown);
    expect(user?.exitCode).toBe(exitCodes.fileSystem.code);
    expect(user?.message).toBe(
      '/: no folder can be made here (its parent takes none, as /proc, a link to a missing folder or a drive that is not there); choose another folder (ENOENT)',
    );
  });
});
