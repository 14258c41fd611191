/**
 * The inputs hash in its three formats (src/versions/input-hash.ts): a build hashes the YAML
 * the loader parsed and every other file by its sha256 (format 3, `v3:…`) and gets the hash
 * that the same files give read from disk; records written in format 1 (bare hex) or 2
 * (`v2:…`) by an earlier Trappa keep verifying, in the manifest (`send`) and in release
 * snapshots (`build --from-release`), and a deck rebuilt unchanged over them stays unchanged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../src/data/load-project.js';
import { releaseDecks } from '../src/commands/release.js';
import {
  deckInputFiles,
  hashInputs,
  inputsHashFormat,
  inputsHashMatches,
  parsedInputs,
} from '../src/versions/input-hash.js';
import { readManifest } from '../src/versions/manifest.js';
import { copyProject, editFile } from './helpers/project.js';
import { runMain } from './helpers/in-process.js';

const DECK = 'storledermote';

async function loaded(root: string) {
  const result = await loadProject({ root });
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  const project = result.value;
  return { project, files: deckInputFiles(project, project.decks.find((d) => d.deck.id === DECK)!) };
}

describe('the inputs hash', () => {
  it("a build's hash from the loader's parse equals the hash of the same files read from disk", async () => {
    const { project, files } = await loaded(copyProject());
    const fromParse = await hashInputs(files, parsedInputs(project));
    expect(fromParse).toMatch(/^v3:[0-9a-f]{64}$/);
    expect(await hashInputs(files)).toBe(fromParse);
    expect(inputsHashFormat(fromParse)).toBe(3);
    // Formats 1 and 2 are other hashes of the same files, and each verifies in its own format.
    const v1 = await hashInputs(files, undefined, 1);
    const v2 = await hashInputs(files, parsedInputs(project), 2);
    expect(v1).toMatch(/^[0-9a-f]{64}$/);
    expect(v2).toMatch(/^v2:[0-9a-f]{64}$/);
    expect(fromParse.slice(3)).not.toBe(v2.slice(3));
    expect(inputsHashFormat(v2)).toBe(2);
    expect(await inputsHashMatches(v1, files)).toBe(true);
    expect(await inputsHashMatches(v2, files)).toBe(true);
    expect(await inputsHashMatches(fromParse, files, parsedInputs(project))).toBe(true);
    expect(await inputsHashMatches(`v2:${'0'.repeat(64)}`, files)).toBe(false);
    expect(await inputsHashMatches(`v3:${'0'.repeat(64)}`, files)).toBe(false);
  });

  it('format 3 counts a file that is not YAML by its sha256: a changed picture is a changed hash', async () => {
    const root = copyProject();
    const { project, files } = await loaded(root);
    const picture = files.find((f) => !/\.ya?ml$/.test(f.logical) && f.logical.startsWith('assets/'))!;
    expect(picture).toBeDefined();
    const before = await hashInputs(files, parsedInputs(project));
    const bytes = readFileSync(picture.absolute);
    writeFileSync(picture.absolute, Buffer.concat([bytes, Buffer.from(' ')]));
    expect(await hashInputs(files, parsedInputs(project))).not.toBe(before);
    writeFileSync(picture.absolute, bytes);
    expect(await hashInputs(files, parsedInputs(project))).toBe(before);
  });

  it('a parse that differs from the file on disk is what the hash takes (the data that was built)', async () => {
    const root = copyProject();
    const { project, files } = await loaded(root);
    editFile(root, 'data/strategy.yaml', /^name: .*$/m, 'name: Endret etter lasting');
    expect(await hashInputs(files, parsedInputs(project))).not.toBe(await hashInputs(files));
  });

  it("the deck's template files are taken from the loader's parse too, not read again", async () => {
    const root = copyProject();
    const { project, files } = await loaded(root);
    expect(files.map((f) => f.logical)).toContain('templates/nb/labels.yaml');
    editFile(root, 'templates/nb/labels.yaml', /^version: .*$/m, 'version: Endret etter lasting');
    expect(await hashInputs(files, parsedInputs(project))).not.toBe(await hashInputs(files));
  });

  it.each([1, 2] as const)('a manifest entry and a release record in format %i still verify', async (format) => {
    const root = copyProject();
    await releaseDecks({ root, decks: [DECK] });
    const { files } = await loaded(root);
    const old = await hashInputs(files, undefined, format);
    // As an earlier Trappa wrote them: its format in the manifest and in the release record.
    const manifestFile = path.join(root, 'output/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const key = `${DECK}@0.2`;
    expect(manifest.entries[key].inputsHash).toMatch(/^v3:/);
    manifest.entries[key].inputsHash = old;
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const recordFile = path.join(root, `output/releases/${DECK}-v0.2/release.json`);
    const record = JSON.parse(readFileSync(recordFile, 'utf8'));
    record.inputsHash = await hashInputs(
      record.files.map((logical: string) => ({
        logical,
        absolute: path.join(root, `output/releases/${DECK}-v0.2/inputs`, logical),
      })),
      undefined,
      format,
    );
    expect(record.inputsHash).toBe(old);
    writeFileSync(recordFile, JSON.stringify(record, null, 2));

    expect((await readManifest(path.join(root, 'output'))).entries[key]!.inputsHash).toBe(old);
    const send = await runMain(['send', '--deck', DECK, '--dry-run'], root);
    expect(send.stderr).toBe('');
    expect(send.status).toBe(0);
    const rebuild = await runMain(['build', '--from-release', `${DECK}@0.2`], root);
    expect(rebuild.stderr).toBe('');
    expect(rebuild.status).toBe(0);
    // Rebuilt unchanged, the released deck is unchanged (same bytes), and its record keeps the old hash.
    const released = readFileSync(path.join(root, 'output', manifest.entries[key].file));
    const again = await runMain(['build', '--deck', DECK], root);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readFileSync(path.join(root, 'output', manifest.entries[key].file)).equals(released)).toBe(true);
    expect(JSON.parse(readFileSync(recordFile, 'utf8')).inputsHash).toBe(old);

    // A changed input is still seen through the old format's hash.
    editFile(root, `data/decks/${DECK}.yaml`, /place: .*/, 'place: Et annet sted');
    expect((await runMain(['send', '--deck', DECK, '--dry-run'], root)).stderr).toContain('older than its data');
  });
});
