/**
 * Covers that look like covers on any template (issue #20, eleventh round). LibreOffice's
 * templates, as exported, give their "Title Slide" layouts another master's geometry: the
 * title at the top at slide-title size, the slide below it empty (Blue Curve: 84 % empty).
 * - Blue Curve: the cover takes its master's title page places (the title at a third of the
 *   slide, the lines under it), the title larger than the layout's top place allowed;
 * - Metropolis: its title page is a content slide's (same master places): the title block is
 *   set around the middle of the free area, off the art;
 * - a cover with a centred title (pptxgenjs' 4:3 template) keeps its layout's places;
 * - `trappa check` judges a cover on the whole slide: the cover as it was (title and lines at
 *   the top) is reported `sparse`, the cover as built is not.
 * Decks built in process (dry run) from the Innafjords fixture (nynorsk, no logos: the cover
 * holds only the title and its lines).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { backdropPictures } from '../src/check/backdrop-pictures.js';
import { checkDeck } from '../src/check/check-deck.js';
import { copyProjectOnTemplate, REPO } from './helpers/project-copy.js';
import { readPptx } from './helpers/pptx-zip.js';
import { slideShapes } from './helpers/structure.js';
import { libreOfficeTemplates, ownTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-cover-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

const EMU = 914_400;
const INNAFJORDS = path.join(REPO, 'test/fixtures/innafjords');

/** The Innafjords cover alone (a deck of its title slide) on the template `file`. */
async function coverOn(file: string): Promise<BuiltDeck> {
  // The bundled project's templates and assets, with Innafjords' data.
  const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'p-')), file);
  rmSync(path.join(root, 'data'), { recursive: true });
  cpSync(path.join(INNAFJORDS, 'data'), path.join(root, 'data'), { recursive: true });
  const theme = path.join(root, 'data/theme.yaml');
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}\ntemplate: templates/${path.basename(file)}\n`);
  writeFileSync(
    path.join(root, 'data/decks/cover.yaml'),
    'id: cover\naudience: { name: Partnarar, groups: [partnarar] }\nmeeting: { name: Partnarmøte, date: 2027-10-12, planRow: partnarmote }\nslides: [title]\n',
  );
  return (await buildDecks({ root, decks: ['cover'], dryRun: true })).decks[0]!;
}

/** The cover's title: its own box (inches; undefined when inherited) and its runs' size (points; undefined when inherited). */
function coverTitle(bytes: Uint8Array) {
  const title = slideShapes(readPptx(bytes).slideXml(1)).find((s) => s.name === 'Title')!;
  const at = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/.exec(title.xml);
  const [x, y, w, h] = at ? at.slice(1).map((v) => Number(v) / EMU) : [];
  const size = /<a:rPr[^>]*\bsz="(\d+)"/.exec(title.xml)?.[1];
  return { box: at ? { x: x!, y: y!, w: w!, h: h! } : undefined, size: size ? Number(size) / 100 : undefined };
}

async function findings(bytes: Uint8Array) {
  return checkDeck(bytes, { minBodySize: 9, pictures: await backdropPictures(bytes) });
}

/** The cover with its title and subtitle back on the layout's places (no own position), as covers were built before. */
function onLayoutPlaces(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const name = 'ppt/slides/slide1.xml';
  files[name] = strToU8(strFromU8(files[name]!).replace(/<a:xfrm>[\s\S]*?<\/a:xfrm>/g, ''));
  return zipSync(files);
}

describe.runIf(hasSoffice)('a cover that looks like a cover', () => {
  const decks: Record<string, BuiltDeck> = {};
  beforeAll(async () => {
    const corpus = await libreOfficeTemplates();
    for (const name of ['Blue_Curve', 'Metropolis'])
      decks[name] = await coverOn(corpus.find((f) => path.basename(f) === `${name}.potx`)!);
    const own = await ownTemplates(path.join(work, 'own'));
    decks.pptxgenjs = await coverOn(own.find((f) => path.basename(f) === 'pptxgenjs-4x3.pptx')!);
  }, 600_000);

  it("Blue Curve: the title stands on its master's title page place, a third down, larger than a slide title", async () => {
    const { box, size } = coverTitle(decks.Blue_Curve!.bytes);
    // The master's title page: 1.77 in down, 1.18 in tall; the layout's place was 0.20 in down, 0.52 in tall.
    expect(box!.y).toBeCloseTo(1.77, 1);
    expect(box!.h).toBeCloseTo(1.18, 1);
    // Kept off the slide's side (the master's place starts at its edge).
    expect(box!.x).toBeGreaterThanOrEqual(0.3);
    expect(size ?? 33).toBeGreaterThanOrEqual(28);
    const sub = slideShapes(readPptx(decks.Blue_Curve!.bytes).slideXml(1)).find((s) => s.name === 'Subtitle')!;
    expect(Number(/<a:off x="\d+" y="(\d+)"/.exec(sub.xml)![1]) / EMU).toBeGreaterThan(box!.y + box!.h - 0.01);
    expect((await findings(decks.Blue_Curve!.bytes)).filter((f) => f.slide === 1)).toEqual([]);
  });

  it('Metropolis: the title block stands around the middle of the free area, not at the top', async () => {
    const { box } = coverTitle(decks.Metropolis!.bytes);
    // Bottom-aligned in its box, the title ends near the slide's middle (6.2 in tall).
    expect(box!.y + box!.h).toBeGreaterThan(2.4);
    expect(box!.y + box!.h).toBeLessThan(3.4);
    expect((await findings(decks.Metropolis!.bytes)).filter((f) => f.slide === 1 && f.rule === 'sparse')).toEqual([]);
  });

  it('a centred title (ctrTitle) keeps its layout place', () => {
    expect(coverTitle(decks.pptxgenjs!.bytes).box).toBeUndefined();
  });

  it('the check reports a cover left at the top of the slide as sparse', async () => {
    for (const name of ['Blue_Curve', 'Metropolis']) {
      const found = (await findings(onLayoutPlaces(decks[name]!.bytes))).filter(
        (f) => f.slide === 1 && f.rule === 'sparse',
      );
      expect(found, name).toHaveLength(1);
      expect(found[0]!.message, name).toMatch(/% of the cover is empty in one stretch/);
    }
  });
});
