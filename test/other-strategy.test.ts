/**
 * A strategy that is not the seed: four members, six steps, no short name, no logos,
 * no meeting, nynorsk, an 18-row plan. It must build, pass every check and the
 * OOXML validator, without anything tuned to the seed's sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { checkBuiltDeck } from '../src/check/check-deck.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { REPO } from './helpers/project.js';
import { readPptx } from './helpers/pptx-zip.js';

describe('another strategy (test/fixtures/fjellregionen)', () => {
  it.skipIf(missingValidator())('builds, passes the checks and the validator, and continues long content', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'trappa-other-'));
    onTestFinished(() => rmSync(outDir, { recursive: true, force: true }));
    const result = await buildDecks({ root: REPO, dataDir: 'test/fixtures/fjellregionen/data', outDir });
    const deck = result.decks[0]!;
    expect(path.basename(deck.file)).toBe('alle-v1.0-2025-03-10.pptx');
    expect(checkBuiltDeck(deck.bytes, result.project.theme).filter((f) => f.severity === 'error')).toEqual([]);
    expect(await validatePptx(deck.file)).toEqual([]);

    const p = readPptx(deck.file);
    const titles = Array.from({ length: p.slideCount() }, (_, i) => p.slideTexts(i + 1)[0]);
    expect(titles).toContain('Kva? – Kvifor?');
    expect(titles.filter((t) => t?.startsWith('Arbeidet med kommunikasjonsplan')).length).toBeGreaterThanOrEqual(2);
    expect(titles.some((t) => t?.endsWith('(framh.)'))).toBe(true);
    // All four members are boxes in the model diagram.
    const model = p.slideXml(titles.findIndex((t) => t?.startsWith('Bilete av')) + 1);
    for (const name of ['Tynset kommune', 'Alvdal kommune', 'Folldal kommune', 'Rendalen kommune'])
      expect(model).toContain(`name="Member ${name}"`);
    // Six steps in the staircase.
    expect(p.slideXml(2).match(/name="Step \d"/g)).toHaveLength(6);
    expect(p.slideXml(1)).toContain('lang="nn-NO"');
  });
});
