/**
 * Saving while Windows holds a file open (issue #26): PowerPoint keeps an open deck locked, and
 * a rename onto it fails with EPERM, EBUSY or EACCES. The renames here fail exactly that way,
 * through the save's rename seam (no module mocks: vitest runs with isolate: false), first for a
 * few tries (the save waits it out and writes), then for good (every deck, the release folder and
 * the manifest stay exactly as before, no temporary file is left, exit 7 names the file).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSystemError } from '../src/errors.js';
import { renameRetrying, type RenameFn } from '../src/io/rename-retry.js';
import { hashInputs } from '../src/versions/input-hash.js';
import { saveDecks, type DeckToSave } from '../src/versions/save-decks.js';
import { sha256, strayTemps } from './helpers/output-state.js';

/** A rename refused the way Windows refuses one onto an open file. */
const refused = (code: string, from: string, to: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: operation not permitted, rename '${from}' -> '${to}'`), {
    code,
    syscall: 'rename',
    path: from,
    dest: to,
  });

/** Renames refused with `code` while `blocked(to, tryNumber)` says so; counts the tries per target. */
function windowsRename(code: string, blocked: (to: string, tries: number) => boolean) {
  const tries = new Map<string, number>();
  const fn: RenameFn = async (from, to) => {
    const n = (tries.get(to) ?? 0) + 1;
    tries.set(to, n);
    if (blocked(to, n)) throw refused(code, from, to);
    await rename(from, to);
  };
  return { fn, tries };
}

async function deck(out: string, id: string, content: string): Promise<DeckToSave> {
  const bytes = new TextEncoder().encode(content);
  return {
    deckId: id,
    version: '0.1',
    file: path.join(out, `${id}-v0.1.pptx`),
    bytes,
    sha256: sha256(bytes),
    slideCount: 1,
    inputs: [],
    inputsHash: await hashInputs([]),
  };
}

/** Every file below `dir` with its bytes, to compare before and after (an empty folder does not count). */
function snapshot(dir: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) all[path.relative(dir, file)] = readFileSync(file, 'latin1');
  }
  return all;
}

const freshOut = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), 'trappa-winsave-')), 'output');

describe('a rename refused while a file is open (Windows)', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('%s for the first tries: waited out, the file written', async (code) => {
    const out = freshOut();
    const { fn, tries } = windowsRename(code, (_to, n) => n <= 3);
    const a = await deck(out, 'a', 'first');
    await saveDecks(out, [a], { rename: { rename: fn, retryForMs: 5000 } });
    expect(readFileSync(a.file, 'utf8')).toBe('first');
    expect(tries.get(a.file)).toBe(4);
    expect(strayTemps(out)).toEqual([]);
  });

  it('refused for good: every deck and the manifest as before, no temporary file, exit 7 naming the file', async () => {
    const out = freshOut();
    await saveDecks(out, [await deck(out, 'a', 'old a'), await deck(out, 'b', 'old b')]);
    const before = snapshot(out);
    const b = path.join(out, 'b-v0.1.pptx');
    const { fn, tries } = windowsRename('EPERM', (to) => to === b);
    const error = await saveDecks(out, [await deck(out, 'a', 'new a'), await deck(out, 'b', 'new b')], {
      rename: { rename: fn, retryForMs: 300 },
    }).catch((e: unknown) => e);
    // a was already replaced when b was refused: it is put back, as is everything else.
    expect(tries.get(path.join(out, 'a-v0.1.pptx'))).toBeGreaterThanOrEqual(1);
    expect(tries.get(b)).toBeGreaterThan(2);
    expect(snapshot(out)).toEqual(before);
    expect(strayTemps(out)).toEqual([]);
    const shown = fileSystemError(error, (f) => path.relative(out, f));
    expect(shown?.exitCode).toBe(7);
    expect(shown?.message).toBe(
      'b-v0.1.pptx: the file is probably open in PowerPoint (or another program); close it there and run the ' +
        'command again (EPERM)',
    );
  });

  it('a release refused at the manifest: decks, release folder and manifest as before', async () => {
    const out = freshOut();
    await saveDecks(out, [await deck(out, 'a', 'old a')]);
    const before = snapshot(out);
    const manifest = path.join(out, 'manifest.json');
    const { fn } = windowsRename('EBUSY', (to) => to === manifest);
    const error = await saveDecks(out, [await deck(out, 'a', 'new a')], {
      releaseAt: new Date('2026-05-01T10:00:00Z'),
      rename: { rename: fn, retryForMs: 200 },
    }).catch((e: unknown) => e);
    expect(fileSystemError(error)?.message).toMatch(/manifest\.json: the file is probably open in PowerPoint/);
    expect(snapshot(out)).toEqual(before);
    expect(strayTemps(out)).toEqual([]);
  });

  it('other systems do not wait: a refused rename fails at once with its own meaning', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trappa-winsave-'));
    const { fn, tries } = windowsRename('EACCES', () => true);
    const error = await renameRetrying(path.join(dir, 'x'), path.join(dir, 'y'), { rename: fn, retryForMs: 0 }).catch(
      (e: unknown) => e,
    );
    expect(tries.get(path.join(dir, 'y'))).toBe(1);
    expect(fileSystemError(error)?.message).toMatch(/permission denied; choose another folder/);
  });
});
