/**
 * Every bundled deck on every template of the corpus (test/helpers/template-corpus.ts):
 * LibreOffice's bundled templates as .potx and templates made with other tools, with no
 * font files added to the project. What builds is built on the template (its slide size and
 * layout names), inherits from it (placeholders without their own position, titles without
 * their own colour or font), passes `trappa check` (inside the build), the OOXML validator
 * and LibreOffice. What is still refused is listed by name, so a change either way shows.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { copyProjectInto } from './helpers/project-copy.js';
import { readPptx } from './helpers/pptx-zip.js';
import { resetOverlaps } from './helpers/reset-slide.js';
import { libreOfficeTemplates, notConverted, ownTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

interface Outcome {
  template: string;
  file: string;
  decks?: BuiltDeck[];
  error?: string;
}
const outcomes: Outcome[] = [];

async function buildOn(file: string): Promise<Outcome> {
  const template = path.basename(file).replace(/\.(potx|pptx)$/, '');
  const root = copyProjectInto(mkdtempSync(path.join(work, 'p-')));
  mkdirSync(path.join(root, 'assets/templates'), { recursive: true });
  copyFileSync(file, path.join(root, 'assets/templates', path.basename(file)));
  const theme = path.join(root, 'data/theme.yaml');
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/${path.basename(file)}\n`);
  try {
    return { template, file, decks: (await buildDecks({ root, dryRun: true })).decks };
  } catch (error) {
    return { template, file, error: (error as Error).message };
  }
}

beforeAll(async () => {
  const files = [...(await libreOfficeTemplates()), ...(await ownTemplates(path.join(work, 'own')))];
  for (const file of files) outcomes.push(await buildOn(file));
}, 600_000);

const built = () => outcomes.filter((o) => o.decks);
const parts = (bytes: Uint8Array) => {
  const all = unzipSync(bytes);
  return (name: string) => (all[name] ? strFromU8(all[name]) : '');
};

describe('the template corpus', () => {
  it.runIf(hasSoffice)("holds all of LibreOffice's bundled templates and the five made here", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(28);
  });

  it('builds every bundled deck on every template (trappa check runs inside each build)', () => {
    expect(outcomes.filter((o) => o.error).map((o) => `${o.template}: ${o.error}`)).toEqual([]);
    for (const o of built()) expect(o.decks!.length, o.template).toBeGreaterThanOrEqual(4);
  });

  it('says which slides it adapted to a small body area: one warning per deck and slide', () => {
    const adapted = built().flatMap((o) => o.decks!.map((d) => d.notes.filter((n) => n.startsWith('deck '))));
    // Templates with a body area far smaller than Trappa's (Midnightblue, Vintage) need it.
    expect(adapted.flat().length).toBeGreaterThan(0);
    for (const notes of adapted) {
      // Twelfth round: or a cover whose texts leave its logos no row off the art (Focus, Piano: slides/cover-plan.ts).
      for (const n of notes)
        expect(n).toMatch(
          /^deck [\w-]+, slide \d+ \([\w-]+\): .*template's (?:body area|cover has no room for the logos)/,
        );
      // One line per slide of a deck, however many slides it continues on.
      const slides = notes.map((n) => /^deck [\w-]+, slide \d+/.exec(n)![0]);
      expect(new Set(slides).size).toBe(slides.length);
    }
  });

  it('needs no more than 15 % more slides on any template than on the median one, the staircase drawn whole', () => {
    // Issue #20: small body places (Progress, Vintage, Vivid, Yellow_Idea …) made 44–53 slides of the
    // four decks where most templates make 38 (up to 39 % more); ninth round 41–46 (21 %, this test asked
    // 25 %). Tenth round: plan tables with a compact legend and cells, target groups in text columns,
    // closer points keep them on one slide: 38–43 (Vintage 43, 13 % more; 45–46 before, which fails here).
    const counts = built().map((o) => ({
      template: o.template,
      slides: o.decks!.reduce((n, d) => n + d.planned.length, 0),
    }));
    const sorted = counts.map((c) => c.slides).sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
    const over = counts.filter((c) => c.slides > median * 1.15).map((c) => `${c.template}: ${c.slides}`);
    expect(over, `median ${median}`).toEqual([]);
    // No template tells the staircase's steps or points as a list (the note says so when one does).
    const listed = built().flatMap((o) =>
      o.decks!.flatMap((d) => d.notes.filter((n) => /\(staircase\):.*list/.test(n)).map((n) => `${o.template}: ${n}`)),
    );
    expect(listed).toEqual([]);
  });

  it("keeps the template's slide size and layout names", () => {
    for (const o of built()) {
      const template = parts(readFileSync(o.file));
      const size = /<p:sldSz [^>]*?cx="(\d+)" cy="(\d+)"/.exec(template('ppt/presentation.xml'))!;
      for (const deck of o.decks!) {
        const xml = parts(deck.bytes);
        expect(xml('ppt/presentation.xml'), o.template).toContain(`<p:sldSz cx="${size[1]}" cy="${size[2]}"/>`);
      }
    }
  });

  it('inherits: ≥ 90 % of title runs without own colour or font, ≥ 80 % of placeholders without own position on every deck', () => {
    const figures: { template: string; deck: string; inherited: number; titles: number }[] = [];
    for (const o of built()) {
      for (const deck of o.decks!) {
        let placeholders = 0;
        let positioned = 0;
        let titleRuns = 0;
        let styledRuns = 0;
        const xml = parts(deck.bytes);
        for (let n = 1; xml(`ppt/slides/slide${n}.xml`); n++) {
          for (const [shape] of xml(`ppt/slides/slide${n}.xml`).matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
            const ph = /<p:ph\b[^>]*>/.exec(shape)?.[0];
            if (!ph) continue;
            placeholders++;
            if (/<a:xfrm\b/.test(shape)) positioned++;
            if (!/type="(title|ctrTitle)"/.test(ph)) continue;
            for (const [rPr] of shape.matchAll(/<a:rPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:rPr>)/g)) {
              titleRuns++;
              if (/<a:solidFill>|<a:latin\b/.test(rPr)) styledRuns++;
            }
          }
        }
        figures.push({
          template: o.template,
          deck: deck.deckId,
          inherited: 1 - positioned / placeholders,
          titles: 1 - styledRuns / titleRuns,
        });
      }
    }
    console.log(
      figures
        .map((f) => `${f.template}/${f.deck}: ${(f.inherited * 100).toFixed(0)} % / ${(f.titles * 100).toFixed(0)} %`)
        .join('; '),
    );
    // Changed by issue #20 (seventh round): where the template's title colour does not read on a
    // layout's backdrop (Portfolio's black on black, Focus' and Piano's art, Lights' gradient
    // shape, Metropolis' and dark-picture's pictures: 0 % before), the theme colour that reads is
    // set once on the deck's copy of the layout's title placeholder and the titles inherit it.
    // Eighth round: on every template, with no exceptions — a title on a panel (Blueprint_Plans'
    // and Grey_Elegant's two-line titles over lighter art, 83–92 % before) keeps the colour it
    // inherits where that reads on the panel.
    for (const f of figures)
      expect(f.titles, `${f.template}/${f.deck}: title runs without own colour or font`).toBeGreaterThanOrEqual(0.9);
    // Changed by issue #20 (sixth round): per deck, and ≥ 80 % (was ≥ 45 % per template); seventh
    // round: on every template, with no exceptions (a text inside its layout place takes the place's
    // box and stands in by its insets, a figure's label is a text box of the figure).
    for (const f of figures)
      expect(f.inherited, `${f.template}/${f.deck}: placeholders without own position`).toBeGreaterThanOrEqual(0.8);
  });

  it("keeps every slide readable after PowerPoint's Reset slide (no texts newly overlapping)", () => {
    // Templates with two-content layouts, a small body, art under the content, places past the slide's
    // foot (Progress), texts standing in by insets (Grey_Elegant, Focus), a 4:3 and a Norwegian one.
    const some = new Set([
      'Beehive',
      'Vivid',
      'Focus',
      'Midnightblue',
      'Grey_Elegant',
      'Progress',
      'pptxgenjs-4x3',
      'dark-dejavu-norsk',
    ]);
    const found: string[] = [];
    for (const o of built().filter((o) => some.has(o.template))) {
      for (const deck of o.decks!) {
        const pptx = readPptx(deck.bytes);
        for (let n = 1; n <= pptx.slideCount(); n++)
          found.push(...resetOverlaps(pptx, n).map((line) => `${o.template}/${deck.deckId} ${line}`));
      }
    }
    expect(built().filter((o) => some.has(o.template)).length).toBeGreaterThanOrEqual(some.size - 1);
    expect(found).toEqual([]);
  });

  // Gallery 8, defect 6: these templates' first master has no footer places, a later master of the
  // same ground has them; content slides take the later one (choose-layouts.ts), title slides keep theirs.
  it('numbers every content slide where a master of the same ground has a number place', () => {
    const numbered = ['Beehive', 'Candy', 'Freshes', 'Pencil', 'Portfolio'];
    expect(built().filter((b) => numbered.includes(b.template)).length).toBe(numbered.length);
    const missing: string[] = [];
    for (const o of built().filter((b) => numbered.includes(b.template)))
      for (const d of o.decks!) {
        const x = parts(d.bytes);
        for (let n = 2; x(`ppt/slides/slide${n}.xml`); n++)
          if (!x(`ppt/slides/slide${n}.xml`).includes('<p:ph type="sldNum"'))
            missing.push(`${o.template}/${d.deckId} ${n}`);
      }
    expect(missing).toEqual([]);
  });

  // Gallery 8, defect 8: the title slide's logos stay inside the slide (Beehive's were below its foot)
  // and off the template's art, and stand on a light backing where the cover is dark (template/logo-band.ts).
  it("keeps the title slide's logos inside the slide, on a light backing on a dark cover", () => {
    const emu = (xml: string, tag: string, a: string) =>
      Number(xml.match(new RegExp(`<a:${tag} [^>]*${a}="(\\d+)"`))?.[1]);
    const problems: string[] = [];
    for (const o of built()) {
      const d = o.decks![0]!;
      const x = parts(d.bytes);
      const size = x('ppt/presentation.xml').match(/<p:sldSz cx="(\d+)" cy="(\d+)"/)!;
      const slide = x('ppt/slides/slide1.xml');
      const logos = slide
        .split('<p:pic>')
        .slice(1)
        .filter((p) => /name="Logo (?!backing)/.test(p));
      if (logos.length === 0) problems.push(`${o.template}: no logos`);
      for (const pic of logos) {
        const [px, py, cx, cy] = [
          emu(pic, 'off', 'x'),
          emu(pic, 'off', 'y'),
          emu(pic, 'ext', 'cx'),
          emu(pic, 'ext', 'cy'),
        ];
        if (px < 0 || py < 0 || px + cx > Number(size[1]) || py + cy > Number(size[2]))
          problems.push(`${o.template}: a logo outside the slide`);
      }
      const backed = slide.includes('name="Logo backing"');
      if (['dark-dejavu-norsk', 'four-layouts', 'dark-picture'].includes(o.template) && !backed)
        problems.push(`${o.template}: logos without a backing on a dark cover`);
      if (['impress', 'Nature_Illustration', 'Beehive'].includes(o.template) && backed)
        problems.push(`${o.template}: a backing on a light cover`);
    }
    expect(problems).toEqual([]);
  });

  // Metropolis and dark-picture: on their dark pictures no accent reads as it is, so the design makes one
  // lighter as PowerPoint's picker does and names it with lumMod/lumOff (template-design.ts legible,
  // scheme-tints.ts). Every template's decks name its accents, plain or so transformed.
  it('uses the template theme colours as scheme references in diagrams and tables', () => {
    expect(built().filter((b) => ['Metropolis', 'dark-picture'].includes(b.template)).length).toBe(2);
    for (const o of built()) {
      const xml = o
        .decks!.map((d) => parts(d.bytes))
        .flatMap((x) => {
          const out: string[] = [];
          for (let n = 1; x(`ppt/slides/slide${n}.xml`); n++) out.push(x(`ppt/slides/slide${n}.xml`));
          return out;
        });
      const named = /<a:schemeClr val="accent\d"(?:\/>|>(?:<a:lum(?:Mod|Off) val="\d+"\/>)+<\/a:schemeClr>)/g;
      expect(xml.join('').match(named)?.length ?? 0, o.template).toBeGreaterThan(0);
    }
  });
});

describe('one deck per template, checked outside Trappa', () => {
  const files = () =>
    built().map((o) => {
      const deck = o.decks!.find((d) => d.deckId === 'strategi') ?? o.decks![0]!;
      const file = path.join(work, `${o.template}.pptx`);
      writeFileSync(file, deck.bytes);
      return file;
    });

  it.skipIf(missingValidator())(
    'passes the OOXML validator',
    async () => {
      const written = files();
      expect(written.length).toBe(built().length);
      expect((await validatePptx(...written)).filter((i) => i.severity === 'error')).toEqual([]);
    },
    // 28 decks in one validator run; on a machine shared by several builds this takes minutes.
    600_000,
  );

  it.runIf(hasSoffice)(
    'converts in LibreOffice (one run for all)',
    async () => {
      expect(await notConverted(files(), work)).toEqual([]);
    },
    900_000,
  );
});
