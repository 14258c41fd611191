/**
 * Releases are recorded twice and trusted once (issue #10): deleting output/manifest.json or
 * editing an entry's status let a changed build replace a released file with exit 0, although
 * output/releases/<deck>-v<version>/ still recorded the release. And the input hash ignores
 * what cannot change a deck: a comment or whitespace edit made `send` refuse a released deck
 * as "older than its data", and the suggested build answered "unchanged", forever.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseDecks } from '../src/commands/release.js';
import { readManifest } from '../src/versions/manifest.js';
import { copyProject, editFile } from './helpers/project.js';
import { shaOfFile } from './helpers/output-state.js';
import { runMain } from './helpers/in-process.js';

const DECK = 'storledermote';
const FILE = 'output/storledermote-v0.2-2004-02-04.pptx';

async function released(): Promise<{ root: string; sha: string }> {
  const root = copyProject();
  await releaseDecks({ root, decks: [DECK] });
  editFile(root, `data/decks/${DECK}.yaml`, /place: .*/, 'place: Verdal rådhus');
  return { root, sha: shaOfFile(path.join(root, FILE)) };
}

describe('a release snapshot protects its version whatever happens to the manifest', () => {
  it('manifest.json deleted: a changed build is refused and the manifest is rebuilt from the record', async () => {
    const { root, sha } = await released();
    rmSync(path.join(root, 'output/manifest.json'));
    const run = await runMain(['build', '--deck', DECK], root);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('storledermote v0.2 was released on');
    expect(shaOfFile(path.join(root, FILE))).toBe(sha);
    expect((await readManifest(path.join(root, 'output'))).entries[`${DECK}@0.2`]).toMatchObject({
      status: 'released',
      sha256: sha,
    });
  });

  it('status edited to draft, releasedAt removed, sha256 changed: still refused', async () => {
    const { root, sha } = await released();
    const file = path.join(root, 'output/manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, Record<string, unknown>> };
    const entry = manifest.entries[`${DECK}@0.2`]!;
    entry.status = 'draft';
    delete entry.releasedAt;
    entry.sha256 = '0'.repeat(64);
    writeFileSync(file, JSON.stringify(manifest));
    const run = await runMain(['build', '--deck', DECK], root);
    expect(run.status).toBe(3);
    expect(shaOfFile(path.join(root, FILE))).toBe(sha);
  });

  it('the released file replaced by hand: a build of the released data restores it', async () => {
    const { root, sha } = await released();
    editFile(root, `data/decks/${DECK}.yaml`, 'place: Verdal rådhus', 'place: Levanger rådhus');
    writeFileSync(path.join(root, FILE), 'not a deck');
    expect((await runMain(['build', '--deck', DECK], root)).status).toBe(0);
    expect(shaOfFile(path.join(root, FILE))).toBe(sha);
  });
});

describe('the input hash ignores what cannot change a deck', () => {
  it('comments, blank lines, indentation and quoting: same hash, send goes ahead, build says unchanged', async () => {
    const root = copyProject();
    await releaseDecks({ root, decks: [DECK] });
    const before = (await readManifest(path.join(root, 'output'))).entries[`${DECK}@0.2`]!.inputsHash;
    editFile(
      root,
      `data/decks/${DECK}.yaml`,
      /place: (.*)/,
      (_m, place: string) => `place: "${place}"   # moved here in January\n\n`,
    );
    editFile(root, 'data/strategy.yaml', /^mainMessage:/m, '# Hovedbudskapet, vedtatt i januar\nmainMessage:');
    const dry = await runMain(['send', '--deck', DECK, '--dry-run'], root);
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    const build = await runMain(['build', '--deck', DECK], root);
    expect(build.status).toBe(0);
    expect(build.stdout).toContain('unchanged');
    expect((await readManifest(path.join(root, 'output'))).entries[`${DECK}@0.2`]!.inputsHash).toBe(before);
  });

  it('a real change still says "older than its data", and the build it suggests ends that', async () => {
    const root = copyProject();
    expect((await runMain(['build', '--deck', 'ansatte'], root)).status).toBe(0);
    editFile(root, 'data/decks/ansatte.yaml', '- Din tillitsvalgte', '- Din tillitsvalgte eller verneombud');
    expect((await runMain(['send', '--deck', 'ansatte', '--dry-run'], root)).stderr).toContain(
      'is older than its data or templates',
    );
    expect((await runMain(['build', '--deck', 'ansatte'], root)).status).toBe(0);
    const again = await runMain(['send', '--deck', 'ansatte', '--dry-run'], root);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
  });
});
