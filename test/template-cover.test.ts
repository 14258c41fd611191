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

/** The cover slide's layout part. */
function coverLayout(bytes: Uint8Array): string {
  const rels = strFromU8(unzipSync(bytes)['ppt/slides/_rels/slide1.xml.rels']!);
  return `ppt/slideLayouts/${/slideLayouts\/(slideLayout\d+\.xml)/.exec(rels)![1]}`;
}

const boxOf = (xml: string) => {
  const at = /<a:off x="(-?\d+)" y="(-?\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/.exec(xml);
  if (!at) return undefined;
  const [x, y, w, h] = at.slice(1).map((v) => Number(v) / EMU) as [number, number, number, number];
  return { x, y, w, h };
};

/**
 * The cover's title: where it is drawn (its own box, else its layout's place, in inches), whether
 * the slide writes a position, and its runs' size (points; undefined when inherited).
 */
function coverTitle(bytes: Uint8Array) {
  const title = slideShapes(readPptx(bytes).slideXml(1)).find((s) => s.name === 'Title')!;
  const layout = strFromU8(unzipSync(bytes)[coverLayout(bytes)]!);
  const place = [...layout.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].find(([sp]) =>
    /<p:ph\b[^>]*type="(ctrTitle|title)"/.test(sp),
  );
  const size = /<a:rPr[^>]*\bsz="(\d+)"/.exec(title.xml)?.[1];
  return {
    box: boxOf(title.xml) ?? boxOf(place?.[0] ?? ''),
    own: /<a:xfrm\b/.test(title.xml),
    size: size ? Number(size) / 100 : undefined,
  };
}

async function findings(bytes: Uint8Array) {
  return checkDeck(bytes, { minBodySize: 9, pictures: await backdropPictures(bytes) });
}

/** The cover back on the template's own layout places (no position of its own), as covers were built before. */
function onLayoutPlaces(bytes: Uint8Array, template: string): Uint8Array {
  const files = unzipSync(bytes);
  const layout = coverLayout(bytes);
  files[layout] = unzipSync(readFileSync(template))[layout]!;
  const name = 'ppt/slides/slide1.xml';
  files[name] = strToU8(strFromU8(files[name]!).replace(/<a:xfrm>[\s\S]*?<\/a:xfrm>/g, ''));
  return zipSync(files);
}

describe.runIf(hasSoffice)('a cover that looks like a cover', () => {
  const decks: Record<string, BuiltDeck> = {};
  const templates: Record<string, string> = {};
  beforeAll(async () => {
    const corpus = await libreOfficeTemplates();
    for (const name of ['Blue_Curve', 'Metropolis']) {
      templates[name] = corpus.find((f) => path.basename(f) === `${name}.potx`)!;
      decks[name] = await coverOn(templates[name]!);
    }
    const own = await ownTemplates(path.join(work, 'own'));
    decks.pptxgenjs = await coverOn(own.find((f) => path.basename(f) === 'pptxgenjs-4x3.pptx')!);
  }, 600_000);

  it("Blue Curve: the title stands on its master's title page place, a third down, larger than a slide title", async () => {
    const { box, own, size } = coverTitle(decks.Blue_Curve!.bytes);
    // The deck's copy of the cover's layout carries the place: the slide inherits it.
    expect(own).toBe(false);
    // The master's title page: 1.77 in down, 1.18 in tall; the layout's place was 0.20 in down, 0.52 in tall.
    expect(box!.y).toBeCloseTo(1.77, 1);
    expect(box!.h).toBeCloseTo(1.18, 1);
    // Kept off the slide's side (the master's place starts at its edge).
    expect(box!.x).toBeGreaterThanOrEqual(0.3);
    expect(size ?? 33).toBeGreaterThanOrEqual(28);
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
    const { box, own } = coverTitle(decks.pptxgenjs!.bytes);
    expect(own).toBe(false);
    // pptxgenjs' 4:3 title slide: its centred title place, untouched.
    expect(box === undefined || box.y > 1.5).toBe(true);
  });

  it('the check reports a cover left at the top of the slide as sparse', async () => {
    for (const name of ['Blue_Curve', 'Metropolis']) {
      const found = (await findings(onLayoutPlaces(decks[name]!.bytes, templates[name]!))).filter(
        (f) => f.slide === 1 && f.rule === 'sparse',
      );
      expect(found, name).toHaveLength(1);
      expect(found[0]!.message, name).toMatch(/% of the cover is empty in one stretch/);
    }
  });
});
