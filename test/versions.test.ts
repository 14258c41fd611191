/** Versions that are never lost: drafts, release, the frozen-version guard, bump, the manifest and release snapshots. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { releaseDecks } from '../src/commands/release.js';
import { bumpStrategy } from '../src/versions/bump.js';
import { readManifest, type ManifestEntry } from '../src/versions/manifest.js';
import { freezeBeforeSending, recordSent } from '../src/versions/freeze.js';
import { decideVersion } from '../src/versions/decide.js';
import { FrozenVersionError } from '../src/errors.js';
import { copyProject, editFile } from './helpers/project.js';
import { runMain } from './helpers/in-process.js';

const DECK = 'storledermote';
const FILE_02 = 'storledermote-v0.2-2004-02-04.pptx';
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const out = (root: string, file = ''): string => path.join(root, 'output', file);
const movePlace = (root: string, to = 'Verdal rådhus'): void =>
  editFile(root, 'data/decks/storledermote.yaml', /place: .*/, `place: ${to}`);

async function manifestShasMatchFiles(root: string): Promise<void> {
  const manifest = await readManifest(out(root));
  const entries = Object.values(manifest.entries);
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries) expect(sha(out(root, e.file)), e.file).toBe(e.sha256);
}

describe('decideVersion', () => {
  const entry = (over: Partial<ManifestEntry> = {}): ManifestEntry => ({
    deckId: 'd',
    version: '0.2',
    file: 'd.pptx',
    sha256: 'a'.repeat(64),
    inputsHash: 'c'.repeat(64),
    slides: 3,
    status: 'draft',
    ...over,
  });
  const built = { deckId: 'd', version: '0.2', file: 'd.pptx', sha256: 'a'.repeat(64) };
  const other = { ...built, sha256: 'b'.repeat(64) };
  it.each([
    { name: 'new version', b: built, e: undefined, disk: null, over: false, action: 'write' },
    { name: 'same bytes on disk', b: built, e: entry(), disk: built.sha256, over: false, action: 'unchanged' },
    {
      name: 'same bytes, file lost',
      b: built,
      e: entry({ status: 'released' }),
      disk: null,
      over: false,
      action: 'write',
    },
    { name: 'changed draft', b: other, e: entry(), disk: built.sha256, over: false, action: 'write' },
    {
      name: 'changed released',
      b: other,
      e: entry({ status: 'released', releasedAt: '2026-11-26T10:00:00Z' }),
      disk: built.sha256,
      over: false,
      action: 'refuse',
    },
    {
      name: 'changed sent draft',
      b: other,
      e: entry({ sentAt: '2026-11-27T10:00:00Z' }),
      disk: built.sha256,
      over: false,
      action: 'refuse',
    },
    {
      name: 'changed released, overwrite',
      b: other,
      e: entry({ status: 'released' }),
      disk: built.sha256,
      over: true,
      action: 'write',
    },
  ])('$name → $action', ({ b, e, disk, over, action }) => {
    expect(decideVersion(b, e, disk, over).action).toBe(action);
  });

  it('says when it went out and what to do', () => {
    const d = decideVersion(
      other,
      entry({ deckId: 'storledermote', status: 'released', releasedAt: '2026-11-26T10:00:00Z' }),
      null,
    );
    expect(d).toEqual({
      action: 'refuse',
      message:
        'storledermote v0.2 was released on 2026-11-26 and its content has changed; bump the version (trappa bump 0.3 --note "…") or pass --overwrite-released',
    });
  });
});

describe('drafts', () => {
  it('a rebuild with changed data replaces the draft, and the manifest follows', async () => {
    const root = copyProject();
    const first = await buildDecks({ root, decks: [DECK] });
    expect(first.decks[0]!.saved).toBe('written');
    const before = sha(out(root, FILE_02));
    movePlace(root);
    const second = await buildDecks({ root, decks: [DECK] });
    expect(second.decks[0]!.saved).toBe('written');
    expect(sha(out(root, FILE_02))).not.toBe(before);
    const entry = (await readManifest(out(root))).entries[`${DECK}@0.2`]!;
    expect(entry).toMatchObject({
      deckId: DECK,
      version: '0.2',
      file: FILE_02,
      status: 'draft',
      slides: second.decks[0]!.slideCount,
      sha256: second.decks[0]!.sha256,
    });
    expect(entry.inputsHash).toBe(second.decks[0]!.inputsHash);
    expect(entry.inputsHash).not.toBe(first.decks[0]!.inputsHash);
    expect(entry.releasedAt).toBeUndefined();
  });

  it('a draft whose meeting moved to another day replaces the old file', async () => {
    const root = copyProject();
    await buildDecks({ root, decks: [DECK] });
    editFile(root, 'data/decks/storledermote.yaml', 'date: 2004-02-04', 'date: 2004-02-05');
    await buildDecks({ root, decks: [DECK] });
    expect(existsSync(out(root, FILE_02))).toBe(false);
    expect(existsSync(out(root, 'storledermote-v0.2-2004-02-05.pptx'))).toBe(true);
    await manifestShasMatchFiles(root);
  });
});

describe('released versions', () => {
  it('rebuilding the same content is "unchanged": the file is not rewritten', async () => {
    const root = copyProject();
    const [released] = await releaseDecks({ root, decks: [DECK] });
    expect(released).toMatchObject({ newly: true, entry: { status: 'released' } });
    const mtime = statSync(out(root, FILE_02)).mtimeMs;
    const bytes = readFileSync(out(root, FILE_02));
    const again = await buildDecks({ root, decks: [DECK] });
    expect(again.decks[0]!.saved).toBe('unchanged');
    expect(statSync(out(root, FILE_02)).mtimeMs).toBe(mtime);
    expect(readFileSync(out(root, FILE_02)).equals(bytes)).toBe(true);
  });

  it('a changed build is refused with exit code 3, before anything is written, and the released file stays byte-identical', async () => {
    const root = copyProject();
    await buildDecks({ root });
    expect((await runMain(['--root', root, 'release', '--deck', DECK], root)).status).toBe(0);
    const released = sha(out(root, FILE_02));
    const draft = sha(out(root, 'ansatte-v0.2-2004-01-28.pptx'));
    // A change in the strategy changes every deck: the draft may change, the released one may not.
    editFile(
      root,
      'data/strategy.yaml',
      'Profil for morkommunene og ISK lagt til',
      'Profil for morkommunene og ISK lagt til og justert',
    );
    editFile(root, 'data/strategy.yaml', 'what: Innherred Samkommune er', 'what: Innherred Samkommune (ISK) er');
    const run = await runMain(['--root', root, 'build', '--all'], root);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(
      /storledermote v0\.2 was released on \d{4}-\d{2}-\d{2} and its content has changed; bump the version \(trappa bump 0\.3 --note "…"\) or pass --overwrite-released/,
    );
    expect(sha(out(root, FILE_02))).toBe(released);
    expect(sha(out(root, 'ansatte-v0.2-2004-01-28.pptx'))).toBe(draft);
    await expect(buildDecks({ root })).rejects.toBeInstanceOf(FrozenVersionError);
    await manifestShasMatchFiles(root);
  });

  it('--overwrite-released replaces it on purpose; it stays released and its snapshot follows', async () => {
    const root = copyProject();
    await releaseDecks({ root, decks: [DECK] });
    const before = sha(out(root, FILE_02));
    movePlace(root);
    const run = await runMain(['--root', root, 'build', '--deck', DECK, '--overwrite-released'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(sha(out(root, FILE_02))).not.toBe(before);
    const entry = (await readManifest(out(root))).entries[`${DECK}@0.2`]!;
    expect(entry.status).toBe('released');
    expect(entry.sha256).toBe(sha(out(root, FILE_02)));
    const record = JSON.parse(readFileSync(out(root, 'releases/storledermote-v0.2/release.json'), 'utf8')) as {
      inputsHash: string;
    };
    expect(record.inputsHash).toBe(entry.inputsHash);
    expect(
      readFileSync(out(root, 'releases/storledermote-v0.2/inputs/data/decks/storledermote.yaml'), 'utf8'),
    ).toContain('place: Verdal rådhus');
  });

  it('a version that went out by e-mail is frozen too', async () => {
    const root = copyProject();
    const [built] = (await buildDecks({ root, decks: [DECK] })).decks;
    const version = { deckId: DECK, version: '0.2', file: built!.file, sha256: built!.sha256 };
    // Frozen before the hand-over; not "sent" until the server confirmed a delivery (issue #26).
    await freezeBeforeSending(out(root), version, new Date('2026-11-27T08:00:00.000Z'));
    const frozen = (await readManifest(out(root))).entries[`${DECK}@0.2`];
    expect(frozen).toMatchObject({ frozenAt: '2026-11-27T08:00:00.000Z', status: 'draft' });
    expect(frozen?.sentAt).toBeUndefined();
    movePlace(root);
    await expect(buildDecks({ root, decks: [DECK] })).rejects.toThrow(
      'storledermote v0.2 was frozen for sending on 2026-11-27 and its content has changed',
    );
    await recordSent(out(root), version, new Date('2026-11-27T08:00:05.000Z'));
    expect((await readManifest(out(root))).entries[`${DECK}@0.2`]).toMatchObject({
      frozenAt: '2026-11-27T08:00:00.000Z',
      sentAt: '2026-11-27T08:00:05.000Z',
      status: 'draft',
    });
    await expect(buildDecks({ root, decks: [DECK] })).rejects.toThrow(
      'storledermote v0.2 was sent on 2026-11-27 and its content has changed',
    );
  });

  it('after a bump the changed deck builds under the new version, and 0.2 stays as released', async () => {
    const root = copyProject();
    await releaseDecks({ root, decks: [DECK] });
    const released = sha(out(root, FILE_02));
    movePlace(root);
    await bumpStrategy(
      path.join(root, 'data'),
      { version: '0.3', date: '2004-02-10', notes: ['Storledermøtet flyttet til Verdal'] },
      root,
    );
    const result = await buildDecks({ root, decks: [DECK] });
    expect(path.basename(result.decks[0]!.file)).toBe('storledermote-v0.3-2004-02-04.pptx');
    expect(result.decks[0]!.saved).toBe('written');
    expect(sha(out(root, FILE_02))).toBe(released);
    const manifest = await readManifest(out(root));
    expect(manifest.entries[`${DECK}@0.2`]!.status).toBe('released');
    expect(manifest.entries[`${DECK}@0.3`]!.status).toBe('draft');
    await manifestShasMatchFiles(root);
  });

  it('the release snapshot rebuilds the released file byte for byte', async () => {
    const root = copyProject();
    await releaseDecks({ root, decks: [DECK] });
    const released = sha(out(root, FILE_02));
    // The project moves on: other data, a new version, and the released file is lost.
    movePlace(root);
    await bumpStrategy(path.join(root, 'data'), { version: '0.3', notes: ['Nytt møtested'] }, root);
    rmSync(out(root, FILE_02));
    const run = await runMain(['--root', root, 'build', '--from-release', 'storledermote@0.2'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(sha(out(root, FILE_02))).toBe(released);
    // From the snapshot folder into another output folder: same bytes.
    const other = path.join(root, 'elsewhere');
    expect(
      (
        await runMain(
          ['--root', root, '--out', other, 'build', '--from-release', out(root, 'releases/storledermote-v0.2')],
          root,
        )
      ).status,
    ).toBe(0);
    expect(sha(path.join(other, FILE_02))).toBe(released);
    expect((await runMain(['--root', root, 'build', '--from-release', 'storledermote@0.3'], root)).stderr).toContain(
      'no input snapshot of storledermote v0.3',
    );
  });
});

describe('the manifest', () => {
  it('records every built file with the sha256 of its bytes', async () => {
    const root = copyProject();
    const result = await buildDecks({ root });
    const manifest = await readManifest(out(root));
    expect(Object.keys(manifest.entries).sort()).toEqual(result.decks.map((d) => `${d.deckId}@0.2`).sort());
    await manifestShasMatchFiles(root);
  });

  it('a damaged manifest is kept aside and rebuilt from the release records, never read as "nothing released"', async () => {
    const root = copyProject();
    await releaseDecks({ root, decks: [DECK] });
    await buildDecks({ root, decks: ['ansatte'] });
    const released = sha(out(root, FILE_02));
    const broken = '{\n  "format": "trappa-manifest-1",\n  "entries": {,\n}\n';
    writeFileSync(out(root, 'manifest.json'), broken);
    movePlace(root);
    const run = await runMain(['--root', root, 'build', '--deck', DECK], root);
    expect(run.status, run.stderr).toBe(3);
    expect(sha(out(root, FILE_02))).toBe(released);
    // A build that changes nothing frozen rewrites the manifest and keeps the damaged one beside it.
    expect((await runMain(['--root', root, 'build', '--deck', 'ansatte'], root)).status).toBe(0);
    const kept = readdirSync(out(root)).filter((f) => f.startsWith('manifest.damaged-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(out(root, kept[0]!), 'utf8')).toBe(broken);
    const manifest = await readManifest(out(root));
    expect(manifest.entries[`${DECK}@0.2`]).toMatchObject({ status: 'released', sha256: released });
    await manifestShasMatchFiles(root);
  });
});

describe('trappa bump', () => {
  it('sets version and date, appends the history entry, and keeps every comment and line as written', async () => {
    const root = copyProject();
    const file = path.join(root, 'data/strategy.yaml');
    const original = readFileSync(file, 'utf8');
    const run = await runMain(
      ['--root', root, 'bump', '0.3', '--date', '2004-02-10', '--note', 'Møtested: Verdal', '--note', 'Ny frist'],
      root,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const bumped = readFileSync(file, 'utf8');
    const expected = original
      .replace('version: "0.2"\ndate: 2004-01-26', 'version: "0.3"\ndate: 2004-02-10')
      .replace(
        '      - Plan for arbeidet med kommunikasjonsplanen den nærmeste tiden\n',
        '      - Plan for arbeidet med kommunikasjonsplanen den nærmeste tiden\n  - version: "0.3"\n    date: 2004-02-10\n    changes:\n      - "Møtested: Verdal"\n      - Ny frist\n',
      );
    expect(bumped).toBe(expected);
    expect(bumped.match(/^\s*#.*$/gm)).toEqual(original.match(/^\s*#.*$/gm));
    const built = await buildDecks({ root, decks: ['strategi'] });
    expect(built.decks[0]!.version).toBe('0.3');
  });

  it('refuses a version that is not greater, and leaves the file alone', async () => {
    const root = copyProject();
    const original = readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8');
    for (const v of ['0.2', '0.1', '0.2.0']) {
      const run = await runMain(['--root', root, 'bump', v, '--note', 'x'], root);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`version ${v} is not greater than the current version 0.2`);
    }
    expect((await runMain(['--root', root, 'bump', '0.3'], root)).stderr).toContain('say what changed in 0.3');
    expect(readFileSync(path.join(root, 'data/strategy.yaml'), 'utf8')).toBe(original);
  });
});
