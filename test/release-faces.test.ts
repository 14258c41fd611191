/**
 * A release records the faces that measured its text (font, face, sha256 of its files), and
 * a rebuild where that font is measured with another face says exactly that, in one line,
 * instead of "its content has changed" (issue #20). A manifest written before faces were
 * recorded is still read, and gives the old message. The release record keeps the faces too,
 * so a manifest rebuilt from the records (manifest.json lost) says the same.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/sha256.js';
import { runMain } from './helpers/in-process.js';
import { copyProject, editFile } from './helpers/project.js';

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const FIRMA_SANS = [
  '  heading: Firma Sans',
  '  body: Firma Sans',
  '  files:',
  '    Firma Sans: { regular: Firma-Regular.ttf, bold: Firma-Bold.ttf }',
].join('\n');

/** A project whose theme font "Firma Sans" is measured with the files given (regular, bold). */
function projectWith(regular: string, bold: string): string {
  const root = copyProject();
  editFile(root, 'data/theme.yaml', /^ {2}heading: .*\n {2}body: .*$/m, FIRMA_SANS);
  useFaces(root, regular, bold);
  return root;
}

function useFaces(root: string, regular: string, bold: string): void {
  copyFileSync(regular, path.join(root, 'assets/fonts/Firma-Regular.ttf'));
  copyFileSync(bold, path.join(root, 'assets/fonts/Firma-Bold.ttf'));
}

const recordPath = (root: string) => path.join(root, 'output/releases/ansatte-v0.2/release.json');
const manifestOf = (root: string) => JSON.parse(readFileSync(path.join(root, 'output/manifest.json'), 'utf8'));

describe('the faces a release was measured with', () => {
  it('are recorded, and a rebuild with another face names the font and both faces in one line', async () => {
    const carlito = ['Regular', 'Bold'].map((s) => path.join(process.cwd(), `assets/fonts/Carlito-${s}.ttf`));
    const root = projectWith(carlito[0]!, carlito[1]!);
    const released = await runMain(['release', '--deck', 'ansatte'], root);
    expect(released.status, released.stderr).toBe(0);
    const entry = manifestOf(root).entries['ansatte@0.2'];
    const carlitoHash = sha256Hex(Buffer.concat(carlito.map((f) => readFileSync(f))));
    expect(entry.faces).toEqual([{ font: 'Firma Sans', face: 'Carlito', sha256: carlitoHash }]);

    // The same project where "Firma Sans" comes out as DejaVu Sans (wider: other line breaks).
    useFaces(root, path.join(DEJAVU, 'DejaVuSans.ttf'), path.join(DEJAVU, 'DejaVuSans-Bold.ttf'));
    const rebuilt = await runMain(['build', '--deck', 'ansatte'], root);
    expect(rebuilt.status).not.toBe(0);
    const lines = rebuilt.stderr.trim().split('\n');
    expect(lines, rebuilt.stderr).toHaveLength(1);
    expect(lines[0]).toContain('ansatte v0.2 was released on');
    expect(lines[0]).toContain(
      `its text measured in Carlito (sha256 ${carlitoHash.slice(0, 12)}) for the font "Firma Sans"`,
    );
    expect(lines[0]).toMatch(/this machine measures it with DejaVu Sans \(sha256 [0-9a-f]{12}\)/);
    expect(lines[0]).not.toContain('content has changed');
    // Nothing was replaced: the manifest still records the release's faces.
    expect(manifestOf(root).entries['ansatte@0.2'].faces[0].face).toBe('Carlito');

    // With the release's faces back, the rebuild is the released deck, byte for byte.
    useFaces(root, carlito[0]!, carlito[1]!);
    const again = await runMain(['build', '--deck', 'ansatte'], root);
    expect(again.status, again.stderr).toBe(0);
  });

  it('are kept in the release record: a manifest rebuilt from the records says the same about other faces', async () => {
    const carlito = ['Regular', 'Bold'].map((s) => path.join(process.cwd(), `assets/fonts/Carlito-${s}.ttf`));
    const root = projectWith(carlito[0]!, carlito[1]!);
    expect((await runMain(['release', '--deck', 'ansatte'], root)).status).toBe(0);
    const carlitoHash = sha256Hex(Buffer.concat(carlito.map((f) => readFileSync(f))));
    expect(JSON.parse(readFileSync(recordPath(root), 'utf8')).faces).toEqual([
      { font: 'Firma Sans', face: 'Carlito', sha256: carlitoHash },
    ]);
    // manifest.json lost: the release records are all there is.
    rmSync(path.join(root, 'output/manifest.json'));

    useFaces(root, path.join(DEJAVU, 'DejaVuSans.ttf'), path.join(DEJAVU, 'DejaVuSans-Bold.ttf'));
    const rebuilt = await runMain(['build', '--deck', 'ansatte'], root);
    expect(rebuilt.status).not.toBe(0);
    const lines = rebuilt.stderr.trim().split('\n');
    expect(lines, rebuilt.stderr).toHaveLength(1);
    expect(lines[0]).toContain(
      `its text measured in Carlito (sha256 ${carlitoHash.slice(0, 12)}) for the font "Firma Sans"`,
    );
    expect(lines[0]).toMatch(/this machine measures it with DejaVu Sans \(sha256 [0-9a-f]{12}\)/);
    expect(lines[0]).not.toContain('content has changed');

    useFaces(root, carlito[0]!, carlito[1]!);
    const again = await runMain(['build', '--deck', 'ansatte'], root);
    expect(again.status, again.stderr).toBe(0);
  });

  it('reads a manifest and record from before faces were recorded, and then says only that the content changed', async () => {
    const carlito = ['Regular', 'Bold'].map((s) => path.join(process.cwd(), `assets/fonts/Carlito-${s}.ttf`));
    const root = projectWith(carlito[0]!, carlito[1]!);
    expect((await runMain(['release', '--deck', 'ansatte'], root)).status).toBe(0);
    const manifest = manifestOf(root);
    for (const entry of Object.values(manifest.entries) as Array<Record<string, unknown>>) delete entry.faces;
    writeFileSync(path.join(root, 'output/manifest.json'), JSON.stringify(manifest, null, 2));
    const { faces: _faces, ...oldRecord } = JSON.parse(readFileSync(recordPath(root), 'utf8'));
    writeFileSync(recordPath(root), JSON.stringify(oldRecord, null, 2));

    const same = await runMain(['build', '--deck', 'ansatte'], root);
    expect(same.status, same.stderr).toBe(0);
    expect(same.stderr).not.toMatch(/damaged|not valid/);

    useFaces(root, path.join(DEJAVU, 'DejaVuSans.ttf'), path.join(DEJAVU, 'DejaVuSans-Bold.ttf'));
    const rebuilt = await runMain(['build', '--deck', 'ansatte'], root);
    expect(rebuilt.status).not.toBe(0);
    expect(rebuilt.stderr).toContain('ansatte v0.2 was released on');
    expect(rebuilt.stderr).toContain('its content has changed');
  });
});
