/**
 * Slides on an organisation's template in the layout's own places (issue #20): two-text
 * slides in a two-content layout's columns, a list's intro as its first line, each placeholder
 * inheriting its slot's box; and the adaptations to a template's small body area (the main
 * message alone, the staircase as a list, the statements under their labels) and the panel
 * behind text over art. Every deck is built in process and read from its XML.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { REPO } from './helpers/project.js';
import { copyProjectInto } from './helpers/project-copy.js';
import { type PptxParts, readPptx } from './helpers/pptx-zip.js';
import { resetOverlaps } from './helpers/reset-slide.js';
import { slideLayoutName, slideShapes, type SlideShape } from './helpers/structure.js';
import { FIRST_MASTER_LAYOUTS, libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-slots-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

async function buildOn(file: string, decks: string[], themeExtra = ''): Promise<BuiltDeck[]> {
  const root = copyProjectInto(mkdtempSync(path.join(work, 'p-')));
  mkdirSync(path.join(root, 'assets/templates'), { recursive: true });
  copyFileSync(file, path.join(root, 'assets/templates', path.basename(file)));
  const theme = path.join(root, 'data/theme.yaml');
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/${path.basename(file)}\n${themeExtra}`);
  return (await buildDecks({ root, decks, dryRun: true })).decks;
}

const deckOf = (decks: BuiltDeck[], id: string): PptxParts => readPptx(decks.find((d) => d.deckId === id)!.bytes);

/** The slide whose shapes include one named `name`, with its number. */
function slideWith(deck: PptxParts, name: string): { n: number; shapes: SlideShape[] } {
  for (let n = 1; n <= deck.slideCount(); n++) {
    const shapes = slideShapes(deck.slideXml(n));
    if (shapes.some((s) => s.name === name)) return { n, shapes };
  }
  throw new Error(`no slide with "${name}"`);
}

const idxOf = (s: SlideShape) => /<p:ph\b[^>]*\bidx="([^"]*)"/.exec(s.xml)?.[1];
const positioned = (s: SlideShape) => /<a:xfrm\b/.test(s.xml);

/** The body placeholders' idx values of the layout slide `n` uses. */
function layoutBodyIdx(deck: PptxParts, n: number): (string | undefined)[] {
  const rels = deck.text(`ppt/slides/_rels/slide${n}.xml.rels`);
  const layout = deck.text(`ppt/slideLayouts/${/slideLayouts\/([^"]+)"/.exec(rels)![1]}`);
  return [...layout.matchAll(/<p:ph\b([^>]*)\/?>/g)]
    .filter((m) => !/\btype="(?!obj|body)/.test(m[1]!))
    .map((m) => /\bidx="([^"]*)"/.exec(m[1]!)?.[1]);
}

describe("two-text slides in a LibreOffice template's two-content layout", async () => {
  const decks = await buildOn(path.join(REPO, 'test/fixtures/templates/impress.potx'), ['strategi', 'samkommunestyre']);
  const strategi = deckOf(decks, 'strategi');

  it('gives the layout’s bare body placeholders an idx each, so each slide text names its own column', () => {
    const { n } = slideWith(strategi, 'HVA? statement');
    expect(slideLayoutName(strategi, n)).toBe('Title, 2 Content');
    const idx = layoutBodyIdx(strategi, n);
    expect(idx).toHaveLength(2);
    expect(new Set(idx).size).toBe(2);
  });

  it('sets what and why in the two columns, each under its label, inheriting the column’s box', () => {
    const { n, shapes } = slideWith(strategi, 'HVA? statement');
    const texts = shapes.filter((s) => /statement$/.test(s.name));
    expect(texts.map((s) => s.text.slice(0, 4))).toEqual(['HVA?', 'HVOR']);
    for (const s of texts) expect(positioned(s), s.name).toBe(false);
    expect(texts.map(idxOf).sort()).toEqual(layoutBodyIdx(strategi, n).sort());
  });

  it('sets the main message (its panel the column’s fill) and the other messages in the columns', () => {
    const { shapes } = slideWith(strategi, 'Main message');
    const main = shapes.find((s) => s.name === 'Main message')!;
    const others = shapes.find((s) => s.name === 'Other messages')!;
    expect(main.filled).toBe(true);
    expect(main.text.startsWith('HOVEDBUDSKAP')).toBe(true);
    for (const s of [main, others]) expect(positioned(s), s.name).toBe(false);
    expect(shapes.some((s) => s.name === 'Main message panel')).toBe(false);
  });

  it('flows the target groups through the columns, the legend at the foot of the last a text box of the figure', () => {
    const deck = deckOf(decks, 'samkommunestyre');
    const { n, shapes } = slideWith(deck, 'Legend');
    const lists = shapes.filter((s) => s.name.endsWith(' list'));
    expect(lists).toHaveLength(2);
    for (const s of lists) expect(positioned(s), s.name).toBe(false);
    const legend = shapes.find((s) => s.name === 'Legend')!;
    // Changed by issue #20 (seventh round): the legend belongs to the marked lists, a text box (was a
    // placeholder of its own idx); either way no layout place moves it onto a list on Reset slide.
    expect(legend.xml).not.toMatch(/<p:ph\b/);
    expect(layoutBodyIdx(deck, n)).toHaveLength(2);
    expect(shapes.some((s) => /^Heading \d$/.test(s.name))).toBe(false);
  });

  it('writes a list’s intro as the list’s first line, in the content layout’s body box', () => {
    const deck = deckOf(decks, 'samkommunestyre');
    const { shapes } = slideWith(deck, 'List');
    expect(shapes.some((s) => s.name === 'Intro')).toBe(false);
    const list = shapes.find((s) => s.name === 'List')!;
    expect(positioned(list)).toBe(false);
  });

  it("keeps every slide as it is on PowerPoint's Reset slide", () => {
    for (const d of decks) {
      const deck = readPptx(d.bytes);
      for (let n = 1; n <= deck.slideCount(); n++) expect(resetOverlaps(deck, n), d.deckId).toEqual([]);
    }
  });
});

/**
 * LibreOffice's Midnightblue with its content master's body place as small as its layouts'
 * (6.9 × 1.8 in), so that its layouts are the template's design and not written with another
 * master's geometry (template/master-places.ts): a template whose body area is that small.
 */

function smallBody(file: string): string {
  const parts = unzipSync(readFileSync(file));
  const layout = strFromU8(parts['ppt/slideLayouts/slideLayout3.xml']!);
  const xfrmOf = (xml: string, ph: RegExp) =>
    /<a:xfrm>[\s\S]*?<\/a:xfrm>/.exec([...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].find(([sp]) => ph.test(sp))![0])![0];
  const small = xfrmOf(layout, /<p:ph\/>|<p:ph idx=/);
  // Every master: content slides now prefer the numbered second master (gallery 8, defect 6).
  for (const name of Object.keys(parts).filter((n) => /^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(n))) {
    const master = strFromU8(parts[name]!);
    parts[name] = strToU8(master.replace(xfrmOf(master, /<p:ph type="body"/), small));
  }
  const out = path.join(work, 'Midnightblue-small.potx');
  writeFileSync(out, zipSync(parts));
  return out;
}

// Changed by issue #20 (eighth round): Midnightblue itself now has its master's 10.2 × 4.1-in body
// (its layouts were written with the title master's places); the adaptations are tested on a
// Midnightblue whose master's body is as small as its layouts'.
describe.runIf(hasSoffice)(
  'adapting to a small body area (Midnightblue with a 6.9 × 1.8-in body everywhere)',
  async () => {
    const file = smallBody((await libreOfficeTemplates()).find((f) => path.basename(f) === 'Midnightblue.potx')!);
    // The first master's layouts, named (a layout named in theme.yaml is taken as it is): the
    // numbered second master's, which content slides prefer since gallery 8's defect 6, refuse
    // this strategy's main message on a body this small (a finding for the small-body work).
    const decks = await buildOn(file, ['strategi'], FIRST_MASTER_LAYOUTS);
    const strategi = deckOf(decks, 'strategi');
    const notes = decks[0]!.notes.filter((n) => n.startsWith('deck '));

    it('gives the main message a slide of its own (what and why one each, if need be) and lists the other messages after it, saying so once', () => {
      const { n, shapes } = slideWith(strategi, 'Main message');
      expect(shapes.some((s) => s.name === 'Other messages')).toBe(false);
      expect(strategi.slideTexts(n + 1).join(' ')).toContain('(forts.)');
      expect(notes.filter((l) => l.includes('(messages)'))).toEqual([
        expect.stringMatching(
          /^deck strategi, slide \d+ \(messages\): the main message is too long .*(a slide of its own|a slide each)$/,
        ),
      ]);
    });

    // Changed by issue #20 (eighth round, A2): the staircase was a list over 2–4 slides ("its steps
    // are a list"). Now a slide that needs more slides on the 1.8-in body strip takes the free area
    // under the title, and the steps keep their points in one drawing; only the explanation continues.
    it('draws the staircase whole, each step with its points, on the free area under the title; only the explanation continues', () => {
      expect(notes.some((l) => l.includes('(staircase)'))).toBe(false);
      const { n, shapes } = slideWith(strategi, 'Step 1');
      const steps = shapes.filter((s) => /^Step \d$/.test(s.name));
      expect(steps).toHaveLength(4);
      expect(steps.find((s) => s.name === 'Step 1')!.text).toContain('Hvorfor skal vi kommunisere?');
      expect(steps.find((s) => s.name === 'Step 3')!.text).toContain('Vet / burde vite');
      // Wider than the body place (6.9 in from x 3.7 in): the free area starts at the footer's margin.
      const x = (s: SlideShape) => Number(/<a:off x="(-?\d+)"/.exec(s.xml)?.[1]) / 914_400;
      expect(x(steps[0]!)).toBeLessThan(1);
      expect(strategi.slideTexts(n + 1).join(' ')).toContain('Effektiv kommunikasjon');
      expect(strategi.slideTexts(n + 2).join(' ')).not.toContain('Trinn');
    });

    it('stands the statements under their labels (or on a slide each) when the template’s two columns are not used', async () => {
      const alone = await buildOn(
        file,
        ['strategi'],
        "layouts:\n  content: 'Title, Content'\n  titleOnly: 'Title Only'\n  two: 'Title, Content'\n  comparison: 'Title, Content'\n",
      );
      const line = alone[0]!.notes.find((l) => l.includes('(what-why)'));
      expect(line).toMatch(
        /statements are too long for the template's body area beside their labels; they (stand under them|have a slide each)$/,
      );
      const deck = deckOf(alone, 'strategi');
      const { shapes } = slideWith(deck, 'HVA? heading');
      const label = shapes.find((s) => s.name === 'HVA? heading')!;
      const statement = shapes.find((s) => s.name === 'HVA? statement')!;
      const y = (s: SlideShape) => Number(/<a:off x="-?\d+" y="(-?\d+)"/.exec(s.xml)?.[1]);
      // Under its label, not beside it.
      expect(y(statement)).toBeGreaterThan(y(label));
    });
  },
);

describe.runIf(hasSoffice)("layouts written with another master's places (LibreOffice's Midnightblue)", async () => {
  const file = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Midnightblue.potx')!;
  const decks = await buildOn(file, ['strategi']);
  const strategi = deckOf(decks, 'strategi');

  // Added by issue #20 (eighth round): every layout had the title master's title in the middle of
  // the slide over a 6.9 × 1.8-in body, under an empty dark band: 19 cramped slides.
  it("takes the content master's title band and body place: the deck's layouts inherit them, the slides fit", () => {
    expect(strategi.slideCount()).toBeLessThanOrEqual(12);
    const { n } = slideWith(strategi, 'HVA? statement');
    const rels = strategi.text(`ppt/slides/_rels/slide${n}.xml.rels`);
    const layout = strategi.text(`ppt/slideLayouts/${/slideLayouts\/([^"]+)"/.exec(rels)![1]}`);
    const shapes = [...layout.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map(([sp]) => sp);
    expect(shapes.find((sp) => /<p:ph type="title"/.test(sp))).not.toMatch(/<a:xfrm\b/);
    // The two columns split the master's body place (10.2 in wide), each wider than the layout's 3.4 in.
    const columns = shapes
      .filter((sp) => /<p:ph(?: idx="\d+")?\/>/.test(sp))
      .map((sp) => Number(/<a:ext cx="(\d+)"/.exec(sp)![1]) / 914400);
    expect(columns).toHaveLength(2);
    for (const w of columns) expect(w).toBeGreaterThan(4.5);
    expect(decks[0]!.notes.filter((l) => l.startsWith('deck '))).toEqual([]);
  });
});

describe.runIf(hasSoffice)(
  "four places of a size are no comparison (LibreOffice's Metropolis, 'Title, 4 Content')",
  async () => {
    const file = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Metropolis.potx')!;
    const deck = deckOf(await buildOn(file, ['strategi']), 'strategi');

    // Added by issue #20 (eighth round): its four 1.8-in places were taken as heading and body
    // pairs, so each label stood at the top of a place as tall as its statement's, 1.6 in above it.
    it('stands each label as the first line of its statement in a column, not alone in a place as tall as the text', () => {
      const { shapes } = slideWith(deck, 'HVA? statement');
      expect(shapes.some((s) => /heading$/.test(s.name))).toBe(false);
      for (const label of ['HVA?', 'HVORFOR?']) {
        const statement = shapes.find((s) => s.name === `${label} statement`)!;
        expect(statement.text.startsWith(label)).toBe(true);
        expect(positioned(statement)).toBe(false);
      }
    });
  },
);

describe.runIf(hasSoffice)('text over art of several colours (LibreOffice’s Focus)', async () => {
  const file = (await libreOfficeTemplates()).find((f) => path.basename(f) === 'Focus.potx')!;
  const deck = deckOf(await buildOn(file, ['strategi']), 'strategi');

  it('puts a light-1 panel behind it: the placeholder’s fill, or a decorative panel of its own under a text in a taller slot', () => {
    let panels = 0;
    let inheriting = 0;
    for (let n = 1; n <= deck.slideCount(); n++) {
      const shapes = slideShapes(deck.slideXml(n));
      shapes.forEach((s, i) => {
        if (!/^Panel \d+$/.test(s.name)) return;
        panels++;
        expect(s.decorative).toBe(true);
        // Changed by issue #20 (twelfth round): translucent where the text reads on what shows through.
        expect(s.xml).toMatch(/<a:schemeClr val="bg1"(?:\/>|><a:alpha val="\d+"\/><\/a:schemeClr>)/);
        // The text it is behind follows it, inheriting its slot's box. Changed after merging main
        // (issue #20 part B's one panel behind a slide's whole body): that panel is followed by the
        // body's first element, which may be a diagram's shape or a filled text with its own box.
        const text = shapes[i + 1]!;
        if (text.placeholder && !positioned(text)) inheriting++;
      });
      panels += shapes.filter((s) => s.placeholder && /<p:spPr>[\s\S]*?<a:schemeClr val="bg1"\/>/.test(s.xml)).length;
    }
    expect(panels).toBeGreaterThan(0);
    expect(inheriting).toBeGreaterThan(0);
  });
});
