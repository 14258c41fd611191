/**
 * `trappa check` reads decks Trappa did not write: a bundled deck saved again by LibreOffice
 * Impress, and a package written the way other tools may write one (single-quoted attributes,
 * character references, `%20` in targets, nested groups, mc:AlternateContent, comments).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { checkDeck } from '../src/check/check-deck.js';
import { frameText } from '../src/check/read-text.js';
import type { DeckModel, ShapeModel } from '../src/check/types.js';
import { readDeck } from '../src/check/read-deck.js';
import { runQuietly } from './helpers/ooxml.js';
import { REPO } from './helpers/project.js';
import { hasSoffice, missingTool } from './helpers/tools.js';

// The slide number is a field; LibreOffice saves its cached text as "<number>", so it is left out.
const texts = (deck: DeckModel, n: number): string[] =>
  (deck.slides[n - 1]?.elements ?? []).flatMap((e) =>
    e.kind === 'shape' && e.text && e.placeholder !== 'sldNum'
      ? [frameText(e.text)]
      : e.kind === 'table'
        ? e.rows.flatMap((r) => r.cells.map((c) => frameText(c.text)))
        : [],
  );

describe.skipIf(missingTool('LibreOffice', hasSoffice))('a deck saved again by LibreOffice Impress', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'trappa-foreign-'));
  let original: Uint8Array;
  let resaved: Uint8Array;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    const built = await buildDecks({ root: REPO, outDir: path.join(dir, 'in'), decks: ['strategi'], check: false });
    original = built.decks[0]!.bytes;
    const r = await runQuietly(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pptx',
        '--outdir',
        path.join(dir, 'out'),
        built.decks[0]!.file,
      ],
      120_000,
    );
    expect(r.status, r.stderr).toBe(0);
    resaved = readFileSync(path.join(dir, 'out', path.basename(built.decks[0]!.file)));
  });

  it('is read slide by slide with the same texts', () => {
    const before = readDeck(original);
    const after = readDeck(resaved);
    expect(after.slides).toHaveLength(before.slides.length);
    for (let n = 1; n <= before.slides.length; n++) {
      const normalise = (list: string[]) =>
        list
          .map((t) => t.replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .sort();
      expect(normalise(texts(after, n)), `slide ${n}`).toEqual(normalise(texts(before, n)));
    }
  });

  it("has sound slides and every slide title; LibreOffice's own master reuses a shape id, and check says so", () => {
    const findings = checkDeck(resaved, { minBodySize: 10 }).filter((f) => f.rule === 'package' || f.rule === 'title');
    expect(findings.filter((f) => f.slide !== 0)).toEqual([]);
    for (const f of findings)
      expect(f.message).toMatch(/^shape id \d+ is used by 2 shapes in ppt\/slide(Master|Layout)s\//);
  });
});

/** A minimal package as another tool could write it. */
function foreignPackage(edit: (slide: string) => string = (x) => x): Uint8Array {
  const ns = `xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main' xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships' xmlns:p='http://schemas.openxmlformats.org/presentationml/2006/main'`;
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const shape = (id: number, name: string, text: string, x: number) =>
    `<p:sp><p:nvSpPr><p:cNvPr id='${id}' name='${name}'/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x='${x}' y='914400'/><a:ext cx='1828800' cy='457200'/></a:xfrm><a:prstGeom prst='rect'><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang='nb-NO' sz='2000'/><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`;
  const slide =
    `<?xml version='1.0' encoding='UTF-8'?>\n<!-- written by another tool -->\n<p:sld ${ns} xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'><p:cSld><p:spTree>` +
    `<p:nvGrpSpPr><p:cNvPr id='1' name=''/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    `<p:sp><p:nvSpPr><p:cNvPr id='2' name='Tittel'/><p:cNvSpPr/><p:nvPr><p:ph type='title'/></p:nvPr></p:nvSpPr><p:spPr/>` +
    `<p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang='nb-NO'/><a:t>Bl&#229;b&#xE6;r &amp; &lt;tyttebær&gt;</a:t></a:r></a:p></p:txBody></p:sp>` +
    `<p:grpSp><p:nvGrpSpPr><p:cNvPr id='3' name='Gruppe'/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    shape(4, 'Ytre', 'ytre', 914400) +
    `<p:grpSp><p:nvGrpSpPr><p:cNvPr id='5' name='Indre gruppe'/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shape(6, 'Indre', 'indre', 3657600)}</p:grpSp>` +
    `</p:grpSp>` +
    `<mc:AlternateContent><mc:Choice Requires='p14'>${shape(7, 'Valg', 'valg', 6400800)}</mc:Choice><mc:Fallback>${shape(7, 'Reserve', 'reserve', 6400800)}</mc:Fallback></mc:AlternateContent>` +
    `</p:spTree></p:cSld></p:sld>`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `<?xml version='1.0'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'>` +
      `<Default Extension='rels' ContentType='application/vnd.openxmlformats-package.relationships+xml'/><Default Extension='xml' ContentType='application/xml'/>` +
      `<Override PartName='/ppt/presentation.xml' ContentType='application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'/>` +
      `<Override PartName='/ppt/slides/my slide.xml' ContentType='application/vnd.openxmlformats-officedocument.presentationml.slide+xml'/></Types>`,
    '_rels/.rels': `<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='rId1' Type='${rel}/officeDocument' Target='ppt/presentation.xml'/></Relationships>`,
    'ppt/presentation.xml': `<?xml version='1.0'?><p:presentation ${ns}><p:sldIdLst><p:sldId id='256' r:id='rIdS'/></p:sldIdLst><p:sldSz cx='9144000' cy='6858000'/></p:presentation>`,
    'ppt/_rels/presentation.xml.rels': `<?xml version='1.0'?><Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='rIdS' Type='${rel}/slide' Target='slides/my%20slide.xml'/></Relationships>`,
    'ppt/slides/my slide.xml': edit(slide),
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe('a package written the way other tools may write it', () => {
  const deck = readDeck(foreignPackage());

  it('finds the slide through a %20 target and reads its 4:3 size', () => {
    expect(deck.slides).toHaveLength(1);
    expect(deck.size).toEqual({ w: 10, h: 7.5 });
  });

  it('reads single-quoted attributes, character references, nested groups and the fallback content', () => {
    const shapes = deck.slides[0]!.elements.filter((e): e is ShapeModel => e.kind === 'shape');
    expect(shapes.map((s) => [s.name, s.text ? frameText(s.text) : ''])).toEqual([
      ['Tittel', 'Blåbær & <tyttebær>'],
      ['Ytre', 'ytre'],
      ['Indre', 'indre'],
      ['Reserve', 'reserve'],
    ]);
    expect(shapes[0]!.placeholder).toBe('title');
    expect(shapes[2]!.box).toEqual({ x: 4, y: 1, w: 2, h: 0.5 });
    expect(shapes[1]!.text!.paragraphs[0]!.runs[0]).toMatchObject({ size: 20, lang: 'nb-NO' });
  });

  it('has no package problem, and a part that is not XML is reported, not thrown', () => {
    expect(checkDeck(foreignPackage(), { minBodySize: 10 }).filter((f) => f.rule === 'package')).toEqual([]);
    const broken = foreignPackage((slide) => slide.replace('ytre', 'ytre\u0001'));
    expect(() => readDeck(broken)).not.toThrow();
    expect(checkDeck(broken, { minBodySize: 10 }).filter((f) => f.rule === 'package')).toEqual([
      expect.objectContaining({
        slide: 1,
        element: 'ppt/slides/my slide.xml',
        message: expect.stringMatching(/^is not well-formed XML: \d+:\d+: /),
      }),
    ]);
  });
});
