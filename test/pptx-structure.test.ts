/**
 * The bundled decks on the built-in design are built the PowerPoint way: a master with
 * named layouts and placeholders, text in placeholders, slide numbers as fields, decorative
 * shapes marked, theme colours and fonts referred to, every text's source on its shape.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, type BuildResult } from '../src/build-deck.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { readPptx, shapeSource, slideLayoutName, slideShapes, structureProblems } from './helpers/structure.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

describe('the built-in master', () => {
  let result: BuildResult;
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-structure-'));
  beforeAll(async () => {
    result = await buildDecks({ root: repo, dryRun: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts every text in placeholders, numbers slides with fields, marks decoration, names sources', () => {
    expect(result.decks.length).toBeGreaterThanOrEqual(4);
    for (const deck of result.decks) expect(structureProblems(deck.bytes), deck.deckId).toEqual([]);
  });

  it('has a master with named layouts, footer, date and slide-number placeholders', () => {
    const deck = readPptx(result.decks[0]!.bytes);
    const layouts = [...deck.files.keys()].filter((k) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(k));
    const names = layouts.map((l) => /<p:cSld name="([^"]*)"/.exec(deck.text(l))?.[1]);
    expect(names).toEqual(
      expect.arrayContaining([
        'Title Slide',
        'Title and Content',
        'Two Content',
        'Title Only',
        'Section Header',
        'Comparison',
      ]),
    );
    for (const part of ['ppt/slideMasters/slideMaster1.xml', ...layouts]) {
      const xml = deck.text(part);
      for (const type of ['dt', 'ftr', 'sldNum'])
        expect(xml, `${part} ${type}`).toMatch(new RegExp(`<p:ph type="${type}"`));
      expect(xml).toMatch(/<a:fld [^>]*type="slidenum"/);
      // The deck's own footer text fills the footer placeholder of master and layouts.
      expect(xml).toContain('Kommunikasjonsstrategi Innherred Samkommune');
    }
    expect(slideLayoutName(deck, 1)).toBe('Title Slide');
    expect(deck.slideXml(1)).toContain('<p:ph type="ctrTitle"/>');
    expect(deck.slideXml(1)).toMatch(/<p:ph type="subTitle" idx="1"\/>/);
  });

  it('chooses layouts by what the slide holds', () => {
    const seed = readPptx(result.decks.find((d) => d.deckId === 'strategi')!.bytes);
    const layouts = Array.from({ length: seed.slideCount() }, (_, i) => slideLayoutName(seed, i + 1));
    // title, staircase (one text), what-why (two), model (three), groups (two lists, each whole in
    // its column, #23), profile (one), messages (four), their continuation (intro and list, #23), plan (a table only)
    expect(layouts).toEqual([
      'Title Slide',
      'Title and Content',
      'Two Content',
      'Comparison',
      'Two Content',
      'Title and Content',
      'Comparison',
      'Two Content',
      'Title Only',
    ]);
  });

  it('takes colours and fonts from the theme', () => {
    const { theme } = result.project;
    const deck = readPptx(result.decks[0]!.bytes);
    const themeXml = deck.text('ppt/theme/theme1.xml');
    expect(themeXml).toContain(`<a:accent1><a:srgbClr val="${theme.colors.primary}"/></a:accent1>`);
    expect(themeXml).toContain(`<a:majorFont><a:latin typeface="${theme.fonts.heading}"/>`);
    for (let n = 1; n <= deck.slideCount(); n++) {
      const xml = deck.slideXml(n).replace(/<a:highlight>[\s\S]*?<\/a:highlight>/g, '');
      for (const color of [theme.colors.primary, theme.colors.text, theme.colors.accent])
        expect(xml).not.toContain(`<a:srgbClr val="${color}"/>`);
      expect(xml).not.toMatch(/<a:latin typeface="(?!\+m[jn]-lt)/);
    }
    const title = slideShapes(deck.slideXml(2)).find((s) => s.placeholder === 'title')!;
    expect(title.xml).toContain('<a:schemeClr val="accent1"/>');
    expect(title.xml).toContain('<a:latin typeface="+mj-lt"/>');
  });

  it('tags each text with the data it came from', () => {
    const seed = readPptx(result.decks.find((d) => d.deckId === 'strategi')!.bytes);
    const sources = Object.fromEntries(slideShapes(seed.slideXml(3)).map((s) => [s.name, shapeSource(seed, 3, s)]));
    expect(sources['HVA? statement']).toBe('data/strategy.yaml#mainMessage.what');
    expect(sources.Title).toBe('templates/nb/slides.yaml#what-why.title');
    expect(sources.Footer).toBe('data/theme.yaml#footer.text');
    const steps = Object.fromEntries(slideShapes(seed.slideXml(2)).map((s) => [s.name, shapeSource(seed, 2, s)]));
    expect(steps['Step 2']).toBe('data/strategy.yaml#staircase.steps[1]');
    expect(steps.Top).toBe('data/strategy.yaml#staircase.top');
  });

  it.skipIf(missingValidator())('passes the OOXML validator and rebuilds byte for byte', async () => {
    const files = result.decks.map((d) => {
      const file = path.join(dir, `${d.deckId}.pptx`);
      writeFileSync(file, d.bytes);
      return file;
    });
    expect((await validatePptx(...files)).filter((i) => i.severity === 'error')).toEqual([]);
    const again = await buildDecks({ root: repo, dryRun: true });
    expect(again.decks.map((d) => d.sha256)).toEqual(result.decks.map((d) => d.sha256));
  });
});
