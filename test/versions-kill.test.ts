import { appendFileSync, cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { FrozenVersionError } from '../src/errors.js';
import { loadManifest } from '../src/versions/manifest.js';
import { readRecords } from '../src/versions/records.js';
import { saveDecks } from '../src/versions/save-decks.js';
import { PASSWORD, smtpEnv, USER } from './email-fixtures.js';
import { generateCertificate, startTestServer } from './email-test-server.js';
import { type AsyncCliRun, copyProject, editFile, runCliAsync } from './helpers/project.js';
import {
  addTinyDecks,
  expectNothingPartial,
  expectReleasesIntact,
  manifestOnDisk,
  shaOfFile,
  strayTemps,
} from './helpers/output-state.js';

const KILLS = Number(process.env.TRAPPA_TEST_KILLS ?? 20);
// A killed process's lock is taken over after 2 s instead of 10, so the rounds stay short.
const CHILD_ENV = { TRAPPA_LOCK_STALE_MS: '2000' };
// and for the saves this test makes in-process (vitest.config.ts undoes it after each test)
beforeEach(() => void vi.stubEnv('TRAPPA_LOCK_STALE_MS', '2000'));

/** Runs the CLI and kills it with SIGKILL after `killAfterMs` (never, when undefined). */
function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv, killAfterMs?: number): Promise<AsyncCliRun> {
  return runCliAsync(args, cwd, { ...CHILD_ENV, ...env }, { killAfterMs });
}

/**
 * Round 0 is always killed early (so every test has a kill); even rounds anywhere over a whole
 * run, odd rounds in its second half, where the saving (and the sending) happens.
 */
function killDelay(round: number, fullRunMs: number): number {
  if (round === 0) return 30;
  const [from, to] = round % 2 === 0 ? [0, 1.2] : [0.5, 1.1];
  return Math.floor((from + Math.random() * (to - from)) * fullRunMs);
}

/** The same deck with other bytes: what a changed build would try to save. */
const changed = (deck: BuiltDeck) => ({ ...deck, bytes: new Uint8Array([9, 9, 9]), sha256: 'e'.repeat(64) });

describe('kill -9 during build', () => {
  it(`leaves whole files, the release untouched, and nothing a later build ignores (${KILLS} kills)`, async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1', 't2']);
    const out = path.join(root, 'output');
    expect((await cli(['release', '--deck', 't2'], root, {})).status).toBe(0);
    const [released] = await expectReleasesIntact(out);
    const full = await cli(['build', '--deck', 't1', 't2'], root, {});
    expect(full.status, full.stderr).toBe(0);
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      // t1 changes every round, so every build has a draft to write; t2 stays released.
      writeFileSync(
        path.join(root, 'data/decks/t1.yaml'),
        `id: t1\naudience: { name: Publikum ${i}, groups: [] }\nslides: [what-why]\n`,
      );
      const run = await cli(['build', '--deck', 't1', 't2'], root, {}, killDelay(i, full.ms));
      if (run.signal === 'SIGKILL') killed++;
      else expect(run.status, run.stderr).toBe(0);
      expectNothingPartial(out);
      expect(shaOfFile(path.join(out, released!.file!))).toBe(released!.sha256);
    }
    expect(killed).toBeGreaterThan(0);
    const last = await cli(['build', '--deck', 't1', 't2'], root, {});
    expect(last.status, last.stderr).toBe(0);
    expect(strayTemps(out)).toEqual([]);
    await expectReleasesIntact(out);
    for (const e of Object.values(manifestOnDisk(out).entries))
      expect(shaOfFile(path.join(out, e.file))).toBe(e.sha256);
  });
});

describe('kill -9 during release', () => {
  it(`leaves either no release or a whole one, and a later release completes it (${KILLS} kills)`, async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1', 't2']);
    const { decks } = await buildDecks({ root, decks: ['t1', 't2'], dryRun: true });
    const full = await cli(['--out', path.join(root, 'timing'), 'release', '--deck', 't1', 't2'], root, {});
    expect(full.status, full.stderr).toBe(0);
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const out = path.join(root, `out-${i}`);
      const run = await cli(['--out', out, 'release', '--deck', 't1', 't2'], root, {}, killDelay(i, full.ms));
      if (run.signal === 'SIGKILL') killed++;
      expectNothingPartial(out);
      // Whatever was recorded as released is there with exactly its bytes, and stays frozen.
      for (const record of await expectReleasesIntact(out)) {
        const deck = decks.find((d) => d.deckId === record.deckId)!;
        await expect(
          saveDecks(out, [{ ...changed(deck), file: path.join(out, path.basename(deck.file)) }]),
        ).rejects.toBeInstanceOf(FrozenVersionError);
      }
      // The next release finishes the job and clears what the killed one left.
      const again = await saveDecks(
        out,
        decks.map((d) => ({ ...d, file: path.join(out, path.basename(d.file)) })),
        { releaseAt: new Date() },
      );
      expect(again.map((s) => s.entry.status)).toEqual(['released', 'released']);
      expect(strayTemps(out)).toEqual([]);
      expect((await expectReleasesIntact(out)).length).toBe(2);
    }
    expect(killed).toBeGreaterThan(0);
  });
});

describe('kill -9 during send', () => {
  it(`a deck that reached the server is always frozen (${KILLS} kills)`, async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    appendFileSync(
      path.join(root, 'data/decks/t1.yaml'),
      'distribution:\n  to: [{ name: Testmottaker, email: test@example.no }]\n',
    );
    const base = path.join(root, 'base');
    const [deck] = (await buildDecks({ root, decks: ['t1'], outDir: base })).decks;
    const certificate = await generateCertificate();
    const server = await startTestServer({ certificate, user: USER, password: PASSWORD });
    onTestFinished(() => server.close());
    const env = await smtpEnv(root, server.port, certificate);
    cpSync(base, path.join(root, 'timing'), { recursive: true });
    const full = await cli(['--out', path.join(root, 'timing'), 'send', '--deck', 't1'], root, env);
    expect(full.status, full.stderr).toBe(0);
    expect(server.messages).toHaveLength(1);
    expect((await loadManifest(path.join(root, 'timing'))).manifest.entries['t1@0.2']!.sentAt).toBeDefined();
    let delivered = 0;
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const out = path.join(root, `out-${i}`);
      cpSync(base, out, { recursive: true });
      const before = server.messages.length;
      const run = await cli(['--out', out, 'send', '--deck', 't1'], root, env, killDelay(i, full.ms));
      if (run.signal === 'SIGKILL') killed++;
      await sleep(200); // a message whose data was sent may still be accepted after the client died
      expectNothingPartial(out);
      if (server.messages.length === before) continue;
      delivered++;
      const entry = (await loadManifest(out)).manifest.entries['t1@0.2']!;
      // Frozen before the hand-over; sentAt follows only a 250 the killed client may not have read.
      expect(entry.frozenAt, `round ${i}`).toBeDefined();
      const { records } = await readRecords(out);
      expect(records.find((r) => r.deckId === 't1')).toMatchObject({
        sha256: deck!.sha256,
        file: path.basename(deck!.file),
      });
      // Even with the manifest gone, a changed build cannot replace what the recipient has.
      editFile(out, 'manifest.json', /"(sentAt|frozenAt)": "[^"]*",?/g, '');
      await expect(
        saveDecks(out, [{ ...changed(deck!), file: path.join(out, path.basename(deck!.file)) }]),
      ).rejects.toBeInstanceOf(FrozenVersionError);
    }
    expect(killed).toBeGreaterThan(0);
    console.info(
      `kill -9 during send: ${killed} of ${KILLS} runs killed, ${delivered} delivered before or despite the kill`,
    );
  });
});
