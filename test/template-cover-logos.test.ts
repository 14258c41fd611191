/**
 * A template's cover holds its texts and its logos together, off the template's art (issue #20,
 * twelfth round). The cover's title, meeting lines and logo row are planned as one
 * (slides/cover-plan.ts): on Blue Curve the master's title page sets the texts down to the wave,
 * on Beehive the hexes line the foot, on Vivid a band takes the lower 40 %. Before, the logos
 * went onto the wave and the band on a white backing of their own, and onto Beehive's hexes
 * without one; a lower band alone took the room the meeting lines need (ansatte refused).
 * Asserted on the built cover's XML: every logo off the art (the master's and layout's shapes
 * and pictures, as template-legibility's art test reads them), no backing on these light covers,
 * the meeting lines' box above the logos and at the subtitle's size, the title at least 28 pt.
 * Piano's keyboard leaves no row: the logos stand on it on a backing, and the build says so.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { logoBoxes } from '../src/slides/cover-plan.js';
import { copyProjectOnTemplate, REPO } from './helpers/project-copy.js';
import { readPptx } from './helpers/pptx-zip.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { boxesMeet, templateArtBoxes } from './helpers/template-art.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-cover-logos-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

/** The ansatte deck's cover alone: three meeting lines, the bundled strategy's three logos. */
const ANSATTE_COVER =
  'id: cover\naudience: { name: Ansatte, groups: [ansatte-isk] }\n' +
  'meeting: { name: Allmøte for ansatte i Verdal og Levanger, date: 2004-01-28, presenter: Rådmennene, planRow: allmote }\n' +
  'slides: [title]\n';

/** Innafjords (nynorsk) with a logo for the company and each of its seven municipalities. */
function innafjordsWithLogos(root: string): void {
  rmSync(path.join(root, 'data'), { recursive: true });
  cpSync(path.join(REPO, 'test/fixtures/innafjords/data'), path.join(root, 'data'), { recursive: true });
  const file = path.join(root, 'data/strategy.yaml');
  const files = ['isk', 'verdal', 'levanger'];
  let n = 0;
  const text = readFileSync(file, 'utf8')
    .replace(
      /- \{ id: (\w), name: ([^}]*) \}/g,
      (_, id, name) => `- { id: ${id}, name: ${name}, logo: { file: logos/${files[n++ % 3]}.svg, alt: Logo } }`,
    )
    .replace('  shortName: IIS\n', '  shortName: IIS\n  logo: { file: logos/isk.svg, alt: Logo }\n');
  writeFileSync(file, text);
  writeFileSync(
    path.join(root, 'data/decks/cover.yaml'),
    'id: cover\naudience: { name: Partnarar, groups: [partnarar] }\nmeeting: { name: Partnarmøte, date: 2027-10-12, planRow: partnarmote }\nslides: [title]\n',
  );
}

async function coverOn(name: string, innafjords = false): Promise<BuiltDeck> {
  const file = (await libreOfficeTemplates()).find((f) => path.basename(f) === `${name}.potx`)!;
  const root = copyProjectOnTemplate(mkdtempSync(path.join(work, `${name}-`)), file);
  if (innafjords) {
    // Innafjords' theme names no template: it goes on as the bundled project's did (copyProjectOnTemplate).
    innafjordsWithLogos(root);
    const theme = path.join(root, 'data/theme.yaml');
    writeFileSync(theme, `${readFileSync(theme, 'utf8')}\ntemplate: templates/${path.basename(file)}\n`);
  } else writeFileSync(path.join(root, 'data/decks/cover.yaml'), ANSATTE_COVER);
  return (await buildDecks({ root, decks: ['cover'], dryRun: true })).decks[0]!;
}

/** The cover as built: its logos, the art they meet, the backing, the texts' boxes and sizes. */
function cover(deck: BuiltDeck) {
  const model = readPptx(deck.bytes).model();
  const slide = model.slides[0]!;
  const { w, h } = model.size;
  const art = templateArtBoxes(slide, { w, h });
  const logos = slide.elements.filter((e) => e.name.startsWith('Logo ') && e.name !== 'Logo backing');
  const text = (name: string) => slide.elements.find((e) => e.name === name);
  const size = (name: string) => {
    const e = text(name);
    return e?.kind === 'shape' ? e.text?.paragraphs[0]?.runs[0]?.size : undefined;
  };
  return {
    logos,
    onArt: logos.filter((l) => art.some((a) => boxesMeet(l.box!, a))).map((l) => l.name),
    backing: slide.elements.some((e) => e.name === 'Logo backing'),
    subtitle: text('Subtitle')?.box,
    titleSize: size('Title'),
    linesSize: size('Subtitle'),
    /**
     * How far each row of logos has its middle from the slide's, in inches: a logo is drawn centred
     * in its box (contain), so a row's boxes have their middle where its logos' centres have their mean.
     */
    offCentre: [...new Set(logos.map((l) => (l.box!.y + l.box!.h / 2).toFixed(3)))].map((y) => {
      const row = logos.filter((l) => (l.box!.y + l.box!.h / 2).toFixed(3) === y).map((l) => l.box!);
      return Math.abs(row.reduce((sum, b) => sum + b.x + b.w / 2, 0) / row.length - w / 2);
    }),
  };
}

describe.runIf(hasSoffice)("a template's cover holds its texts and logos together, off its art", () => {
  for (const name of ['Blue_Curve', 'Beehive', 'Vivid']) {
    it(`${name}: the ansatte cover's three meeting lines and three logos, the logos off the art`, async () => {
      const deck = await coverOn(name);
      const c = cover(deck);
      expect(c.logos).toHaveLength(3);
      expect(c.onArt).toEqual([]);
      expect(c.backing).toBe(false);
      // The row centred on the slide, where that keeps it off the art (Beehive's free stretch
      // starts right of its hexes: right-aligned in it, the row stood 0.4 in right of the middle).
      // Blue_Curve's row fills its free stretch above the wave, whose middle is 0.05 in left of the slide's.
      expect(Math.max(...c.offCentre)).toBeLessThan(name === 'Blue_Curve' ? 0.06 : 0.01);
      // The lines' box ends above the logos' row, and neither text is set small to make room.
      const top = Math.min(...c.logos.map((l) => l.box!.y));
      expect(c.subtitle!.y + c.subtitle!.h).toBeLessThanOrEqual(top);
      expect(c.titleSize ?? 33).toBeGreaterThanOrEqual(28);
      expect(c.linesSize ?? 16).toBeGreaterThanOrEqual(14);
      // Logos of a sensible height (0.69 in at most in Trappa's band), and no warning.
      expect(c.logos[0]!.box!.h).toBeGreaterThan(0.45);
      expect(deck.notes.filter((n) => n.startsWith('deck '))).toEqual([]);
    });
  }

  it('Blue_Curve: eight logos (Innafjords and its seven municipalities) on two rows above the wave', async () => {
    const c = cover(await coverOn('Blue_Curve', true));
    expect(c.logos).toHaveLength(8);
    expect(c.onArt).toEqual([]);
    expect(c.backing).toBe(false);
    expect(c.offCentre).toHaveLength(2);
    expect(Math.max(...c.offCentre)).toBeLessThan(0.01);
    expect(c.logos[0]!.box!.h).toBeGreaterThan(0.25);
  });

  it('Piano: no row free of the keyboard under the texts, so the logos stand on it on a backing, and the build says so', async () => {
    const deck = await coverOn('Piano');
    const c = cover(deck);
    expect(c.onArt.length).toBeGreaterThan(0);
    expect(c.backing).toBe(true);
    expect(deck.notes).toContainEqual(
      expect.stringMatching(/^deck cover, slide 1 \(title\): the template's cover has no room for the logos/),
    );
  });
});

describe("the logos' row in its band (slides/cover-plan.ts logoBoxes)", () => {
  const band = { x: 3, y: 5, w: 8, h: 1 };
  const row = (boxes: { x: number; w: number }[]) => ({
    from: Math.min(...boxes.map((b) => b.x)),
    to: Math.max(...boxes.map((b) => b.x + b.w)),
  });

  it("Trappa's own cover: right-aligned in the band, as before", () => {
    const { to } = row(logoBoxes(2, band));
    expect(to).toBeCloseTo(band.x + band.w, 9);
  });

  it("a template's cover: centred on the slide's middle where the row stays in the band, else in the band", () => {
    const { from, to } = row(logoBoxes(2, band, 7.5));
    expect((from + to) / 2).toBeCloseTo(7.5, 9);
    // The slide's middle (5.51 in) would put the row's left end off the band's free stretch.
    const off = row(logoBoxes(2, band, 5.51));
    expect(off.from).toBeGreaterThanOrEqual(band.x);
    expect((off.from + off.to) / 2).toBeCloseTo(band.x + band.w / 2, 9);
  });
});
