/**
 * A template's cover sets its meeting lines on the title's axis (issue #20, round 19), read from
 * the built decks' slide XML (placeholders resolved through their layouts, as `trappa check` reads them):
 * - Midnightblue: the layout centres its title at 5.5 in over a subtitle place centred at 7.2 in;
 *   the lines hung 1.7 in right of the title, a block with two axes. They now share the title's span.
 * - Freshes: a centred title over lines set left in the same span; the lines are now centred too.
 * - Yellow_Idea: its tick marks and bulb are line art; moving the lines before the cover's places
 *   were settled put them onto a tick mark (round 18). Its lines stay clear of the art.
 * - A cover with its lines beside the title, on the same rows: they stay there (moved onto the
 *   title's span, they ran into it and every deck was refused).
 * Decks built in process (dry run) from the bundled project on LibreOffice's templates.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuiltDeck } from '../src/build-deck.js';
import type { ShapeModel } from '../src/check/types.js';
import { readPptx } from './helpers/pptx-zip.js';
import { titleBesideLinesTemplate } from './helpers/red-team-templates.js';
import { copyProjectOnTemplate } from './helpers/project-copy.js';
import { artFindings } from './helpers/template-art.js';
import { libreOfficeTemplates } from './helpers/template-corpus.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'trappa-cover-axis-'));
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }));

const TEMPLATES = ['Midnightblue', 'Freshes', 'Yellow_Idea'] as const;
const decks: Partial<Record<(typeof TEMPLATES)[number], BuiltDeck>> = {};

beforeAll(async () => {
  if (!hasSoffice) return;
  const corpus = await libreOfficeTemplates();
  for (const name of TEMPLATES) {
    const file = corpus.find((f) => path.basename(f) === `${name}.potx`)!;
    const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'p-')), file);
    decks[name] = (await buildDecks({ root, decks: ['ansatte'], dryRun: true })).decks[0]!;
  }
}, 300_000);

/** The cover's title and subtitle as `trappa check` reads them: their boxes and their paragraphs' alignment. */
function coverTexts(deck: BuiltDeck) {
  const elements = readPptx(deck.bytes).model().slides[0]!.elements as ShapeModel[];
  const place = (type: string) => {
    const shape = elements.find((e) => e.kind === 'shape' && e.placeholder === type)!;
    const box = shape.box!;
    return { box, centre: box.x + box.w / 2, align: new Set(shape.text!.paragraphs.map((p) => p.align)) };
  };
  return { title: place('title'), subtitle: place('subTitle') };
}

describe.skipIf(missingTool('LibreOffice', hasSoffice))('cover lines on the title axis', () => {
  it('Midnightblue: the lines are centred under the title, in its span', () => {
    const { title, subtitle } = coverTexts(decks.Midnightblue!);
    // On 3446c53: title centred at 5.51 in (2.95 + 5.12), subtitle at 7.19 in (3.74 + 6.89).
    expect(subtitle.centre - title.centre).toBeCloseTo(0, 1);
    expect(subtitle.box.x).toBeCloseTo(title.box.x, 2);
    expect(subtitle.box.w).toBeCloseTo(title.box.w, 2);
    expect([...subtitle.align]).toEqual([...title.align]);
  });

  it('Freshes: lines set left under a centred title are centred as the title is', () => {
    const { title, subtitle } = coverTexts(decks.Freshes!);
    expect([...title.align]).toEqual(['center']);
    // On 3446c53 the lines kept the layout's left alignment.
    expect([...subtitle.align]).toEqual(['center']);
    expect(subtitle.centre - title.centre).toBeCloseTo(0, 1);
  });

  it('Yellow_Idea: the lines share the title\u2019s axis and stay clear of its tick marks', async () => {
    const { title, subtitle } = coverTexts(decks.Yellow_Idea!);
    expect(subtitle.centre - title.centre).toBeCloseTo(0, 1);
    const onArt = (await artFindings(decks.Yellow_Idea!.bytes)).filter((f) => f.slide === 1);
    expect(onArt.map((f) => `${f.element}: ${f.message}`)).toEqual([]);
  });
});

describe('cover lines beside the title', () => {
  it('stay beside it, clear of the title, where the layout sets them on the same rows', async () => {
    const file = path.join(work, 'beside.potx');
    writeFileSync(file, titleBesideLinesTemplate());
    const root = copyProjectOnTemplate(mkdtempSync(path.join(work, 'p-')), file);
    // A deck failing its checks (the lines over the title) is refused: buildDecks rejects.
    const built = await buildDecks({ root, decks: ['ansatte'], dryRun: true });
    const { title, subtitle } = coverTexts(built.decks[0]!);
    expect(subtitle.box.x).toBeGreaterThanOrEqual(title.box.x + title.box.w);
  }, 120_000);
});
