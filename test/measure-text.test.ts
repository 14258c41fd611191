import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import opentype from 'opentype.js';
import { afterEach, describe, expect, it } from 'vitest';
import { fitText, sizesFrom, splitParagraphs } from '../src/layout/fit-text.js';
import { measureTableRows, paginateRows } from '../src/layout/fit-table.js';
import { FontRegistry, fontMetrics, MISSING_GLYPH_EM, resolveFontFace, withFonts } from '../src/fonts/fonts.js';
import {
  layoutParagraphs,
  LINE_HEIGHT_EM,
  keepLinesOf,
  keepUnitsOf,
  layoutPrepared,
  measureWidth,
  prepareText,
  WIDTH_SAFETY,
} from '../src/layout/measure-text.js';
import { pptxTextRuns, tableCellMargin, textBoxMargin, textBoxOptions } from '../src/layout/pptx-text-options.js';
import { readSfntMetrics } from '../src/fonts/sfnt-metrics.js';
import type { Insets, Paragraph, TextStyle } from '../src/layout/types.js';

const FONTS = fileURLToPath(new URL('../assets/fonts/', import.meta.url));
const NO_INSETS: Insets = { left: 0, right: 0, top: 0, bottom: 0 };
const style = (fontSize: number, extra: Partial<TextStyle> = {}): TextStyle => ({
  fontFace: 'Calibri',
  fontSize,
  color: '000000',
  insets: NO_INSETS,
  ...extra,
});
const text = (t: string, extra: Partial<Paragraph> = {}): Paragraph => ({ runs: [{ text: t }], ...extra });
const lineTexts = (paragraphs: Paragraph[], s: TextStyle, width: number): string[] =>
  layoutParagraphs(paragraphs, s, width).lines.map((l) => l.text);

describe('readSfntMetrics', () => {
  it.each(['Regular', 'Bold', 'Italic', 'BoldItalic'])(
    'agrees with opentype.js on every character of Carlito-%s',
    (style) => {
      const bytes = readFileSync(`${FONTS}Carlito-${style}.ttf`);
      const ours = readSfntMetrics(bytes);
      const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      const cmap = (font.tables.cmap as unknown as { glyphIndexMap: Record<string, number> }).glyphIndexMap;
      const codePoints = Object.keys(cmap).map(Number);
      expect(codePoints.length).toBeGreaterThan(2000);
      for (const cp of codePoints) {
        expect(ours.glyphId(cp), `U+${cp.toString(16)}`).toBe(cmap[cp]);
        expect(ours.advance(ours.glyphId(cp))).toBe(font.glyphs.get(cmap[cp]!).advanceWidth);
      }
      expect([ours.unitsPerEm, ours.ascender, ours.descender, ours.lineGap]).toEqual([2048, 1536, -512, 452]);
    },
  );

  it('rejects what is not a TrueType/OpenType font', () => {
    expect(() => readSfntMetrics(new TextEncoder().encode('wOFF and then some bytes'))).toThrow(/WOFF/);
  });
});

describe('fonts', () => {
  it('measures Calibri with Carlito, and says which face stands in for an unknown one, wider', () => {
    expect(resolveFontFace('Calibri').warning).toBeUndefined();
    expect(resolveFontFace('carlito').warning).toBeUndefined();
    // Changed by issue #20: an unknown face is measured with a face of its kind and a safety margin, not as Calibri.
    expect(resolveFontFace('Comic Sans MS').warning).toMatch(/"Comic Sans MS" is not on this machine.*measured with/);
    expect(measureWidth('Æøå', { face: 'Comic Sans MS', size: 20 })).toBeGreaterThan(
      measureWidth('Æøå', { face: 'Calibri', size: 20 }),
    );
    expect(layoutParagraphs([text('x')], style(20, { fontFace: 'Comic Sans MS' }), 5).warnings).toHaveLength(1);
  });

  it('uses the files a theme registers, only in the work of the project that registered them', () => {
    const fonts = new FontRegistry();
    fonts.register('Tykk', { regular: `${FONTS}Carlito-Bold.ttf`, bold: `${FONTS}Carlito-Bold.ttf` });
    withFonts(fonts, () => {
      expect(resolveFontFace('tykk').warning).toBeUndefined();
      expect(measureWidth('Samkommune', { face: 'Tykk', size: 20 })).toBe(
        measureWidth('Samkommune', { face: 'Calibri', size: 20, bold: true }),
      );
      // No italic file given: italic is measured with the regular file.
      expect(measureWidth('Samkommune', { face: 'Tykk', size: 20, italic: true })).toBe(
        measureWidth('Samkommune', { face: 'Tykk', size: 20 }),
      );
    });
    // Outside that project's work the face is unknown again.
    expect(resolveFontFace('tykk').warning).toMatch(/"tykk" is not on this machine/);
    expect(() => fonts.register('Borte', { regular: '/nowhere/borte.ttf', bold: '/nowhere/borte-bold.ttf' })).toThrow(
      /font file not found: \/nowhere\/borte\.ttf \(given for the font "Borte"\)/,
    );
  });

  it('counts a character the font lacks as 1 em, and zero-width characters as nothing', () => {
    const regular = fontMetrics('Calibri');
    expect(regular.advanceEm(0x2713)).toBe(MISSING_GLYPH_EM); // ✓ is not in Carlito
    expect(regular.advanceEm(0x1f600)).toBe(MISSING_GLYPH_EM); // 😀, beyond the BMP
    expect(regular.textEm('a\u200bb\u00ad')).toBe(regular.textEm('ab'));
  });
});

describe('measureWidth', () => {
  it.each([
    { text: 'Kommunikasjonsstrategi', font: { face: 'Calibri', size: 36 }, width: 360.686 },
    { text: 'HHHHHHHHHHHHHHHHHHHH', font: { face: 'Calibri', size: 36 }, width: 448.594 },
    { text: 'Målgrupper – vinter 2004', font: { face: 'Calibri', size: 20 }, width: 207.93 },
    { text: 'Målgrupper – vinter 2004', font: { face: 'Calibri', size: 20, bold: true }, width: 211.523 },
    { text: 'Målgrupper – vinter 2004', font: { face: 'Calibri', size: 20, italic: true }, width: 207.334 },
    { text: 'æøå ÆØÅ', font: { face: 'Calibri', size: 10 }, width: 40.127 },
    { text: '', font: { face: 'Calibri', size: 10 }, width: 0 },
  ])('$text at $font.size pt', ({ text: t, font, width }) => {
    expect(measureWidth(t, font)).toBeCloseTo(width, 3);
  });

  it('scales with the size', () => {
    expect(measureWidth('Levanger', { face: 'Calibri', size: 30 })).toBeCloseTo(
      3 * measureWidth('Levanger', { face: 'Calibri', size: 10 }),
      9,
    );
  });
});

describe('layoutParagraphs', () => {
  it('breaks at spaces, and lets the spaces at a break hang', () => {
    // "Innherred Samkommune" is 202.7 pt at 20 pt, 2.844 in with the safety margin.
    expect(lineTexts([text('Innherred Samkommune   Levanger')], style(20), 2.85)).toEqual([
      'Innherred Samkommune',
      'Levanger',
    ]);
    expect(lineTexts([text('Innherred Samkommune')], style(20), 2.8)).toEqual(['Innherred', 'Samkommune']);
  });

  it('keeps the safety margin: a line that fits only without it breaks', () => {
    const width = (measureWidth('Innherred Samkommune', { face: 'Calibri', size: 20 }) * 1.005) / 72;
    expect(lineTexts([text('Innherred Samkommune')], style(20), width)).toEqual(['Innherred', 'Samkommune']);
    expect(layoutParagraphs([text('Innherred Samkommune')], style(20), width, 1).lines).toHaveLength(1);
    expect(WIDTH_SAFETY).toBe(1.01);
  });

  it('moves a word that fits no line to a new one and breaks it between characters', () => {
    expect(lineTexts([text('Vi Kommunikasjonsstrategien')], style(20), 1.6)).toEqual([
      'Vi',
      'Kommunikasj',
      'onsstrategien',
    ]);
  });

  it('breaks after a hyphen or dash between letters; before digits only in a word too long for a line', () => {
    expect(lineTexts([text('rbeid i Mor-kommunene')], style(20), 1.5)).toEqual(['rbeid i Mor-', 'kommunene']);
    expect(lineTexts([text('Nord–Trøndelag')], style(20), 1.2)).toEqual(['Nord–', 'Trøndelag']);
    expect(lineTexts([text('Uke 2004-2005')], style(20), 1.4)).toEqual(['Uke', '2004-2005']);
    expect(lineTexts([text('x 2004-2005')], style(20), 0.9)).toEqual(['x', '2004-', '2005']);
  });

  it('moves "og/eller" whole, and breaks a too-long word at its last slash that fits', () => {
    expect(lineTexts([text('tillitsvalgte, publikum/brukere')], style(20), 2.1)).toEqual([
      'tillitsvalgte,',
      'publikum/brukere',
    ]);
    expect(lineTexts([text('x Brukere/innbyggere/tillitsvalgte')], style(20), 2.1)).toEqual([
      'x',
      'Brukere/',
      'innbyggere/',
      'tillitsvalgte',
    ]);
  });

  it('measures runs with their own font', () => {
    const plain = layoutParagraphs([text('HVORFOR? For å gi innbyggerne')], style(20), 10).lines[0]!;
    const mixed = layoutParagraphs(
      [{ runs: [{ text: 'HVORFOR? ', bold: true, size: 28 }, { text: 'For å gi innbyggerne' }] }],
      style(20),
      10,
    ).lines[0]!;
    expect(mixed.width).toBeCloseTo(
      measureWidth('HVORFOR? ', { face: 'Calibri', size: 28, bold: true }) +
        measureWidth('For å gi innbyggerne', { face: 'Calibri', size: 20 }),
      9,
    );
    expect(mixed.width).toBeGreaterThan(plain.width);
    // The line is as tall as its largest run.
    expect(mixed.height).toBeCloseTo(1.2 * 28, 9);
  });

  it('indents bullets 18 pt per level, so deeper bullets wrap sooner', () => {
    // 460 pt at 20 pt: 6.45 in with the margin, + 0.25 in at level 0, + 0.75 in at level 2.
    const item = 'Gjennom ISK er Levanger og Verdal foregangskommuner';
    expect(lineTexts([text(item, { bullet: true })], style(20), 7)).toEqual([item]);
    expect(lineTexts([text(item, { bullet: true, level: 2 })], style(20), 7)).toEqual([
      'Gjennom ISK er Levanger og Verdal',
      'foregangskommuner',
    ]);
    // Only bullets are indented: pptxgenjs writes marL="0" for other paragraphs.
    expect(lineTexts([text(item, { level: 2 })], style(20), 7)).toEqual([item]);
  });

  it('is as tall as its lines (1.2 × size × lineSpacing), spaceBefore and insets', () => {
    const layout = layoutParagraphs(
      [text('Én'), text('To\nTre', { spaceBefore: 12 }), text('')],
      style(20, { lineSpacing: 0.9, insets: { left: 0.1, right: 0.1, top: 0.05, bottom: 0.1 } }),
      4,
    );
    expect(layout.lines.map((l) => [l.text, l.height, l.spaceBefore])).toEqual([
      ['Én', 21.6, 0],
      ['To', 21.6, 12],
      // pptxgenjs writes "\n" as a new paragraph with the same spacing.
      ['Tre', 21.6, 12],
      ['', 21.6, 0],
    ]);
    expect(layout.height).toBeCloseTo(0.15 + (4 * 21.6 + 24) / 72, 9);
    expect(LINE_HEIGHT_EM).toBe(1.2);
  });
});

describe('measurement caches', () => {
  const unitsOf = (p: Paragraph, s: TextStyle) => prepareText([p], s).paragraphs[0]!.units;

  it('shares the units of paragraphs made again with the same runs, and no others', () => {
    const runs = () => [{ text: 'Kommunikasjon for ' }, { text: 'alle ansatte', bold: true }];
    const first = unitsOf({ runs: runs() }, style(20));
    expect(unitsOf({ runs: runs() }, style(14))).toBe(first);
    expect(layoutParagraphs([{ runs: runs() }], style(20), 2).lines).toEqual(
      layoutParagraphs([{ runs: runs() }], style(20), 2).lines,
    );
    // Anything splitUnits reads makes other units: a run's weight, style, own size or text, the face's weight.
    expect(unitsOf({ runs: [{ text: 'Kommunikasjon for ' }, { text: 'alle ansatte' }] }, style(20))).not.toBe(first);
    expect(
      unitsOf(
        { runs: [{ text: 'Kommunikasjon for ' }, { text: 'alle ansatte', bold: true, italic: true }] },
        style(20),
      ),
    ).not.toBe(first);
    expect(
      unitsOf({ runs: [{ text: 'Kommunikasjon for ' }, { text: 'alle ansatte', bold: true, size: 12 }] }, style(20)),
    ).not.toBe(first);
    expect(
      unitsOf({ runs: [{ text: 'Kommunikasjon for' }, { text: ' alle ansatte', bold: true }] }, style(20)),
    ).not.toBe(first);
    expect(unitsOf({ runs: runs() }, style(20, { bold: true }))).not.toBe(first);
  });

  describe('kept for fewer characters (the Studio’s worker)', () => {
    // Back to the default for the files that run after this one in the same process.
    afterEach(() => keepUnitsOf(1_000_000));

    it('forgets the units of runs beyond the bound, and shares them within it', () => {
      const p = (word: string) => ({ runs: [{ text: `${word} ${'x'.repeat(30)}` }] });
      keepUnitsOf(1_000);
      const first = unitsOf(p('Samkommune'), style(20));
      unitsOf(p('Innherred'), style(20));
      expect(unitsOf(p('Samkommune'), style(20))).toBe(first);
      keepUnitsOf(50);
      const kept = unitsOf(p('Samkommune'), style(20));
      // Two paragraphs of ~45 characters weigh more than 50: the first is forgotten when the second is kept.
      unitsOf(p('Innherred'), style(20));
      expect(unitsOf(p('Samkommune'), style(20))).not.toBe(kept);
    });
  });

  describe('lines kept for fewer wraps (the Studio’s worker)', () => {
    // Back to the default for the files that run after this one in the same process.
    afterEach(() => keepLinesOf(Number.POSITIVE_INFINITY));

    it('lays out the same lines when its wraps are let go as it goes', () => {
      const paragraphs = [
        text('Innherred Samkommune er et omfattende og forpliktende samarbeid mellom nabokommunene'),
        text('Levanger og Verdal', { bullet: true, level: 1, spaceBefore: 6 }),
      ];
      // The same prepared text, every size and width tried twice: the second time from the memo where kept.
      const tried = () => {
        const prepared = prepareText(paragraphs, style(20));
        return [0, 1].flatMap(() =>
          [28, 20, 12].flatMap((size) => [2, 4.5].map((width) => layoutPrepared(prepared, size, width))),
        );
      };
      const kept = tried();
      keepLinesOf(1);
      expect(tried()).toEqual(kept);
      keepLinesOf(3);
      expect(tried()).toEqual(kept);
    });
  });

  it('measures a project’s own face apart from the same text in another face', () => {
    const own = new FontRegistry();
    own.register('Own Face', { regular: `${FONTS}Carlito-Bold.ttf`, bold: `${FONTS}Carlito-Bold.ttf` });
    const p = () => ({ runs: [{ text: 'Innherred Samkommune' }] });
    const calibri = unitsOf(p(), style(20));
    const ownUnits = withFonts(own, () => unitsOf(p(), style(20, { fontFace: 'Own Face' })));
    expect(ownUnits).not.toBe(calibri);
    expect(ownUnits[0]!.word[0]!.em).toBeGreaterThan(calibri[0]!.word[0]!.em);
  });
});

describe('fitText', () => {
  const paragraphs = [
    text('Innherred Samkommune er et omfattende og forpliktende samarbeid mellom nabokommunene Levanger og Verdal'),
    text('For å gi innbyggerne og næringslivet i Levanger og Verdal bedre tjenester', { spaceBefore: 6 }),
  ];
  const s = style(28, { insets: { left: 0.1, right: 0.1, top: 0.05, bottom: 0.05 } });

  it('keeps the largest size when the text fits', () => {
    const fit = fitText({ paragraphs, style: s, box: { x: 0, y: 0, w: 10, h: 4 }, maxSize: 28, minSize: 12 });
    expect([fit.fontSize, fit.fits, fit.lines.length]).toEqual([28, true, 4]);
  });

  it('shrinks in steps until it fits', () => {
    const box = { x: 0, y: 0, w: 6, h: 2 };
    const fit = fitText({ paragraphs, style: s, box, maxSize: 28, minSize: 12 });
    expect([fit.fontSize, fit.fits, fit.lines.length]).toEqual([21.5, true, 5]);
    expect(fit.height).toBeLessThanOrEqual(box.h);
    // Half a point larger does not fit.
    expect(layoutParagraphs(paragraphs, { ...s, fontSize: 22 }, box.w).height).toBeGreaterThan(box.h);
    expect(fitText({ paragraphs, style: s, box, maxSize: 28, minSize: 12, step: 1 }).fontSize).toBe(21);
  });

  it('reports the minSize layout when nothing fits', () => {
    const fit = fitText({ paragraphs, style: s, box: { x: 0, y: 0, w: 3, h: 1 }, maxSize: 28, minSize: 14 });
    expect([fit.fontSize, fit.fits]).toEqual([14, false]);
    expect(fit.height).toBeGreaterThan(1);
  });

  it('tries sizes from max to min in steps, always including min', () => {
    expect(sizesFrom(14, 12, 0.5)).toEqual([14, 13.5, 13, 12.5, 12]);
    expect(sizesFrom(13.7, 12, 1)).toEqual([13.7, 12.7, 12]);
    expect(sizesFrom(10, 12, 1)).toEqual([12]);
  });
});

describe('splitParagraphs', () => {
  const items = Array.from({ length: 12 }, (_, i) =>
    text(`Punkt ${i + 1}: Samkommunen gir mange av fordelene`, { bullet: true, spaceBefore: 6 }),
  );
  const box = { x: 0, y: 0, w: 5, h: 3 };

  it('keeps a list that fits in one chunk at the style size', () => {
    expect(splitParagraphs(items.slice(0, 3), style(20), box, 14).map((c) => [c.start, c.end, c.fontSize])).toEqual([
      [0, 3, 20],
    ]);
  });

  it('splits at paragraph boundaries into the fewest chunks, balanced, all at one size', () => {
    const chunks = splitParagraphs(items, style(20), box, 14);
    // The break falls at the item nearest half the height (the first item has no space before it).
    expect(chunks.map((c) => [c.start, c.end, c.fontSize, c.overflow])).toEqual([
      [0, 7, 17, false],
      [7, 12, 17, false],
    ]);
    for (const chunk of chunks) expect(chunk.height).toBeLessThanOrEqual(box.h);
    // Two chunks are the fewest (minSize needs two); at 17.5 pt it would take three.
    expect(splitParagraphs(items, style(17.5), box, 17.5)).toHaveLength(3);
  });

  it('gives a paragraph too tall for the box a chunk of its own, flagged', () => {
    const long = text('Samkommunen er et alternativ til kommunesammenslåing. '.repeat(20));
    const chunks = splitParagraphs([items[0]!, long, items[1]!], style(20), box, 14);
    expect(chunks.map((c) => [c.start, c.end, c.overflow])).toEqual([
      [0, 1, false],
      [1, 2, true],
      [2, 3, false],
    ]);
  });

  it('returns no chunks for no paragraphs', () => {
    expect(splitParagraphs([], style(20), box, 14)).toEqual([]);
  });
});

describe('table rows', () => {
  const insets = { left: 0.08, right: 0.08, top: 0.05, bottom: 0.05 };

  it('makes each row as tall as its tallest cell', () => {
    const heights = measureTableRows(
      [2, 2.5],
      [
        ['Ansatte ISK', 'Møter i enhetene'],
        ['Ansatte ISK og Mor-kommunene', 'Informere om samkommunen og kommunikasjonsstrategien'],
        ['', ''],
      ],
      style(14),
      insets,
    );
    const line = (1.2 * 14) / 72;
    expect(heights.map((h) => Math.round((h - 0.1) / line))).toEqual([1, 3, 1]);
    expect(heights[0]).toBeCloseTo(0.1 + line, 9);
  });

  it('measures a bold header with the bold font', () => {
    const header = [['Målgruppe Aktivitet Hensikt Ansvar']];
    // 201.8 pt regular, 207.7 pt bold; the column holds 204.5 pt.
    const regular = measureTableRows([3], header, style(14), insets)[0]!;
    const bold = measureTableRows([3], header, style(14, { bold: true }), insets)[0]!;
    expect(bold).toBeGreaterThan(regular);
    // A cell's own weight wins over the style's.
    expect(measureTableRows([3], [[{ text: header[0]![0]!, bold: true }]], style(14), insets)[0]).toBe(bold);
    expect(measureTableRows([3], [[{ text: header[0]![0]! }]], style(14), insets)[0]).toBe(regular);
  });

  it.each([
    { name: 'all on one page', heights: [0.5, 0.5, 0.5], header: 0.5, available: 3, pages: [[0, 3]] },
    {
      name: 'continues with the header repeated',
      heights: [1, 1, 1, 1, 1],
      header: 0.5,
      available: 2.5,
      pages: [
        [0, 2],
        [2, 4],
        [4, 5],
      ],
    },
    { name: 'exact fit', heights: [1, 1], header: 1, available: 3, pages: [[0, 2]] },
    {
      name: 'a row taller than a page gets its own',
      heights: [0.5, 4, 0.5],
      header: 0.5,
      available: 2,
      pages: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    },
    { name: 'no rows: the header alone', heights: [], header: 0.5, available: 2, pages: [[0, 0]] },
  ])('paginateRows: $name', ({ heights, header, available, pages }) => {
    expect(paginateRows(heights, header, available)).toEqual(pages);
  });
});

describe('pptxgenjs options', () => {
  const insets = { left: 0.1, right: 0.2, top: 0.05, bottom: 0.15 };

  it('orders text box margins as pptxgenjs reads them: points, left right bottom top', () => {
    expect(textBoxMargin(insets).map((v) => Math.round(v * 100) / 100)).toEqual([7.2, 14.4, 10.8, 3.6]);
  });

  it('gives table cell margins in inches, top right bottom left', () => {
    expect(tableCellMargin(insets)).toEqual([0.05, 0.2, 0.15, 0.1]);
  });

  it('turns autofit off and writes line spacing as a multiple', () => {
    expect(textBoxOptions(style(20, { lineSpacing: 0.9, valign: 'middle' }))).toMatchObject({
      fit: 'none',
      wrap: true,
      lineSpacingMultiple: 0.9,
      valign: 'middle',
    });
  });

  it('puts paragraph options on the first run and ends paragraphs with breakLine', () => {
    const runs = pptxTextRuns(
      [
        { runs: [{ text: 'HVA? ', bold: true }, { text: 'Samarbeid' }], bullet: true, level: 1, spaceBefore: 6 },
        { runs: [] },
        text('Slutt', { align: 'center' }),
      ],
      style(20),
    );
    expect(runs).toEqual([
      {
        text: 'HVA? ',
        options: {
          align: 'left',
          bold: true,
          italic: false,
          bullet: { indent: 18 },
          indentLevel: 1,
          paraSpaceBefore: 6,
          breakLine: false,
        },
      },
      { text: 'Samarbeid', options: { align: 'left', bold: false, italic: false, breakLine: true } },
      { text: '', options: { align: 'left', bold: false, italic: false, paraSpaceBefore: 0, breakLine: true } },
      { text: 'Slutt', options: { align: 'center', bold: false, italic: false, paraSpaceBefore: 0, breakLine: false } },
    ]);
  });
});
