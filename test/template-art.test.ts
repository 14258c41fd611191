/**
 * Text kept off an organisation template's art, and `trappa check` reporting text over it
 * (issue #20, ninth round; gallery 8 defect 4), on LibreOffice's own templates:
 * - Vintage: its ink blots are inside its backdrop picture (no shape says where they are); the
 *   lists stand beside them, and the `art` rule warns when a list is put back over them;
 * - Piano: its layouts set the title on the top edge of the master's grey bar; the deck's
 *   layouts take the master's title place in the bar, the title centred there;
 * - Inspiration: a long title ends before the purple tab that crosses the title band's end;
 * - Focus: the footer across the white stripe between its polygons reads (a panel under it).
 * Tenth round:
 * - the `art` rule sees what it missed (gallery 9): Progress' light-grey diagonal band on white
 *   (59 apart in RGB, under the old threshold), Yellow_Idea's white tick marks (line shapes: a
 *   stroke, no fill), and samples where the letters are, so art beside a short heading is not
 *   reported;
 * - Piano: a title that takes two lines fits the grey bar drawn inside its black band (the
 *   second line hung below the grey, gallery 9), read from LibreOffice's PDF of the deck.
 * Decks built in process (dry run), checked with the pictures decoded as `trappa check` does.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { exportPdfs } from '../src/post/pdf.js';
import { copyProjectOnTemplate } from './helpers/project-copy.js';
import { readPptx } from './helpers/pptx-zip.js';
import { slideShapes } from './helpers/structure.js';
import { FIRST_MASTER_LAYOUTS, libreOfficeTemplates } from './helpers/template-corpus.js';
import { artFindings, movedDown, withoutShapes } from './helpers/template-art.js';
import { hasPdftotext, hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-art-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

async function deckOn(name: string, deck: string, themeExtra = ''): Promise<BuiltDeck> {
  const file = (await libreOfficeTemplates()).find((f) => path.basename(f) === `${name}.potx`)!;
  const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'p-')), file, undefined, themeExtra);
  return (await buildDecks({ root, decks: [deck], dryRun: true })).decks[0]!;
}

const EMU = 914_400;

/** Every list of the deck set where the template's body place starts (0.55 in), as the lists were before this round. */
function listsAtPlaceStart(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const out = { ...files };
  for (const name of Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const xml = strFromU8(files[name]!).replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?name="List"[\s\S]*?<\/p:sp>/g, (sp) =>
      sp
        .replace(/<a:off x="(\d+)"(.*?)<a:ext cx="(\d+)"/, (_m, x: string, mid: string, cx: string) => {
          const start = Math.round(0.55 * EMU);
          return `<a:off x="${start}"${mid}<a:ext cx="${Number(cx) + Number(x) - start}"`;
        })
        .replace(/lIns="\d+"/, 'lIns="73152"'),
    );
    out[name] = strToU8(xml);
  }
  return zipSync(out);
}

describe.runIf(hasSoffice)("text kept off a template's art", () => {
  const decks: Record<string, BuiltDeck> = {};
  beforeAll(async () => {
    for (const [template, deck] of [
      ['Vintage', 'strategi'],
      ['Piano', 'ansatte'],
      ['Inspiration', 'ansatte'],
      ['Focus', 'ansatte'],
    ] as const)
      decks[template] = await deckOn(template, deck);
    // On its title master's layouts, whose body place reaches the blots at the slide's foot.
    decks.VintageFirstMaster = await deckOn('Vintage', 'strategi', FIRST_MASTER_LAYOUTS);
  }, 600_000);

  it('Vintage: no list runs onto the ink blots in its paper; the art rule names each slide where one is put back there', async () => {
    // The staircase's base touches the blot at the slide's foot (0.60 in, 7.37 in): the twelfth round
    // reported it; it stands in the free area under the mid-slide title that placement lays out over
    // that blot on purpose (layout/content-area.ts freeUnderTitle), so the rule passes it (thirteenth).
    // Since the fourteenth round its content slides take its content masters (template-masters.test.ts),
    // whose body place ends above the blots; on the title master's layouts it reaches them.
    expect(await artFindings(decks.Vintage!.bytes)).toEqual([]);
    expect(await artFindings(decks.VintageFirstMaster!.bytes)).toEqual([]);
    const found = await artFindings(listsAtPlaceStart(decks.VintageFirstMaster!.bytes));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.severity).toBe('warning');
      expect(f.element).toBe('List');
      expect(f.slide).toBeGreaterThan(1);
      expect(f.message).toMatch(/^the text runs onto the template's art \(0\.\d\d in, [67]\.\d\d in/);
    }
  });

  it("Piano: titles take the master's place in its grey bar, centred there, and the art rule passes them", async () => {
    const pptx = readPptx(decks.Piano!.bytes);
    const layouts = Object.keys(unzipSync(decks.Piano!.bytes)).filter((n) =>
      /slideLayouts\/slideLayout\d+\.xml$/.test(n),
    );
    // No layout of the deck keeps the title place on the bar's top edge (y 0.04 in).
    for (const name of layouts)
      expect(pptx.text(name), name).not.toMatch(/type="title"[\s\S]*?<a:off x="\d+" y="36000"/);
    for (let n = 2; n <= pptx.slideCount(); n++) {
      const title = slideShapes(pptx.slideXml(n)).find((s) => s.name === 'Title')!;
      expect(title.xml, `slide ${n}`).toMatch(/anchor="ctr"/);
    }
    expect((await artFindings(decks.Piano!.bytes)).filter((f) => f.element === 'Title')).toEqual([]);
  });

  it('Inspiration: a title ends before the purple tab over the end of its band (an inset, the place inherited)', () => {
    const pptx = readPptx(decks.Inspiration!.bytes);
    for (let n = 2; n <= pptx.slideCount(); n++) {
      const title = slideShapes(pptx.slideXml(n)).find((s) => s.name === 'Title')!;
      expect(title.xml, `slide ${n}`).not.toMatch(/<a:xfrm\b/);
      // The tab starts at 8.66 in; the title place ends at 10.04 in.
      expect(Number(/rIns="(\d+)"/.exec(title.xml)?.[1]), `slide ${n}`).toBeGreaterThan(1.4 * EMU);
    }
  });

  it("Focus: the footer across the white stripe between the template's polygons reads on a panel", async () => {
    const pptx = readPptx(decks.Focus!.bytes);
    // The footer inherits Focus' footer place: 3.74 to 7.28 in across, 5.71 to 6.10 in down.
    const underFooter = (xml: string) => {
      const [x, y, w, h] = /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/
        .exec(xml)!
        .slice(1)
        .map((v) => Number(v) / EMU) as [number, number, number, number];
      return y <= 5.8 && y + h >= 6.0 && x <= 4.0 && x + w >= 7.0;
    };
    for (let n = 2; n <= pptx.slideCount(); n++) {
      const shapes = slideShapes(pptx.slideXml(n));
      const footer = shapes.findIndex((s) => s.name === 'Footer');
      expect(footer, `slide ${n}`).toBeGreaterThan(0);
      const panels = shapes.slice(0, footer).filter((s) => /^Panel/.test(s.name) && underFooter(s.xml));
      expect(panels.length, `slide ${n}`).toBe(1);
    }
    expect((await artFindings(decks.Focus!.bytes)).filter((f) => f.element === 'Footer')).toEqual([]);
  });
});

/** The words LibreOffice drew on each page of `pdf` with their boxes (points from the page's top-left). */
async function pdfWordBoxes(pdf: string) {
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) =>
    execFile('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 << 20 }, (e, out) =>
      e ? reject(e) : resolve({ stdout: out }),
    ),
  );
  return stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (w) => ({ text: w[5]!, top: Number(w[2]), foot: Number(w[4]) }),
      ),
    );
}

describe.runIf(hasSoffice && hasPdftotext)("titles on a template's bar", () => {
  it("Piano: every title's lines lie on the grey bar inside its black band, two-line titles too", async () => {
    const deck = await deckOn('Piano', 'storledermote');
    const pptx = path.join(work, 'piano-storledermote.pptx');
    writeFileSync(pptx, deck.bytes);
    const [pdf] = await exportPdfs([{ pptx }]);
    const pages = await pdfWordBoxes(pdf!.file);
    const slides = readPptx(deck.bytes);
    // Piano's master draws the grey bar (white at 30 % on black) from 0.317 in to 1.142 in down.
    const [top, foot] = [0.317 * 72, 1.142 * 72];
    for (let n = 2; n <= slides.slideCount(); n++) {
      const title = slideShapes(slides.slideXml(n)).find((s) => s.name === 'Title')!;
      const words = [...title.xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].flatMap((m) => m[1]!.split(/\s+/)).filter(Boolean);
      // The title's words are the first ones drawn on the slide, from its top.
      const drawn = pages[n - 1]!.slice(0, words.length);
      expect(
        drawn.map((w) => w.text),
        `slide ${n}`,
      ).toEqual(words);
      for (const w of drawn) {
        expect(w.top, `slide ${n} «${w.text}»`).toBeGreaterThanOrEqual(top - 1);
        expect(w.foot, `slide ${n} «${w.text}»`).toBeLessThanOrEqual(foot + 1);
      }
    }
  }, 300_000);
});

describe.runIf(hasSoffice)("the art rule on what the eye sees (gallery 9's misses)", () => {
  it("names Progress' diagonal and Yellow_Idea's tick mark under the text, and keeps Nature_Illustration's tree", async () => {
    const found = async (template: string) =>
      (await artFindings((await deckOn(template, 'ansatte')).bytes)).map((f) => `${f.slide} ${f.element}`);
    // Progress A 5: the list runs across the edge of the grey band (#DDDDDD on white). Changed by issue #20
    // (seventeenth round): such a text is set on a panel (template-placement.test.ts); without it, the rule names it.
    const progress = (await deckOn('Progress', 'ansatte')).bytes;
    const named = async (bytes: Uint8Array) => (await artFindings(bytes)).map((f) => `${f.slide} ${f.element}`);
    expect(await named(progress)).not.toContain('5 List');
    expect(await named(withoutShapes(progress, 'ppt/slides/slide5.xml', /^Panel \d+$/))).toContain('5 List');
    // Yellow_Idea A 5 and A 7: a white stroke through the last lines ("tjenester", "institusjon,").
    expect(await found('Yellow_Idea')).toEqual(expect.arrayContaining(['5 List', '7 Points']));
    // Nature_Illustration A 6: the last bullet was on the right tree's crown. Changed by issue #20
    // (thirteenth round): the content now ends above the trees (template-placement.test.ts), so the
    // points (A 7 now) are put back there, 2 in lower, for the rule to see them on the crown.
    const nature = (await deckOn('Nature_Illustration', 'ansatte')).bytes;
    expect(await named(nature)).not.toContain('7 Points');
    expect(await named(movedDown(nature, 'ppt/slides/slide7.xml', /^Points$/, 2))).toContain('7 Points');
  }, 300_000);
});

describe.runIf(hasSoffice)(
  "footers kept off the template's art at their places' ends (issue #20, round 19 gallery)",
  () => {
    it("Yellow_Idea: the footer ends before the white triangle over its place's right end, on every slide", async () => {
      const deck = await deckOn('Yellow_Idea', 'ansatte');
      const pptx = readPptx(deck.bytes);
      // The master's triangle (line art) spans 6.94 to 7.14 in across, 5.64 to 5.86 in down; the footer
      // place 3.77 to 7.26 in. The footer had the place with its own 0.08-in insets, its last letters on
      // the triangle. It still inherits the place (PowerPoint's Reset slide keeps it), and its right
      // inset puts its text's end 0.1 in before the triangle.
      for (let n = 2; n <= pptx.slideCount(); n++) {
        const footer = slideShapes(pptx.slideXml(n)).find((s) => s.name === 'Footer')!;
        expect(footer.xml, `slide ${n}`).not.toMatch(/<a:xfrm\b/);
        const right = Number(/rIns="(\d+)"/.exec(footer.xml)?.[1]) / EMU;
        expect(7.26 - right, `slide ${n}`).toBeLessThanOrEqual(6.94 - 0.09);
      }
      expect((await artFindings(deck.bytes)).filter((f) => f.element === 'Footer')).toEqual([]);
    }, 300_000);
  },
);

describe("long titles in a wider place clear of the template's rules (issue #20, round 19 gallery)", () => {
  it('Sunset: a title its 3.9-in place broke into three lines takes one line above the rules beside it', async () => {
    const pptx = readPptx((await deckOn('Sunset', 'ansatte')).bytes);
    const titles = Array.from(
      { length: pptx.slideCount() - 1 },
      (_, i) => slideShapes(pptx.slideXml(i + 2)).find((s) => s.placeholder === 'title')!,
    );
    // The master flanks its title place (3.54 to 7.48 in across, 0.49 to 1.47 in down) with two pairs of
    // white rules (25 % opaque, 0.03 in thin) from 0.95 in down. «Arbeidet med / kommunikasjonsplan – /
    // nærmeste tid» took three lines at 17.5 pt in the place, across the rules' height.
    const long = titles.find((t) => t.text === 'Arbeidet med kommunikasjonsplan – nærmeste tid')!;
    const xfrm = /<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"/.exec(long.xml);
    expect(xfrm, 'the long title has a place of its own').not.toBeNull();
    const [x, y, w, h] = xfrm!.slice(1).map((v) => Number(v) / EMU) as [number, number, number, number];
    expect(y + h).toBeLessThanOrEqual(0.95 - 0.04);
    expect(w).toBeGreaterThan(8);
    expect(x).toBeGreaterThan(0.59);
    // One line: the band holds no second at the titles' floor (18 pt).
    expect(Number(/sz="(\d+)"/.exec(long.xml)?.[1]) / 100).toBeGreaterThanOrEqual(18);
    expect(h).toBeLessThan((2 * 18 * 1.2) / 72);
    // Titles that fit their place keep inheriting it.
    expect(titles.find((t) => t.text === 'Hva? – Hvorfor?')!.xml).not.toMatch(/<a:xfrm\b/);
  }, 300_000);
});
