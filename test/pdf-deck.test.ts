/**
 * The copy of a deck that LibreOffice turns into the PDF: decorative shapes on per-slide layouts,
 * nothing else changed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { readDeck } from '../src/check/read-deck.js';
import { firstTarget } from '../src/ooxml/package.js';
import { isDecorativeShape, prepareDeckForPdf } from '../src/post/pdf-deck.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { REPO } from './helpers/project.js';

let deck: Uint8Array;
let prepared: { bytes: Uint8Array; moved: number };
let work: string;

beforeAll(async () => {
  const result = await buildDecks({ root: REPO, decks: ['strategi'], dryRun: true });
  deck = result.decks[0]!.bytes;
  prepared = prepareDeckForPdf(deck);
  work = mkdtempSync(path.join(tmpdir(), 'trappa-pdf-deck-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const names = (bytes: Uint8Array) => readDeck(bytes).slides.map((s) => s.elements.map((e) => e.name));

describe('prepareDeckForPdf', () => {
  it('moves the shapes without text or alt text (title rules, bands, panels, arrows) off the slides', () => {
    const before = names(deck);
    const after = names(prepared.bytes);
    const gone = before.map((slide, i) => slide.filter((name) => !after[i]!.includes(name)));
    expect(gone.flat().filter((n) => n === 'Title rule')).toHaveLength(before.length);
    expect(prepared.moved).toBe(gone.flat().length);
    // Texts, tables and described pictures stay where they are, in their order.
    const kept = readDeck(prepared.bytes).slides.flatMap((s) => s.elements);
    expect(
      kept.every(
        (e) => e.kind !== 'shape' || (e.text?.paragraphs.some((p) => p.runs.some((r) => r.text.trim())) ?? false),
      ),
    ).toBe(true);
    expect(kept.filter((e) => e.kind === 'picture').length).toBe(
      readDeck(deck)
        .slides.flatMap((s) => s.elements)
        .filter((e) => e.kind === 'picture').length,
    );
  });

  it('puts them on a copy of the slide layout per slide, listed by the master and the content types', () => {
    const layoutsOf = (bytes: Uint8Array) =>
      readDeck(bytes).package.parts.filter((p) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(p));
    const after = readDeck(prepared.bytes);
    const layouts = layoutsOf(prepared.bytes);
    expect(layouts.length).toBe(layoutsOf(deck).length + after.slides.length);
    const master = after.package.xml.get('ppt/slideMasters/slideMaster1.xml') ?? '';
    expect((master.match(/<p:sldLayoutId\b/g) ?? []).length).toBe(layouts.length);
    const types = after.package.xml.get('[Content_Types].xml') ?? '';
    for (const layout of layouts) expect(types).toContain(`PartName="/${layout}"`);
    for (const slide of after.slides) {
      const layout = firstTarget(after.package, slide.part, '/slideLayout')!;
      expect(layoutsOf(deck), slide.part).not.toContain(layout);
      expect(after.package.xml.get(layout), slide.part).toContain('name="Title rule"');
    }
  });

  it.skipIf(missingValidator())('is still a valid package', async () => {
    const file = path.join(work, 'prepared.pptx');
    writeFileSync(file, prepared.bytes);
    expect(await validatePptx(file)).toEqual([]);
  });

  it.each([
    ['a rule (no text, no alt text)', 'sp', '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Rule"/></p:nvSpPr></p:sp>', true],
    ['a shape with text', 'sp', '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Box"/></p:nvSpPr><a:t>Hei</a:t></p:sp>', false],
    [
      'a shape with alt text',
      'sp',
      '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Map" descr="Kart over Innherred"/></p:nvSpPr></p:sp>',
      false,
    ],
    [
      'an empty placeholder',
      'sp',
      '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Body"/><p:nvPr><p:ph type="body"/></p:nvPr></p:nvSpPr></p:sp>',
      false,
    ],
    ['a picture', 'pic', '<p:pic><p:nvPicPr><p:cNvPr id="3" name="Logo" descr=""/></p:nvPicPr></p:pic>', false],
    [
      'a picture marked decorative',
      'pic',
      '<p:pic><p:nvPicPr><p:cNvPr id="3" name="Band" descr=""><a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">' +
        '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst></p:cNvPr></p:nvPicPr></p:pic>',
      true,
    ],
  ])('decorative: %s → %s', (_name, kind, xml, expected) => {
    expect(isDecorativeShape(kind, xml)).toBe(expected);
  });
});
