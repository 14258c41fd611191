/**
 * LibreOffice is a process tree (issue #26): the `soffice` launcher starts `soffice.bin`, which
 * does the work. A conversion that times out must end the whole tree, not only the launcher:
 * a surviving soffice.bin keeps the profile and the output folder busy (on Windows, locked).
 * The conversion here is a batch of forty real decks with a 4-second limit: the real soffice.bin
 * is at work when the time runs out (a named pipe, tried first, is refused at once by some
 * LibreOffice builds instead of hanging). The process table is read before and after.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { TrappaError } from '../src/errors.js';
import { runProcess } from '../src/post/run-process.js';
import { convertManyWithSoffice } from '../src/post/soffice.js';
import { copyBuiltProject } from './helpers/project.js';
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
      const project = await copyBuiltProject(['strategi']);
      const deck = readdirSync(path.join(project, 'output')).find((f) => f.endsWith('.pptx'))!;
      const dir = mkdtempSync(path.join(os.tmpdir(), 'trappa-soffice-tree-'));
      const decks = Array.from({ length: 40 }, (_, i) => path.join(dir, `deck-${i}.pptx`));
      for (const copy of decks) copyFileSync(path.join(project, 'output', deck), copy);
      const out = path.join(dir, 'out');
      const conversion = convertManyWithSoffice(decks, out, 'pdf', { timeoutMs: 4_000 }).catch((e: unknown) => e);
      let seen: string[] = [];
      for (let i = 0; i < 40 && !seen.some((p) => p.includes('soffice.bin')); i++) {
        await sleep(100);
        seen = processesWith(out);
      }
      // The worker process was there, converting, before the time ran out.
      expect(
        seen.some((p) => p.includes('soffice.bin')),
        seen.join('\n'),
      ).toBe(true);
      const error = await conversion;
      expect(error).toBeInstanceOf(TrappaError);
      expect((error as Error).message).toContain('no result after 4 s, killed it');
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
