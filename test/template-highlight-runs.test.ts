/**
 * Highlighted items on a template's dark panel (issue #20, thirteenth round). The storledermøte
 * deck's «Målgrupper» slide marks two target groups with a light highlight; on Lights and Piano
 * every other body sits on the template's dark translucent panel in white, yet one colour for
 * the whole text had to read on the highlight too, so this slide took a light panel of its own
 * (f698efb). Now the text is judged on its ground alone and a highlighted run names the colour
 * that reads on its highlight (dark 1), its bullet keeping the text's colour on the panel.
 * Asserted on the slide XML, and `trappa check` measures each run on what is really behind it:
 * with the highlighted runs put back in the text's white, it reports them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { backdropPictures } from '../src/check/backdrop-pictures.js';
import { checkDeck } from '../src/check/check-deck.js';
import type { ShapeModel } from '../src/check/types.js';
import { contrastRatio } from '../src/contrast.js';
import { readPptx } from './helpers/pptx-zip.js';
import { copyProjectOnTemplate } from './helpers/project-copy.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-highlight-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

const decks = new Map<string, Uint8Array>();

async function storledermoteOn(file: string): Promise<Uint8Array> {
  const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'p-')), file);
  return (await buildDecks({ root, dryRun: true, decks: ['storledermote'] })).decks[0]!.bytes;
}

/** The slide whose body texts hold highlighted runs (a list, not the legend), and its number. */
function markedSlide(bytes: Uint8Array) {
  const model = readPptx(bytes).model();
  const slide = model.slides.find((s) =>
    s.elements.some(
      (e) => e.kind === 'shape' && e.placeholder && e.text?.paragraphs.some((p) => p.runs.some((r) => r.highlight)),
    ),
  )!;
  const lists = slide.elements.filter(
    (e): e is ShapeModel => e.kind === 'shape' && e.placeholder !== undefined && / list$/.test(e.name),
  );
  return { model, slide, lists };
}

/** The panels' fills (`<a:schemeClr val="…"><a:alpha …/>`) of a slide part, as `slot@alpha`. */
function panelFills(xml: string): string[] {
  return [
    ...xml.matchAll(/name="Panel \d+"[\s\S]*?<a:solidFill><a:schemeClr val="(\w+)">(?:<a:alpha val="(\d+)"\/>)?/g),
  ].map((m) => `${m[1]}@${m[2] ?? '100000'}`);
}

/** `bytes` with every highlighted run of `part` naming `slot` as its colour. */
function highlightedIn(bytes: Uint8Array, part: string, slot: string): Uint8Array {
  const files = unzipSync(bytes);
  files[part] = strToU8(
    strFromU8(files[part]!).replace(
      /<a:solidFill><a:schemeClr val="\w+"\/><\/a:solidFill><a:highlight>/g,
      `<a:solidFill><a:schemeClr val="${slot}"/></a:solidFill><a:highlight>`,
    ),
  );
  return zipSync(files);
}

async function contrastFindings(bytes: Uint8Array, slide: number) {
  const pictures = await backdropPictures(bytes);
  return checkDeck(bytes, { minBodySize: 9, pictures }).filter((f) => f.rule === 'contrast' && f.slide === slide);
}

describe.runIf(hasSoffice)('highlighted items on a dark template panel take a colour of their own', () => {
  beforeAll(async () => {
    const corpus = await libreOfficeTemplates();
    for (const name of ['Lights', 'Piano'])
      decks.set(name, await storledermoteOn(corpus.find((f) => path.basename(f) === `${name}.potx`)!));
  }, 600_000);

  for (const name of ['Lights', 'Piano'])
    it(`${name}: «Målgrupper» keeps the dark panel of the deck's other slides, its highlighted runs in dark 1`, () => {
      const bytes = decks.get(name)!;
      const { model, slide, lists } = markedSlide(bytes);
      const pptx = readPptx(bytes);
      // The same dark translucent panel as the deck's other bodies (a light one on f698efb).
      const fills = panelFills(pptx.slideXml(slide.number));
      expect(fills.length).toBeGreaterThan(0);
      expect(new Set(fills)).toEqual(new Set(['tx1@85000']));
      const others = model.slides.filter((s) => s !== slide).flatMap((s) => panelFills(pptx.slideXml(s.number)));
      expect(others).toContain('tx1@85000');
      expect(others).not.toContain('bg1@85000');
      // Each run in a colour that reads on what is behind it: white on the panel, dark 1 on its highlight.
      const runs = lists.flatMap((l) => l.text!.paragraphs.flatMap((p) => p.runs));
      const marked = runs.filter((r) => r.highlight);
      expect(marked.length).toBeGreaterThanOrEqual(2);
      for (const r of marked) expect(contrastRatio(r.color!, r.highlight!)).toBeGreaterThanOrEqual(4.5);
      const xml = pptx.slideXml(slide.number);
      expect(xml).toMatch(/<a:solidFill><a:schemeClr val="tx1"\/><\/a:solidFill><a:highlight>/);
      expect(xml).not.toMatch(/<a:solidFill><a:schemeClr val="bg1"\/><\/a:solidFill><a:highlight>/);
      // Their bullets stay white on the panel, not the run's dark 1.
      const bullets = [...xml.matchAll(/<a:buClr><a:schemeClr val="(\w+)"\/><\/a:buClr>/g)].map((m) => m[1]);
      expect(bullets.length).toBeGreaterThanOrEqual(1);
      expect(new Set(bullets)).toEqual(new Set(['bg1']));
    });

  it('trappa check measures each run on its own ground: none fails, and the highlighted runs in white do', async () => {
    for (const name of ['Lights', 'Piano']) {
      const bytes = decks.get(name)!;
      const { slide } = markedSlide(bytes);
      expect(await contrastFindings(bytes, slide.number)).toEqual([]);
      const white = highlightedIn(bytes, `ppt/slides/slide${slide.number}.xml`, 'bg1');
      const found = await contrastFindings(white, slide.number);
      expect(found.map((f) => f.element)).toContain('HØYEST PRIORITERTE list');
      expect(found.every((f) => /on E1EBCD/i.test(f.message))).toBe(true);
    }
  });

  it("the art rule: a caption wholly on its highlights stands on its own ground, not on Lights' bokeh", async () => {
    // The plan slide's caption (every run highlighted) needs no panel now; the art rule reported it
    // running onto a bokeh circle (1.57 in, 1.18 in) until it judged it on its highlights.
    const bytes = decks.get('Lights')!;
    const pictures = await backdropPictures(bytes);
    const art = checkDeck(bytes, { minBodySize: 9, pictures }).filter((f) => f.rule === 'art');
    const caption = readPptx(bytes)
      .model()
      .slides.flatMap((s) =>
        s.elements.flatMap((e) =>
          e.kind === 'shape' &&
          e.text?.paragraphs.every((p) => p.runs.every((r) => r.highlight || r.text.trim() === ''))
            ? [{ slide: s.number, name: e.name }]
            : [],
        ),
      );
    expect(caption.map((c) => c.slide)).toContain(9);
    for (const c of caption) expect(art.filter((f) => f.slide === c.slide && f.element === c.name)).toEqual([]);
  });
});
