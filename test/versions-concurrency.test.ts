import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FrozenVersionError } from '../src/errors.js';
import { saveDecks } from '../src/versions/save-decks.js';
import { buildDecks } from '../src/build-deck.js';
import { copyProject, runCliAsync } from './helpers/project.js';
import {
  addTinyDecks,
  expectNothingPartial,
  expectReleasesIntact,
  manifestOnDisk,
  shaOfFile,
  strayTemps,
} from './helpers/output-state.js';

const REPEAT = Number(process.env.TRAPPA_TEST_REPEAT ?? 20);

const cli = (args: string[], cwd: string) => runCliAsync(args, cwd);

describe('concurrent builds and releases in one output folder', () => {
  it(`keep every entry, every sha and every release (${REPEAT} rounds of three commands at once)`, async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1', 't2', 't3']);
    for (let round = 0; round < REPEAT; round++) {
      const out = path.join(root, `out-${round}`);
      // Even rounds: two builds beside a release; odd rounds: a build beside two releases.
      const second = round % 2 === 0 ? 'build' : 'release';
      const runs = await Promise.all([
        cli(['--out', out, 'build', '--deck', 't1'], root),
        cli(['--out', out, second, '--deck', 't2'], root),
        cli(['--out', out, 'release', '--deck', 't3'], root),
      ]);
      for (const run of runs) expect(run.status, run.stderr).toBe(0);
      const { entries } = manifestOnDisk(out);
      expect(Object.keys(entries).sort(), `round ${round}`).toEqual(['t1@0.2', 't2@0.2', 't3@0.2']);
      for (const e of Object.values(entries))
        expect(shaOfFile(path.join(out, e.file)), `round ${round} ${e.file}`).toBe(e.sha256);
      const released = second === 'release' ? ['t2', 't3'] : ['t3'];
      for (const id of ['t1', 't2', 't3'])
        expect(entries[`${id}@0.2`]!.status, `round ${round} ${id}`).toBe(released.includes(id) ? 'released' : 'draft');
      expect((await expectReleasesIntact(out)).map((r) => r.deckId).sort()).toEqual(released);
      expectNothingPartial(out);
      expect(strayTemps(out)).toEqual([]);
    }
    // After all that, a changed build of a released deck is still refused, in every folder.
    const [deck] = (await buildDecks({ root, decks: ['t3'], dryRun: true, outDir: path.join(root, 'out-0') })).decks;
    const changed = { ...deck!, bytes: new Uint8Array([1, 2, 3]), sha256: 'f'.repeat(64) };
    for (let round = 0; round < REPEAT; round++) {
      await expect(saveDecks(path.join(root, `out-${round}`), [changed])).rejects.toBeInstanceOf(FrozenVersionError);
    }
  });

  it('a build and a release of the same deck at once end with one consistent, released record', async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    for (let round = 0; round < Math.max(3, Math.ceil(REPEAT / 4)); round++) {
      const out = path.join(root, `same-${round}`);
      const runs = await Promise.all([
        cli(['--out', out, 'build', '--deck', 't1'], root),
        cli(['--out', out, 'release', '--deck', 't1'], root),
      ]);
      for (const run of runs) expect(run.status, run.stderr).toBe(0);
      const entry = manifestOnDisk(out).entries['t1@0.2']!;
      expect(entry.status).toBe('released');
      expect(shaOfFile(path.join(out, entry.file))).toBe(entry.sha256);
      const [record] = await expectReleasesIntact(out);
      expect(record!.sha256).toBe(entry.sha256);
    }
  });
});
