/**
 * The README's worked example of `trappa absorb` ("Edited in PowerPoint? Bring it back"), run
 * as written: the deck built, the example's edits made (scripts/example-edit.ts, what
 * `npm run example:edit` runs), absorbed with --dry-run; the output must be the README's, line
 * for line. Then written for real and built again: the edits are on the slides.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeckTexts } from '../src/absorb/read-texts.js';
import { EDITED, exampleEdits } from '../scripts/example-edit.js';
import { runMain } from './helpers/in-process.js';
import { copyBuiltProject, REPO } from './helpers/project.js';

const DRY_RUN = '$ npx trappa absorb storledermote-redigert.pptx --dry-run\n';
const WRITTEN = '$ npx trappa absorb storledermote-redigert.pptx      # the same, written';

/** The output lines the README shows for the dry run. */
function readmeOutput(): string[] {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf(DRY_RUN);
  expect(start, 'the README has the worked example').toBeGreaterThan(0);
  return readme
    .slice(start + DRY_RUN.length, readme.indexOf(WRITTEN, start))
    .trimEnd()
    .split('\n');
}

describe('README: Edited in PowerPoint? Bring it back', () => {
  it('prints what the README shows, and the written edits are in the next build', async () => {
    const root = await copyBuiltProject(['storledermote']);
    const built = path.join(root, 'output/storledermote-v0.2-2004-02-04.pptx');
    writeFileSync(path.join(root, EDITED), exampleEdits(readFileSync(built)));
    const dry = await runMain(['absorb', EDITED, '--dry-run'], root);
    expect(dry.status, dry.stderr).toBe(0);
    const shown = readmeOutput();
    // stdout and stderr separately: the README interleaves them as a terminal shows them.
    expect(dry.stdout.trimEnd().split('\n')).toEqual(shown.filter((l) => !l.startsWith('trappa: warning')));
    expect(dry.stderr.trimEnd().split('\n')).toEqual(shown.filter((l) => l.startsWith('trappa: warning')));

    const written = await runMain(['absorb', EDITED], root);
    expect(written.status, written.stderr).toBe(0);
    expect((await runMain(['build', '--deck', 'storledermote'], root)).status).toBe(0);
    const slides = readDeckTexts(new Uint8Array(readFileSync(built))).slides;
    const texts = (n: number) =>
      slides[n - 1]!.elements.flatMap((e) => (e.kind === 'text' ? e.paragraphs : e.rows.flat()));
    expect(texts(3).join('\n')).toContain('bedre og enklere tjenester');
    expect(texts(9)).toContain('Rådmennene');
    expect(texts(11)).toContain('Del foilene med egne ansatte');
  });
});
