/**
 * Cards behind texts on a template's art (issue #20, round 18), read from the built decks' slide XML:
 * - Progress: the cover's meeting lines (its subtitle) ran across the diagonal edge of the grey
 *   band on three of the four bundled decks (`trappa check`: art). They now stand on a card, as
 *   the body texts do since round 17, the edge passing behind it.
 * - Progress: the body cards of one deck that stand in one place share one span across the slide.
 *   Fjellregionen's «Kommunikasjonstrappa (framh.)», «(framh. 2)» and «(framh. 3)», one after the
 *   other, stood on cards 6.2, 2.5 and 9.9 in wide, as wide as each slide's lines.
 * Decks built in process (dry run) on LibreOffice's Progress template.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import type { ShapeModel } from '../src/check/types.js';
import { readPptx } from './helpers/pptx-zip.js';
import { copyProjectOnTemplate, REPO } from './helpers/project-copy.js';
import { artFindings, boxesMeet, linesBox } from './helpers/template-art.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-cards-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

/** The bundled project's decks (or the fixture `data`'s) built on Progress. */
async function onProgress(data?: string): Promise<BuiltDeck[]> {
  return onTemplate('Progress', data);
}

/** The bundled project's decks (or the fixture `data`'s) built on one of LibreOffice's templates. */
async function onTemplate(name: string, data?: string): Promise<BuiltDeck[]> {
  const file = (await libreOfficeTemplates()).find((f) => path.basename(f) === `${name}.potx`)!;
  const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'p-')), file);
  if (data) {
    rmSync(path.join(root, 'data'), { recursive: true });
    cpSync(path.join(REPO, data), path.join(root, 'data'), { recursive: true });
    appendFileSync(path.join(root, 'data/theme.yaml'), `template: templates/${name}.potx\n`);
  }
  return (await buildDecks({ root, dryRun: true })).decks;
}

let bundled: BuiltDeck[] = [];
let fjellregionen: BuiltDeck[] = [];
let lights: BuiltDeck[] = [];
beforeAll(async () => {
  if (!hasSoffice) return;
  bundled = await onProgress();
  fjellregionen = await onProgress('test/fixtures/fjellregionen/data');
  lights = await onTemplate('Lights');
}, 300_000);

const isPanel = (e: { name: string }) => /^Panel \d+$/.test(e.name);

/** Whether `card` lies under all of `lines`' height, across them (centred lines are narrower than their frame). */
const under = (card: ShapeModel['box'], lines: ShapeModel['box']) =>
  !!card &&
  !!lines &&
  card.y <= lines.y + 0.01 &&
  card.y + card.h >= lines.y + lines.h - 0.01 &&
  boxesMeet(card, lines);

describe.skipIf(missingTool('LibreOffice', hasSoffice))('cards on Progress', () => {
  it('the cover\u2019s meeting lines stand on a card, clear of the grey band\u2019s edge', async () => {
    const carded: Record<string, number> = {};
    for (const deck of bundled) {
      const cover = readPptx(deck.bytes).model().slides[0]!;
      const elements = cover.elements as ShapeModel[];
      const subtitle = elements.find((e) => e.kind === 'shape' && e.placeholder === 'subTitle');
      const lines = subtitle && linesBox(subtitle);
      expect(lines, deck.deckId).toBeDefined();
      // The cards drawn before the subtitle, under its lines.
      carded[deck.deckId] = elements
        .slice(0, elements.indexOf(subtitle!))
        .filter((e) => isPanel(e) && under(e.box, lines)).length;
      // `trappa check` finds nothing of the cover's running onto the art but its title (on a4a789b: the subtitle on 3 decks).
      const findings = (await artFindings(deck.bytes)).filter((f) => f.slide === 1 && f.element !== 'Title');
      expect(findings.map((f) => `${deck.deckId}: ${f.element}`)).toEqual([]);
    }
    // A card under the three meeting lines (on a4a789b none); strategi's one line lies on the band alone, bare.
    expect(carded).toEqual({ ansatte: 1, samkommunestyre: 1, storledermote: 1, strategi: 0 });
  });

  it('the body cards of a deck that stand in one place share one span (Fjellregionen)', () => {
    const [deck] = fjellregionen;
    const slides = readPptx(deck!.bytes).model().slides;
    // Each card's span across the slide, by the titles of the slides it stands on.
    const spans = (title: RegExp) =>
      slides
        .filter((s) => s.elements.some((e) => e.kind === 'shape' && e.placeholder === 'title' && title.test(textOf(e))))
        .flatMap((s) =>
          s.elements
            .filter((e) => isPanel(e) && e.box!.y > 1.5)
            .map((e) => `${e.box!.x.toFixed(2)} + ${e.box!.w.toFixed(2)}`),
        );
    const steps = spans(/^Kommunikasjonstrappa \(framh/);
    const messages = spans(/^Viktige bodskap \(framh/);
    expect(steps).toHaveLength(3);
    expect(messages).toHaveLength(2);
    // On a4a789b: 0.66 + 6.18, 0.66 + 2.49, 0.56 + 9.90; and 0.66 + 9.31, 0.66 + 9.43.
    expect(new Set(steps).size, steps.join('; ')).toBe(1);
    expect(new Set(messages).size, messages.join('; ')).toBe(1);
    // The same place on the slide: one span for both series.
    expect(steps[0]).toBe(messages[0]);
  });
});

const textOf = (e: ShapeModel | { kind: string }): string =>
  'text' in e && e.text ? e.text.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n') : '';

describe.skipIf(missingTool('LibreOffice', hasSoffice))('cards on Lights', () => {
  it('white body text that runs across the bokeh bubbles stands on a card', async () => {
    // Lights' body text inherits dark 1 and names light 1 on the purple ground: the build gave it
    // a card only where it kept its inherited colour, so 9 body texts ran from the ground onto the
    // bubbles bare (on 4983bd2: ansatte 2, 6, 8; samkommunestyre 2, 8, 9; storledermote 3, 11; strategi 3).
    const bare: string[] = [];
    const onCard: string[] = [];
    for (const deck of lights) {
      for (const f of (await artFindings(deck.bytes)).filter((f) => f.element !== 'Title'))
        bare.push(`${deck.deckId} ${f.slide}: ${f.element}`);
      const slides = readPptx(deck.bytes).model().slides;
      slides.forEach((slide, i) => {
        const elements = slide.elements as ShapeModel[];
        const list = elements.find((e) => e.kind === 'shape' && e.name === 'List');
        const lines = list && linesBox(list);
        if (
          !lines ||
          !/^Hva endres|^Hvem kan jeg|^Dette ber vi/.test(
            textOf(elements.find((e) => e.placeholder === 'title') ?? { kind: '' }),
          )
        )
          return;
        const cards = elements.slice(0, elements.indexOf(list!)).filter((e) => isPanel(e) && under(e.box, lines));
        onCard.push(`${deck.deckId} ${i + 1}: ${cards.length}`);
      });
    }
    expect(bare).toEqual([]);
    // The lists of ansatte 6 and 8 and of storledermote 11 (its last line 0.04 in into a bubble the rule's lines reach) on one card each.
    expect(onCard).toEqual(['ansatte 6: 1', 'ansatte 8: 1', 'storledermote 11: 1']);
  });
});
