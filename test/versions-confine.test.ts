/**
 * Paths read from files stay inside their folder (issue #10): a release record cannot make
 * `build --from-release` write outside its temporary folder, a manifest entry cannot make the
 * draft-replacement step delete outside output/, a deck id cannot lead out either.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseDecks } from '../src/commands/release.js';
import { buildDecks } from '../src/build-deck.js';
import { confinePath, confineRelative } from '../src/io/confine.js';
import { copyProject } from './helpers/project.js';
import { addTinyDecks } from './helpers/output-state.js';
import { runMain } from './helpers/in-process.js';

const RECORD = 'output/releases/t1-v0.2/release.json';

/** A project with t1 released, and a deep TMPDIR so `../` from a temporary folder lands inside the test folder. */
async function releasedProject(): Promise<{ root: string; tmp: string; record: Record<string, unknown> }> {
  const root = copyProject();
  addTinyDecks(root, ['t1']);
  await releaseDecks({ root, decks: ['t1'] });
  const tmp = path.join(root, 'a', 'b', 'c');
  mkdirSync(tmp, { recursive: true });
  return { root, tmp, record: JSON.parse(readFileSync(path.join(root, RECORD), 'utf8')) as Record<string, unknown> };
}

const editRecord = (root: string, record: Record<string, unknown>, change: Record<string, unknown>): void =>
  writeFileSync(path.join(root, RECORD), JSON.stringify({ ...record, ...change }));

describe('build --from-release confines the paths of release.json', () => {
  it('refuses a file that leads out of the snapshot or the temporary folder, and writes nothing', async () => {
    const { root, tmp, record } = await releasedProject();
    // Old code: copies output/escaped.txt to <tmp>/<trappa-release-…>/../../../escaped.txt = <root>/a/escaped.txt.
    writeFileSync(path.join(root, 'output/escaped.txt'), 'planted');
    editRecord(root, record, { files: [...(record.files as string[]), '../../../escaped.txt'] });
    const run = await runMain(['build', '--from-release', 't1@0.2'], root, { TMPDIR: tmp });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /output\/releases\/t1-v0\.2\/release\.json files\.\d+ \('\.\.\/\.\.\/\.\.\/escaped\.txt'\): must be a path inside data\/, templates\/ or assets\//,
    );
    expect(existsSync(path.join(root, 'a/escaped.txt'))).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('refuses a deck id that would put the temporary folder elsewhere', async () => {
    const { root, tmp, record } = await releasedProject();
    editRecord(root, record, { deckId: '../../../escaped-dir' });
    const run = await runMain(['build', '--from-release', path.join(root, 'output/releases/t1-v0.2')], root, {
      TMPDIR: tmp,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('release.json deckId');
    expect(readdirSync(path.join(root, 'a'))).toEqual(['b']);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('refuses an input that is a link to a file outside the snapshot', async () => {
    const { root, tmp } = await releasedProject();
    const secret = path.join(root, 'secret.yaml');
    writeFileSync(secret, 'id: t1\n');
    const input = path.join(root, 'output/releases/t1-v0.2/inputs/data/decks/t1.yaml');
    rmSync(input);
    symlinkSync(secret, input);
    const run = await runMain(['build', '--from-release', 't1@0.2'], root, { TMPDIR: tmp });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("'data/decks/t1.yaml' is a link that leads outside the snapshot");
  });
});

describe('the manifest cannot name a file outside output/', () => {
  it('a draft entry whose file is ../victim.pptx is never deleted; the manifest is rebuilt and kept aside', async () => {
    const root = copyProject();
    addTinyDecks(root, ['t1']);
    await buildDecks({ root, decks: ['t1'] });
    const manifestFile = path.join(root, 'output/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { entries: Record<string, { file: string }> };
    manifest.entries['t1@0.2']!.file = '../victim.pptx';
    writeFileSync(manifestFile, JSON.stringify(manifest));
    writeFileSync(path.join(root, 'victim.pptx'), 'precious');
    const run = await runMain(['build', '--deck', 't1'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'victim.pptx'), 'utf8')).toBe('precious');
    expect(readdirSync(path.join(root, 'output')).some((f) => f.startsWith('manifest.damaged-'))).toBe(true);
  });

  it('a release spec with a path-like deck id is no release', async () => {
    const root = copyProject();
    const run = await runMain(['build', '--from-release', '..@0.2'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("'..@0.2' is not a release");
  });
});

describe('confinePath, shared with image paths', () => {
  it.each([
    ['', 'empty'],
    ['a\0b', 'nul'],
    ['/etc/passwd', 'absolute'],
    ['C:\\Windows\\x', 'absolute'],
    ['..', 'outside'],
    ['a/../../b', 'outside'],
    ['..\\..\\b', 'outside'],
  ])('%j is refused (%s)', (file, reason) => {
    expect(confineRelative(file)).toEqual({ ok: false, reason });
  });

  it('keeps a path that stays inside, normalised', () => {
    const root = copyProject();
    expect(confinePath(root, 'data/./decks/../strategy.yaml')).toEqual({
      ok: true,
      path: path.join(root, 'data/strategy.yaml'),
      relative: 'data/strategy.yaml',
    });
  });
});
