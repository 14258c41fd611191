/**
 * LibreOffice is a process tree (issue #26): the `soffice` launcher starts `soffice.bin`, which
 * does the work. A conversion that times out must end the whole tree, not only the launcher:
 * a surviving soffice.bin keeps the profile and the output folder busy (on Windows, locked).
 * The conversion here reads a named pipe nobody writes to, so the real soffice.bin hangs in it
 * until the time limit; the process table is read before and after.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TrappaError } from '../src/errors.js';
import { runProcess } from '../src/post/run-process.js';
import { convertManyWithSoffice } from '../src/post/soffice.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

/** Command lines of the running processes that mention `marker` (the process table, via ps). */
function processesWith(marker: string): string[] {
  const table = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return table.split('\n').filter((line) => line.includes(marker) && !line.includes('ps -eo'));
}

describe.skipIf(process.platform === 'win32' || missingTool('LibreOffice', hasSoffice))(
  'a LibreOffice conversion that times out',
  () => {
    it('ends soffice.bin and every other process of that run, and leaves no staging folder', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'trappa-soffice-tree-'));
      const pipe = path.join(dir, 'hangs.pptx');
      execFileSync('mkfifo', [pipe]);
      const out = path.join(dir, 'out');
      const conversion = convertManyWithSoffice([pipe], out, 'pdf', { timeoutMs: 10_000 }).catch((e: unknown) => e);
      let seen: string[] = [];
      for (let i = 0; i < 150 && !seen.some((p) => p.includes('soffice.bin')); i++) {
        await sleep(100);
        seen = processesWith(out);
      }
      // The worker process was there, reading the pipe, before the time ran out.
      expect(
        seen.some((p) => p.includes('soffice.bin')),
        seen.join('\n'),
      ).toBe(true);
      const error = await conversion;
      expect(error).toBeInstanceOf(TrappaError);
      expect((error as Error).message).toContain('no result after 10 s, killed it');
      expect(processesWith(out)).toEqual([]);
      expect(processesWith(dir)).toEqual([]);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    });
  },
);

describe.skipIf(process.platform === 'win32')('a program that started its own children, timed out', () => {
  it('is ended with all of them: a child that outlives its parent is killed too', async () => {
    // `sleep N &` is a grandchild the launcher does not wait for, as soffice.bin is to its launcher;
    // killing only the launcher leaves it (and the promise: it holds the output pipe).
    const marker = `${300 + Math.floor(Math.random() * 1000)}.${process.pid}`;
    const run = await runProcess('sh', ['-c', `sleep ${marker} & sleep ${marker}`], 1000);
    expect(run.timedOut).toBe(true);
    expect(processesWith(`sleep ${marker}`)).toEqual([]);
  });
});
