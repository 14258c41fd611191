/**
 * The output folder's lock: one holder at a time, and a holder killed with SIGKILL does not
 * make the next command wait for the lock to go stale (the owner file names its process).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportError } from '../src/commands/report-error.js';
import { LockBusyError, withOutputLock } from '../src/versions/lock.js';
import { REPO, TSX_LOADER } from './helpers/project.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'trappa-lock-'));
  dirs.push(d);
  return d;
};

/** A child process that takes the lock, says so, and then holds it until it is killed. */
function holdInChild(folder: string): Promise<ReturnType<typeof spawn>> {
  const lock = path.join(REPO, 'src/versions/lock.ts');
  const script = `import { withOutputLock } from ${JSON.stringify(lock)};
    await withOutputLock(${JSON.stringify(folder)}, async () => { console.log('held'); await new Promise(() => setInterval(() => {}, 1000)); });`;
  const child = spawn(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve(child));
    child.on('exit', (code) => reject(new Error(`the child exited (${code}) before holding the lock`)));
  });
}

describe('the output lock', () => {
  it('waits for a live holder, and gives up with a plain message after waitMs', async () => {
    const folder = tempDir();
    const child = await holdInChild(folder);
    try {
      const error = await withOutputLock(folder, async () => 'mine', { waitMs: 600, staleMs: 60_000 }).catch((e) => e);
      expect(error).toBeInstanceOf(LockBusyError);
      // What the user sees: one plain line and exit 1, not an internal error with a stack.
      const printed: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((line: unknown) => void printed.push(String(line)));
      expect(reportError(error)).toBe(1);
      expect(printed).toEqual([expect.stringMatching(/^trappa: another Trappa command is working in .*; wait for it/)]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over at once from a holder killed with SIGKILL, long before the lock would go stale', async () => {
    const folder = tempDir();
    const child = await holdInChild(folder);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(path.join(folder, '.trappa.lock'))).toBe(true);
    // Staleness alone would take 60 s; the lock must be taken well inside the 5 s of waiting.
    await expect(withOutputLock(folder, async () => 'mine', { waitMs: 5000, staleMs: 60_000 })).resolves.toBe('mine');
    expect(existsSync(path.join(folder, '.trappa.lock'))).toBe(false);
    expect(existsSync(path.join(folder, '.trappa.lock.owner'))).toBe(false);
  });
});
