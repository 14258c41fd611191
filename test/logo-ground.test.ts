/**
 * `trappa check` measures a logo against what it lies on (check/rules/logo-ground.ts, gallery 8
 * defect 8): a dark wordmark on a dark title slide is a warning; on its light band, none.
 * The built-in title slide is dark with the logos on a light band; without the band the
 * logos lie on the dark ground, as they did on dark templates before they got a backing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { backdropPictures } from '../src/check/backdrop-pictures.js';
import { checkDeck } from '../src/check/check-deck.js';
import { copyProjectInto } from './helpers/project-copy.js';

const root = copyProjectInto(mkdtempSync(path.join(tmpdir(), 'trappa-logo-ground-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let deck: BuiltDeck;
beforeAll(async () => {
  deck = (await buildDecks({ root, dryRun: true, decks: ['ansatte'] })).decks[0]!;
}, 120_000);

/** The deck with the title slide's light logo band taken out. */
function withoutBand(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const slide = strFromU8(files['ppt/slides/slide1.xml']!);
  const cut = slide.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="Logo band"[\s\S]*?<\/p:sp>/, '');
  expect(cut.length).toBeLessThan(slide.length);
  return zipSync({ ...files, 'ppt/slides/slide1.xml': strToU8(cut) });
}

const logoWarnings = async (bytes: Uint8Array) => {
  const pictures = await backdropPictures(bytes);
  return checkDeck(bytes, { minBodySize: 9, pictures }).filter(
    (f) => f.rule === 'contrast' && f.element.startsWith('Logo '),
  );
};

describe('logos measured on their ground', () => {
  it('passes the logos on their light band', async () => {
    expect(await logoWarnings(deck.bytes)).toEqual([]);
  });

  it('warns for each logo left on the dark title slide, naming the ground', async () => {
    const found = await logoWarnings(withoutBand(deck.bytes));
    expect(found.length).toBe(3);
    for (const f of found) {
      expect(f.severity).toBe('warning');
      expect(f.slide).toBe(1);
      expect(f.message).toMatch(/^the logo reads poorly on [0-9A-F]{6}.*% of its marks reach 3:1/);
    }
  });
});
