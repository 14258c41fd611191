/**
 * The live check is bounded (issue #27): it builds every deck in memory after each pause in
 * typing, which on a 2 MB strategy took ~100 s of CPU and 1.3 GB. A project above the size
 * bound is not checked while editing, and a check that needs more heap than its worker has
 * ends that worker, not the Studio: either way the page is told, in the Studio's language and
 * at the largest data file, to run `trappa check`. The bounds are set low here so the bundled
 * project meets them; studio-bounded.test.ts meets the default ones with a 2 MB strategy, and
 * studio-e2e.test.ts the default check of the bundled project (its findings at the field).
 */
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../src/studio/server.js';
import { call, loadedFile } from './helpers/studio-http.js';
import { projectCopy, removeAll, startStudioProcess } from './helpers/studio.js';

const STRATEGY = 'data/strategy.yaml';
let root: string | undefined;
let studio: Studio | undefined;

afterEach(async () => {
  await studio?.close();
  if (root) removeAll(root);
  studio = undefined;
  root = undefined;
});

/** A check as the page asks for it: the profile typed in, sent as a change of its version. */
async function checkTyped(running: Studio) {
  const { version } = await loadedFile(running, STRATEGY);
  const changes = { [STRATEGY]: { version, changes: [{ path: ['profile', 0], value: 'Samarbeid som synes' }] } };
  return call(running, 'POST', '/api/check', { changes });
}

describe('the live check on a project too large for it', () => {
  it('is not run above the size bound: the page is told at the largest file, in the Studio’s language', async () => {
    root = projectCopy();
    studio = await startStudio({ root, lang: 'nn', checkBounds: { bytes: 4096, heapMb: 256 } });
    const answer = await checkTyped(studio);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ skipped: true, decks: [] });
    const [issue] = answer.json.issues as Array<{ file: string; message: string; severity: string }>;
    // The bundled project's data is some 15 KB; the strategy is its largest file.
    expect(issue).toMatchObject({ file: STRATEGY, severity: 'warning' });
    expect(issue!.message).toMatch(/^Prosjektet er for stort til å sjekkast medan du skriv \(\d+ KB data\)/);
    expect(issue!.message).toContain('«trappa check»');
    // The live slides are not bounded by it: the edit still reaches them.
    const { version } = await loadedFile(studio, STRATEGY);
    const changes = { [STRATEGY]: { version, changes: [{ path: ['profile', 0], value: 'Samarbeid som synes' }] } };
    const rendered = await call(studio, 'POST', '/api/render', { changes, decks: ['strategi'] });
    const svgs = (rendered.json.decks as Array<{ slides: Array<{ svg: string }> }>)[0]!.slides.map((s) => s.svg);
    expect(svgs.some((svg) => svg.includes('Samarbeid som synes'))).toBe(true);
  }, 120_000);

  it('ends a check that needs more heap than its worker has, says so, and checks again afterwards', async () => {
    root = projectCopy();
    // 8 MB of heap: not enough to load the check's stages at all, so its worker runs out.
    studio = await startStudio({ root, lang: 'en', checkBounds: { bytes: 1024 ** 3, heapMb: 8 } });
    for (let round = 0; round < 2; round++) {
      const answer = await checkTyped(studio);
      expect(answer.status).toBe(200);
      expect(answer.json.skipped).toBe(true);
      const [issue] = answer.json.issues as Array<{ file: string; message: string }>;
      expect(issue).toMatchObject({ file: STRATEGY });
      expect(issue!.message).toContain('too large to check while editing (the check needed more than 8 MB of memory)');
    }
    // The Studio and its slides' worker go on.
    expect((await call(studio, 'GET', '/api/versions')).status).toBe(200);
    const rendered = await call(studio, 'POST', '/api/render', { decks: ['strategi'] });
    expect(rendered.status).toBe(200);
    expect((rendered.json.decks as unknown[]).length).toBe(1);
  }, 120_000);

  it('runs the check in a process of its own, which ends with the Studio even when that is killed', async () => {
    root = projectCopy();
    const running = await startStudioProcess(root);
    try {
      // Enough of a Studio for the request helper: its address and port.
      const asStudio = { url: running.url, port: Number(new URL(running.url).port) } as Studio;
      const answer = await checkTyped(asStudio);
      expect(answer.status).toBe(200);
      expect(answer.json.skipped).toBeUndefined();
      const checkers = childrenOf(running.child.pid!).filter((pid) => commandOf(pid).includes('studio-worker'));
      expect(checkers).toHaveLength(1);
      const killed = once(running.child, 'exit');
      running.child.kill('SIGKILL');
      await killed;
      // The check process hears its channel close: no orphan left running on the user's machine.
      for (let waited = 0; waited < 10_000 && alive(checkers[0]!); waited += 100) await sleep(100);
      expect(alive(checkers[0]!)).toBe(false);
    } finally {
      await running.stop();
    }
  }, 120_000);
});

/** The processes whose parent is `pid` (Linux's /proc). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // pid (comm) state ppid …: the command may hold spaces and parentheses, so read after the last ')'.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

/** Still running: a zombie (ended, not yet reaped by a parent that is gone) counts as ended. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
