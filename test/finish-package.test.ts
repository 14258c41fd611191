import { hasPdfinfo, hasSoffice, missingTool } from './helpers/tools.js';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import pptxgenjs from 'pptxgenjs';
import sharp from 'sharp';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { DeckProperties } from '../src/layout/types.js';
import { finishPackage } from '../src/pptx/finish-package.js';
import { missingValidator, validatePptx } from './helpers/ooxml.js';
import { readPptx, textsOf, type PptxParts } from './helpers/pptx-zip.js';

// pptxgenjs's .d.ts is read as CommonJS under nodenext; at run time the default export is the class.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
type Pptx = InstanceType<typeof PptxGenJS>;
type TextRun = pptxgenjs.default.TextProps;
type Margins = [number, number, number, number];

const run = promisify(execFile);

const PROPS: DeckProperties = {
  title: 'Kommunikasjonsstrategi: blåbær & <tyttebær>',
  subject: 'Ærlig talt — "sitat" og \'apostrof\'',
  author: 'Åse Øverbø & Co',
  company: 'Firma & Sønner <AS>',
  version: '0.2',
  revision: 7,
  date: '2024-05-17',
  language: 'nb-NO',
  keywords: 'strategi, æøå & mer',
};

const DESCRIBED_ALT = 'Søylediagram: «vekst» & fremgang i 2024';

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trappa-finish-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function save(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function imageData(format: 'png' | 'jpeg'): Promise<string> {
  const image = sharp({ create: { width: 16, height: 12, channels: 3, background: '#2e86c1' } });
  const bytes = await (format === 'png' ? image.png() : image.jpeg()).toBuffer();
  return `image/${format};base64,${bytes.toString('base64')}`;
}

function newDeck(): Pptx {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'TRAPPA', width: 13.333, height: 7.5 });
  pptx.layout = 'TRAPPA';
  pptx.title = 'pptxgenjs title';
  pptx.author = 'pptxgenjs author';
  // Unescaped by pptxgenjs 4.0.1 (issue #1407): app.xml is not well-formed until finished.
  pptx.company = 'Raw & Co';
  pptx.theme = { headFontFace: 'Georgia', bodyFontFace: 'Calibri' };
  return pptx;
}

/** Runs as the writer builds them: options on the first run of a paragraph, breakLine on its last. */
const paragraphs: TextRun[] = [
  {
    text: 'Fet innledning ',
    options: { bold: true, color: 'C0392B', fontSize: 20, align: 'left', paraSpaceBefore: 6, lang: 'nb-NO' },
  },
  { text: 'og vanlig tekst', options: { fontSize: 14, italic: true, lang: 'nb-NO', breakLine: true } },
  {
    text: 'Punkt på nivå 0 ',
    options: { bullet: { indent: 18 }, indentLevel: 0, align: 'left', lineSpacingMultiple: 1.2, paraSpaceBefore: 4 },
  },
  { text: 'med farge', options: { color: '1E8449', highlight: 'FFFF00', breakLine: true } },
  {
    text: 'Punkt på nivå 1',
    options: { bullet: true, indentLevel: 1, align: 'center', lineSpacing: 20, breakLine: true },
  },
  { text: 'Høyrejustert avslutning', options: { align: 'right', paraSpaceBefore: 3, paraSpaceAfter: 2 } },
];

/** Everything the writer uses, on four slides; slide 1 has a table after a text box (id collision). */
async function buildKitchenSink(): Promise<Uint8Array> {
  const pptx = newDeck();
  const title = (slide: ReturnType<Pptx['addSlide']>, text: string): void => {
    const style = { fontFace: 'Georgia', fontSize: 32, color: '1B2631', valign: 'top' } as const;
    slide.addText(text, { x: 0.5, y: 0.3, w: 12, h: 1, ...style, objectName: 'Title' });
  };

  const s1 = pptx.addSlide();
  s1.background = { color: 'F4F6F7' };
  title(s1, 'Tekst og tabell æøå');
  const body = {
    fontFace: 'Arial',
    fontSize: 14,
    color: '333333',
    valign: 'top' as const,
    margin: [7, 7, 4, 4] as Margins,
  };
  s1.addText(paragraphs, { x: 0.5, y: 1.5, w: 6, h: 3, ...body, objectName: 'Body' });
  s1.addTable(
    [
      [
        { text: 'Målgruppe', options: { bold: true, color: 'FFFFFF', fill: { color: '1F618D' }, lang: 'nb-NO' } },
        { text: 'Kanal & tid', options: { bold: true, color: 'FFFFFF', fill: { color: '1F618D' } } },
      ],
      [{ text: 'Ledere' }, { text: 'Møte', options: { fill: { color: 'EBF5FB' } } }],
      [{ text: 'Ansatte' }, { text: [{ text: 'Intranett ', options: { bold: true } }, { text: 'og e-post' }] }],
    ],
    {
      ...{ x: 7, y: 1.5, w: 5.5, colW: [2, 3.5], rowH: [0.4, 0.4, 0.4] },
      ...{ fontFace: 'Arial', fontSize: 12, color: '333333', valign: 'top', margin: [5, 5, 3, 3] },
      border: { type: 'solid', pt: 0.75, color: '999999' },
      autoPage: false,
      objectName: 'Tabell',
    },
  );
  s1.addNotes('Første avsnitt i notatene.\n\nAndre avsnitt & mer.');

  const s2 = pptx.addSlide();
  s2.background = { color: 'FFFFFF' };
  title(s2, 'Former');
  const shapes = ['rect', 'roundRect', 'chevron', 'homePlate', 'rightArrow', 'downArrow', 'ellipse', 'line'] as const;
  shapes.forEach((shape, i) => {
    const box = { x: 0.5 + (i % 4) * 3, y: 2 + Math.floor(i / 4) * 2.5, w: 2.5, h: shape === 'line' ? 0 : 1.5 };
    const look = {
      shape: pptx.ShapeType[shape],
      objectName: `Form ${shape}`,
      fill: { color: 'AED6F1' },
      line: { color: '1B4F72', width: 1.5, dashType: i % 2 ? ('dash' as const) : ('solid' as const) },
      ...(shape === 'roundRect' ? { rectRadius: 0.2 } : {}),
      ...(shape === 'chevron' ? { rotate: 90 } : {}),
    };
    const text = { fontFace: 'Arial', fontSize: 12, color: '000000', align: 'center', valign: 'middle' } as const;
    if (shape === 'line') s2.addShape(pptx.ShapeType.line, { ...box, ...look });
    else s2.addText([{ text: `${shape} `, options: { bold: true } }, { text: 'tekst' }], { ...box, ...look, ...text });
  });
  s2.addNotes('Notater for former.');

  const s3 = pptx.addSlide();
  title(s3, 'Bilder');
  s3.addImage({
    data: await imageData('png'),
    x: 0.5,
    y: 2,
    w: 3,
    h: 2.25,
    altText: DESCRIBED_ALT,
    objectName: 'Diagram',
  });
  s3.addImage({
    data: await imageData('jpeg'),
    x: 4,
    y: 2,
    w: 3,
    h: 2.25,
    altText: 'Et foto av en fjord',
    objectName: 'Foto',
  });
  s3.addImage({
    data: await imageData('png'),
    x: 7.5,
    y: 2,
    w: 3,
    h: 2.25,
    altText: 'ignored',
    objectName: 'decorative:Ramme',
  });
  s3.addImage({ data: await imageData('jpeg'), x: 11, y: 2, w: 2, h: 1.5, altText: '' });

  // The last slide has no Title shape: it stays without a title placeholder.
  const s4 = pptx.addSlide();
  s4.addText('Uten tittel', { x: 1, y: 1, w: 4, h: 1 });
  return (await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array;
}

/** Three slides, each with a text box and then a table: pptxgenjs gives the tables ids 2, 3, 4. */
async function buildTableDeck(): Promise<Uint8Array> {
  const pptx = newDeck();
  for (let n = 1; n <= 3; n++) {
    const slide = pptx.addSlide();
    slide.addText(`Tabell ${n}`, { x: 0.5, y: 0.3, w: 12, h: 1, objectName: 'Title' });
    for (let extra = 1; extra < n; extra++) {
      slide.addText(`Ekstra ${extra}`, { x: 0.5, y: 1 + extra * 0.5, w: 4, h: 0.4 });
    }
    const cells = [
      [{ text: 'A' }, { text: 'B' }],
      [{ text: '1' }, { text: '2' }],
    ];
    slide.addTable(cells, { x: 0.5, y: 3, w: 6, colW: [3, 3] });
  }
  return (await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array;
}

/** Builds a deck with the clock set to `when` (pptxgenjs writes the build time into core.xml and the zip). */
async function buildAt<T>(when: string, build: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(when));
  try {
    return await build();
  } finally {
    vi.useRealTimers();
  }
}

const DRAWING_PART = /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters)\/[^/]+\.xml$/;
const drawingParts = (deck: PptxParts): string[] => [...deck.files.keys()].filter((n) => DRAWING_PART.test(n));

/** Name, DOS date/time and method of every entry, in central-directory order. */
function zipEntries(bytes: Uint8Array): { name: string; dosDate: number; dosTime: number; method: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

describe('finishPackage', async () => {
  const rawSink = await buildKitchenSink();
  const rawTables = await buildTableDeck();
  const sink = finishPackage(rawSink, PROPS);
  const tables = finishPackage(rawTables, PROPS);
  const deck = readPptx(sink);

  it.skipIf(missingValidator())('raw pptxgenjs output has the defects this stage repairs', async () => {
    const dir = await tempDir();
    const issues = await validatePptx(
      await save(dir, 'raw.pptx', rawSink),
      await save(dir, 'raw-tables.pptx', rawTables),
    );
    const said = issues.map((i) => `${i.code} ${i.part ?? ''} ${i.message}`).join('\n');
    expect(said).toMatch(/schema \/?ppt\/presentation.xml .*'p:notesMasterIdLst': This element is not expected/);
    expect(said).toMatch(/schema \/?ppt\/slides\/slide1.xml .*'a:pPr': This element is not expected/);
    expect(said).toMatch(/shape-id-duplicate \/?ppt\/slides\/slide1.xml .*"Title" and "Tabell"/);
    expect(said).toMatch(/shape-id-duplicate \/?ppt\/slides\/slide3.xml/);
    expect(said).toMatch(/content-types-override-without-part .*slideMaster2.xml/);
    expect(said).toMatch(/xml-not-well-formed \/?docProps\/app.xml/);
  });

  it.skipIf(missingValidator())('finished decks pass the OOXML validator with no errors and no warnings', async () => {
    const dir = await tempDir();
    const files = [await save(dir, 'sink.pptx', sink), await save(dir, 'tables.pptx', tables)];
    expect(await validatePptx(...files)).toEqual([]);
  });

  it('numbers shape ids uniquely in every slide, layout, master and notes part', () => {
    for (const finished of [deck, readPptx(tables)]) {
      for (const part of drawingParts(finished)) {
        const ids = [...finished.text(part).matchAll(/<p:cNvPr\b[^>]*?\bid="(\d+)"/g)].map((m) => Number(m[1]));
        expect(ids.length, part).toBeGreaterThan(0);
        expect(ids, part).toEqual(ids.map((_, i) => i + 1));
      }
    }
    // Slide 3: Title, two text boxes, then the table pptxgenjs had numbered 4 (colliding with "Text 2").
    expect(readPptx(tables).slideXml(3)).toMatch(
      /<p:cNvPr id="4" name="Text 2">[\s\S]*<p:cNvPr id="5" name="Table 0"\/>/,
    );
  });

  it('gives every run, paragraph end and default run property the deck language', () => {
    for (const part of [...drawingParts(deck), 'ppt/presentation.xml']) {
      const xml = deck.text(part);
      const tags = [...xml.matchAll(/<a:(?:rPr|endParaRPr|defRPr)\b[^>]*>/g)].map((m) => m[0]);
      for (const tag of tags) expect(tag, part).toMatch(/^<a:\w+ lang="nb-NO"[\s/>]/);
      expect(xml, part).not.toMatch(/altLang=|lang="en-US"/);
    }
    const slideRuns = [1, 2, 3, 4].flatMap((n) => [...deck.slideXml(n).matchAll(/<a:rPr\b/g)]);
    expect(slideRuns.length).toBeGreaterThan(20);
  });

  it('keeps one a:pPr per paragraph, as its first child, and all the text', () => {
    for (const part of drawingParts(deck)) {
      for (const [, body = ''] of deck.text(part).matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const count = body.match(/<a:pPr\b/g)?.length ?? 0;
        expect(count, part).toBeLessThanOrEqual(1);
        if (count === 1) expect(body, part).toMatch(/^<a:pPr\b/);
      }
    }
    expect(deck.slideTexts(1)).toEqual(
      expect.arrayContaining(['Fet innledning ', 'og vanlig tekst', 'med farge', 'Høyrejustert avslutning']),
    );
    // The bullet paragraph keeps its own (first) pPr: indent, then line spacing.
    expect(deck.slideXml(1)).toMatch(
      /<a:p><a:pPr algn="l"[^>]*marL="\d+" indent="-\d+"><a:lnSpc><a:spcPct val="120000"\/>/,
    );
  });

  it('marks the first row of every table as a header row', () => {
    const tblPr = [1, 2, 3].map((n) =>
      readPptx(tables)
        .slideXml(n)
        .match(/<a:tblPr\b[^>]*>/g),
    );
    expect(tblPr).toEqual([1, 2, 3].map(() => ['<a:tblPr firstRow="1" bandRow="1"/>']));
    expect(deck.slideXml(1)).toContain('<a:tblPr firstRow="1" bandRow="1"/>');
  });

  it('writes core and app properties from DeckProperties, escaped', () => {
    const core = deck.text('docProps/core.xml');
    const value = (qname: string): string | undefined =>
      textsOf(core.replace(new RegExp(`<(/?)${qname}\\b[^>]*>`, 'g'), '<$1a:t>'))[0];
    expect(value('dc:title')).toBe(PROPS.title);
    expect(value('dc:subject')).toBe(PROPS.subject);
    expect(value('dc:creator')).toBe(PROPS.author);
    expect(value('cp:lastModifiedBy')).toBe(PROPS.author);
    expect(value('cp:revision')).toBe('7');
    expect(value('cp:version')).toBe('0.2');
    expect(value('cp:keywords')).toBe(PROPS.keywords);
    expect(value('dc:language')).toBe('nb-NO');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-17T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-05-17T00:00:00Z</dcterms:modified>');
    expect(core).toContain('&amp; &lt;tyttebær&gt;');

    const app = deck.text('docProps/app.xml');
    expect(app).toContain('<Company>Firma &amp; Sønner &lt;AS&gt;</Company>');
    expect(app).toContain('<Slides>4</Slides>');
    const titlesOfParts = /<TitlesOfParts>[\s\S]*<\/TitlesOfParts>/.exec(app)?.[0] ?? '';
    const titles = textsOf(titlesOfParts.replace(/<(\/?)vt:lpstr>/g, '<$1a:t>'));
    const fonts = ['Arial', 'Calibri', 'Georgia'];
    expect(titles).toEqual([...fonts, 'Office Theme', 'Tekst og tabell æøå', 'Former', 'Bilder', 'Slide 4']);
    const sizes = [...app.matchAll(/<vt:vector size="(\d+)"[^>]*>([\s\S]*?)<\/vt:vector>/g)];
    expect(Number(sizes[0]?.[1])).toBe(sizes[0]?.[2]?.match(/<vt:variant>/g)?.length);
    expect(Number(sizes[1]?.[1])).toBe(titles.length);
  });

  it('declares content types only for parts that exist, and a Default for every extension used', () => {
    const types = deck.text('[Content_Types].xml');
    const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const part of overrides) expect(deck.files.has(part), part).toBe(true);
    expect(overrides).toContain('ppt/slideMasters/slideMaster1.xml');
    expect(types).not.toMatch(/slideMaster2|image\/jpg"/);
    const defaults = [...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]);
    expect(defaults).toEqual(['jpeg', 'png', 'rels', 'xml']);
    for (const name of deck.files.keys()) {
      if (!overrides.includes(name)) expect(defaults, name).toContain(name.split('.').pop());
    }
    expect([...deck.files.keys()].filter((n) => n.endsWith('/'))).toEqual([]);
  });

  it('gives the same bytes for two builds made at different times, in any time zone', async () => {
    const early = await buildAt('2021-03-04T05:06:07Z', buildKitchenSink);
    const late = await buildAt('2027-11-12T13:14:15Z', buildKitchenSink);
    expect(sha256(early)).not.toBe(sha256(late));
    const zoneBefore = process.env.TZ;
    const finishedIn = (zone: string): string => {
      process.env.TZ = zone;
      return sha256(finishPackage(late, PROPS));
    };
    try {
      const reference = sha256(finishPackage(early, PROPS));
      expect(finishedIn('UTC')).toBe(reference);
      expect(finishedIn('America/Santiago')).toBe(reference);
      expect(finishedIn('Asia/Kathmandu')).toBe(reference);
    } finally {
      if (zoneBefore === undefined) delete process.env.TZ;
      else process.env.TZ = zoneBefore;
    }
    expect(sha256(finishPackage(sink, PROPS))).toBe(sha256(sink));
  });

  it('orders zip entries and dates them at the deck date, stores media, deflates XML', () => {
    const entries = zipEntries(sink);
    expect(entries.slice(0, 2).map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    const rest = entries.slice(2).map((e) => e.name);
    expect(rest.indexOf('ppt/slides/slide2.xml')).toBeLessThan(rest.indexOf('ppt/slides/slide3.xml'));
    const natural = (name: string): string => name.replace(/\d+/g, (digits) => digits.padStart(8, '0'));
    expect(rest).toEqual([...rest].sort((a, b) => (natural(a) < natural(b) ? -1 : 1)));
    // DOS date: (year - 1980) << 9 | month << 5 | day; time 12:00:00 = 12 << 11.
    const dosDate = ((2024 - 1980) << 9) | (5 << 5) | 17;
    for (const e of entries) expect([e.name, e.dosDate, e.dosTime]).toEqual([e.name, dosDate, 12 << 11]);
    for (const e of entries) expect([e.name, e.method]).toEqual([e.name, /\.(png|jpe?g)$/.test(e.name) ? 0 : 8]);
    expect(Object.keys(unzipSync(sink))).toEqual(entries.map((e) => e.name));
  });

  it('keeps given alt text and marks decorative pictures', () => {
    const flag = '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>';
    const pictures = [...deck.slideXml(3).matchAll(/<p:nvPicPr>\s*<p:cNvPr\b([^>]*)>([\s\S]*?)<\/p:cNvPr>/g)];
    const described = pictures.map(([, attrs = '', inner]) => ({
      name: /name="([^"]*)"/.exec(attrs)?.[1],
      descr: textsOf(`<a:t>${/descr="([^"]*)"/.exec(attrs)?.[1] ?? 'MISSING'}</a:t>`)[0],
      decorative: inner?.includes(flag),
    }));
    expect(described).toEqual([
      { name: 'Diagram', descr: DESCRIBED_ALT, decorative: false },
      { name: 'Foto', descr: 'Et foto av en fjord', decorative: false },
      { name: 'decorative:Ramme', descr: '', decorative: true },
      { name: 'Image 3', descr: '', decorative: true },
    ]);
    expect(deck.slideXml(3)).not.toMatch(/preencoded/);
  });

  it('turns the text box named Title into the slide title placeholder', () => {
    for (const [n, text] of [
      [1, 'Tekst og tabell æøå'],
      [2, 'Former'],
      [3, 'Bilder'],
    ] as const) {
      const shapes = deck.slideXml(n).match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? [];
      const shape = shapes.find((sp) => sp.includes('<p:ph type="title"/>')) ?? '';
      expect(shape, `slide ${n}`).toMatch(/<p:cNvPr id="\d+" name="Title">/);
      expect(shape).toContain('<a:off x="457200" y="274320"/>');
      expect(textsOf(shape)).toEqual([text]);
      expect(deck.slideXml(n).match(/<p:ph\b/g)).toHaveLength(1);
    }
    expect(deck.slideXml(4)).not.toContain('<p:ph');
    expect(deck.notesText(1)).toContain('Andre avsnitt & mer.');
  });

  it.skipIf(missingValidator())(
    'keeps a filled pptxgenjs title placeholder and replaces an empty one with the Title shape',
    async () => {
      const pptx = newDeck();
      pptx.defineSlideMaster({
        title: 'TRAPPA',
        objects: [
          { placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.3, w: 12, h: 1 }, text: '' } },
        ],
      });
      pptx.addSlide({ masterName: 'TRAPPA' }).addText('Fra plassholder', { placeholder: 'title' });
      const convention = pptx.addSlide({ masterName: 'TRAPPA' });
      convention.addText('Fra konvensjon', { x: 1, y: 5, w: 6, h: 1, objectName: 'Title' });
      const bytes = finishPackage((await pptx.write({ outputType: 'nodebuffer' })) as Uint8Array, PROPS);
      const finished = readPptx(bytes);
      const placeholders = (n: number): string[] => finished.slideXml(n).match(/<p:ph\b[^>]*>/g) ?? [];
      expect(placeholders(1)).toHaveLength(1);
      expect(placeholders(1)[0]).toMatch(/type="title"/);
      expect(finished.slideTexts(1)).toEqual(['Fra plassholder']);
      // pptxgenjs put an empty copy of the master's title placeholder on slide 2; it is gone.
      expect(placeholders(2)).toEqual(['<p:ph type="title" idx="100"/>']);
      expect(finished.slideXml(2)).toContain('<a:off x="914400" y="4572000"/>');
      expect(finished.slideXml(2).match(/<p:cNvPr id="\d+"/g)).toEqual(['<p:cNvPr id="1"', '<p:cNvPr id="2"']);
      expect(await validatePptx(await save(await tempDir(), 'placeholders.pptx', bytes))).toEqual([]);
    },
  );

  it('changes nothing when run on a finished deck', () => {
    expect(sha256(finishPackage(tables, PROPS))).toBe(sha256(tables));
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => finishPackage(rawTables, { ...PROPS, date: '2024-02-30' })).toThrow(/YYYY-MM-DD/);
    expect(() => finishPackage(rawTables, { ...PROPS, date: '17.05.2024' })).toThrow(/YYYY-MM-DD/);
  });

  it.skipIf(missingTool('LibreOffice', hasSoffice) || missingTool('pdfinfo', hasPdfinfo))(
    'LibreOffice converts it: one PDF page per slide, title where the shape is',
    async () => {
      const dir = await tempDir();
      const file = await save(dir, 'deck.pptx', sink);
      const profile = `file://${join(dir, 'lo-profile')}`;
      const args = ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, file];
      await run('soffice', args, { timeout: 120_000 });
      const info = await run('pdfinfo', [join(dir, 'deck.pdf')]);
      expect(/^Pages:\s+(\d+)$/m.exec(info.stdout)?.[1]).toBe('4');
      const { stdout } = await run('pdftotext', ['-f', '1', '-l', '1', '-bbox', join(dir, 'deck.pdf'), '-']);
      const word = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>Tekst<\/word>/.exec(stdout);
      // Box at x 0.5 in = 36 pt, plus the default 0.1 in (7.2 pt) inset; text at the top (valign top).
      expect(Number(word?.[1])).toBeCloseTo(43.2, 0);
      expect(Number(word?.[2])).toBeGreaterThan(21.6);
      expect(Number(word?.[2])).toBeLessThan(40);
    },
  );
});
