/**
 * `build --pdf`'s PDFs read by tools other than Trappa's (poppler, qpdf): real text and fonts,
 * a structure tree with the deck's /Lang and /Alt on every Figure, no page drawn as one picture.
 * Every bundled deck, one on an organisation template (#11), and a deck in nynorsk whose logos
 * are semi-transparent PNGs (under PDF/A-1 such logos made LibreOffice rasterise whole pages).
 * One exportPdfs call for all (one LibreOffice run per language).
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { readDeck } from '../src/check/read-deck.js';
import { frameText } from '../src/check/read-text.js';
import { isTitle } from '../src/check/rules/elements.js';
import { exportPdfs, type WrittenPdf } from '../src/post/pdf.js';
import { REPO } from './helpers/project.js';
import { simpleParser } from 'mailparser';
import { partRole } from '../src/kinds/index.js';
import { formatSize } from '../src/post/email/compose-message.js';
import { writeDrafts } from '../src/post/email/write-draft.js';
import { PPTX, storledermoteDistribution, TEMPLATES_DIR } from './email-fixtures.js';
import { hasPdfinfo, hasPdftotext, hasSoffice, missingTool } from './helpers/tools.js';
import { copyProjectInto } from './helpers/project-copy.js';
import { readPptx } from './helpers/pptx-zip.js';
import { readQdf } from './helpers/qdf-content.js';

interface Case {
  name: string;
  pptx: string;
  language: string;
  pdf: WrittenPdf;
}

const hasQpdf = spawnSync('qpdf', ['--version'], { stdio: 'ignore' }).status === 0;
const runAsync = promisify(execFile);
/** The tool's output without blocking: the test worker must keep answering vitest while poppler works. */
const output = async (cmd: string, args: string[]): Promise<string> =>
  (await runAsync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })).stdout;
const squeeze = (text: string): string => text.replace(/\s+/g, '');
/** pdftotext joins a word hyphenated at a line end ("Mor-\nkommunene" → "Morkommunene"): compare without hyphens. */
const words = (text: string): string => squeeze(text).replace(/[-\u00ad]/g, '');

let work: string;
const draftContext = {
  title: 'Kommunikasjonsstrategi Innherred Samkommune',
  strategy: 'Innherred Samkommune',
  audience: 'alle',
  meeting: { name: 'Strategimøte', date: '2004-01-26' },
  contact: { name: 'Kari Nordmann', email: 'kari.nordmann@innherred-samkommune.no' },
  language: 'nb',
};
const cases: Case[] = [];

/** A copy of the project whose logos are PNGs at 60 % opacity and whose strategi deck is in nynorsk. */
async function pngLogoProject(): Promise<string> {
  const root = copyProjectInto(path.join(work, 'png-logos'));
  const strategyFile = path.join(root, 'data/strategy.yaml');
  let strategy = readFileSync(strategyFile, 'utf8');
  for (const name of ['isk', 'verdal', 'levanger']) {
    const { data, info } = await sharp(path.join(root, `assets/logos/${name}.svg`))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (let i = 3; i < data.length; i += 4) data[i] = Math.round(data[i]! * 0.6);
    await sharp(data, { raw: info })
      .png()
      .toFile(path.join(root, `assets/logos/${name}.png`));
    strategy = strategy.replace(`logos/${name}.svg`, `logos/${name}.png`);
  }
  writeFileSync(strategyFile, strategy);
  const deckFile = path.join(root, 'data/decks/strategi.yaml');
  writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace(/^id: strategi$/m, 'id: strategi\nlanguage: nn'));
  return root;
}

/** A copy of the project on the Impress template of #11's tests (Arial measured with DejaVu Sans, as drawn here). */
function templateProject(): string {
  const root = copyProjectInto(path.join(work, 'template'));
  const fixtures = path.join(REPO, 'test/fixtures/templates');
  cpSync(path.join(fixtures, 'impress.potx'), path.join(root, 'assets/templates/impress.potx'));
  for (const face of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])
    cpSync(path.join(fixtures, 'fonts', face), path.join(root, 'assets/fonts', face));
  const theme = path.join(root, 'data/theme.yaml');
  const fonts = '  files:\n    Arial: { regular: DejaVuSans.ttf, bold: DejaVuSans-Bold.ttf }\n';
  const yaml = readFileSync(theme, 'utf8').replace(/^( {2}body: .*\n)/m, (body) => body + fonts);
  writeFileSync(theme, `${yaml}template: templates/impress.potx\n`);
  return root;
}

beforeAll(async () => {
  if (!hasSoffice || !hasQpdf) return;
  work = mkdtempSync(path.join(tmpdir(), 'trappa-pdf-'));
  const bundled = await buildDecks({ root: REPO, outDir: path.join(work, 'bundled') });
  const png = await buildDecks({
    root: await pngLogoProject(),
    outDir: path.join(work, 'png-out'),
    decks: ['strategi'],
  });
  const template = await buildDecks({
    root: templateProject(),
    outDir: path.join(work, 'template-out'),
    decks: ['strategi'],
  });
  const built = [
    ...bundled.decks.map((d) => ({ name: d.deckId, deck: d })),
    ...template.decks.map((d) => ({ name: `${d.deckId} (organisation template)`, deck: d })),
    ...png.decks.map((d) => ({ name: `${d.deckId} (nynorsk, semi-transparent PNG logos)`, deck: d })),
  ];
  const pdfs = await exportPdfs(
    built.map(({ deck }) => ({ pptx: deck.file, language: deck.plan.properties.language })),
  );
  built.forEach(({ name, deck }, i) =>
    cases.push({ name, pptx: deck.file, language: deck.plan.properties.language, pdf: pdfs[i]! }),
  );
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every object of the PDF as qpdf reads it (JSON v2): name values as "/Name", text strings as "u:…". */
async function qpdfObjects(pdf: string): Promise<Record<string, unknown>[]> {
  const json = JSON.parse(await output('qpdf', ['--json=2', '--json-key=qpdf', pdf])) as {
    qpdf: [unknown, Record<string, { value?: unknown }>];
  };
  return Object.values(json.qpdf[1])
    .map((o) => o.value)
    .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
}

const texts = new Map<string, Promise<string>>();
/** pdftotext's text of the whole file, read once per file (the two tests below share it). */
function pdftotext(pdf: string): Promise<string> {
  if (!texts.has(pdf)) texts.set(pdf, output('pdftotext', [pdf, '-']));
  return texts.get(pdf)!;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/^u:/, '') : '');

/** Each page's structure elements with their roles, and whether a heading holds a P (qpdf's JSON, not pdf.js). */
async function rolesPerPage(pdf: string): Promise<{ roles: string[]; headingHoldsP: boolean }[]> {
  const { stdout } = await runAsync('qpdf', ['--json=2', '--json-key=pages', '--json-key=qpdf', pdf], {
    maxBuffer: 64 * 2 ** 20,
  });
  const json = JSON.parse(stdout) as {
    pages: { object: string }[];
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  const objects = json.qpdf[1];
  const object = (ref: unknown) => objects[`obj:${String(ref)}`]?.value ?? {};
  const kids = (e: Record<string, unknown>): unknown[] => {
    const k = e['/K'];
    return Array.isArray(k) ? k : k === undefined ? [] : [k];
  };
  return json.pages.map(({ object: page }) => {
    const elements = Object.values(objects)
      .map((o) => o.value ?? {})
      .filter((o) => o['/Type'] === '/StructElem' && o['/Pg'] === page);
    const headingHoldsP = elements.some(
      (e) => /^\/H\d?$/.test(String(e['/S'])) && kids(e).some((k) => object(k)['/S'] === '/P'),
    );
    return { roles: elements.map((e) => String(e['/S']).slice(1)), headingHoldsP };
  });
}

/** The first `type` placeholder's top in `part` (EMU), if it has its own position. */
function placeholderTop(xml: string, type: string): number | undefined {
  for (const [shape] of xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
    if (new RegExp(`<p:ph\\b[^>]*type="${type}"`).test(shape)) {
      const y = /<a:off x="-?\d+" y="(-?\d+)"/.exec(shape)?.[1];
      if (y !== undefined) return Number(y);
    }
  }
  return undefined;
}

const relTarget = (rels: string, type: string): string | undefined =>
  new RegExp(`Type="[^"]*/${type}"[^>]*Target="\\.\\./([^"]+)"`).exec(rels)?.[1] ??
  new RegExp(`Target="\\.\\./([^"]+)"[^>]*Type="[^"]*/${type}"`).exec(rels)?.[1];

/** How many heading paragraphs the shape declares (its custom tag TRAPPA_HEADINGS: their places, "0 3"). */
function declaredHeadings(parts: ReturnType<typeof readPptx>, rels: string, shape: string): number {
  const id = /<p:tags r:id="([^"]+)"/.exec(shape)?.[1];
  const target = id && new RegExp(`Id="${id}"[^>]*Target="\\.\\./([^"]+)"`).exec(rels)?.[1];
  const val = target && /<p:tag name="TRAPPA_HEADINGS" val="([^"]*)"/.exec(parts.text(`ppt/${target}`))?.[1];
  return val ? val.trim().split(/\s+/).length : 0;
}

/**
 * From the .pptx's XML: heading shapes (named by a part the slide kinds declare a heading) and the heading
 * paragraphs texts declare (on an organisation's template, a column's heading is its text's first line) per slide, and the top
 * of its footer (footer, date, slide number, footer logo) in PDF points; a footer placeholder
 * without a position of its own is where its layout, or else its master, puts it.
 */
function deckLayout(pptx: string, pageHeight: number): { headings: number; footerTop: number | undefined }[] {
  const parts = readPptx(pptx);
  const slideHeight = Number(/<p:sldSz cx="\d+" cy="(\d+)"/.exec(parts.text('ppt/presentation.xml'))?.[1]);
  return Array.from({ length: parts.slideCount() }, (_, i) => {
    const xml = parts.slideXml(i + 1);
    const rels = parts.text(`ppt/slides/_rels/slide${i + 1}.xml.rels`);
    const layout = parts.text(`ppt/${relTarget(rels, 'slideLayout')}`);
    const layoutName = relTarget(rels, 'slideLayout')!.split('/').pop();
    const master = parts.text(
      `ppt/${relTarget(parts.text(`ppt/slideLayouts/_rels/${layoutName}.rels`), 'slideMaster')}`,
    );
    const tops: number[] = [];
    let headings = 0;
    for (const [shape] of xml.matchAll(/<p:(sp|pic)>[\s\S]*?<\/p:\1>/g)) {
      const name = /<p:cNvPr [^>]*name="([^"]*)"/.exec(shape)?.[1] ?? '';
      if (partRole(name) === 'heading' && /<a:t>/.test(shape)) headings++;
      headings += declaredHeadings(parts, rels, shape);
      const type = /<p:ph\b[^>]*type="(ftr|sldNum|dt)"/.exec(shape)?.[1];
      if (!type && !/^(footer|footer logo|slide number|date)$/i.test(name)) continue;
      const own = /<a:off x="-?\d+" y="(-?\d+)"/.exec(shape)?.[1];
      const y =
        own !== undefined
          ? Number(own)
          : type
            ? (placeholderTop(layout, type) ?? placeholderTop(master, type))
            : undefined;
      if (y !== undefined) tops.push(pageHeight * (1 - y / slideHeight));
    }
    return { headings, footerTop: tops.length > 0 ? Math.max(...tops) : undefined };
  });
}

describe.skipIf(missingTool('LibreOffice, poppler and qpdf', hasSoffice && hasPdfinfo && hasPdftotext && hasQpdf))(
  'accessible PDF of every bundled deck and of a deck with transparent PNG logos',
  () => {
    it('exports all six decks, each declaring PDF/A-2b and PDF/UA-1', () => {
      expect(cases.map((c) => c.name)).toEqual([
        'ansatte',
        'samkommunestyre',
        'storledermote',
        'strategi',
        'strategi (organisation template)',
        'strategi (nynorsk, semi-transparent PNG logos)',
      ]);
      for (const c of cases) expect(c.pdf.declares, c.name).toBe('PDF/A-2b, PDF/UA-1');
    });

    it('pdffonts lists fonts, every one embedded', async () => {
      for (const c of cases) {
        const rows = (await output('pdffonts', [c.pdf.file])).trim().split('\n').slice(2);
        expect(rows.length, c.name).toBeGreaterThan(0);
        for (const row of rows) expect(row, `${c.name}: ${row}`).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
      }
    });

    it('pdftotext finds every slide title and every plan cell', async () => {
      for (const c of cases) {
        // -raw: in the order the text is drawn, so a cell that wraps is not interleaved with
        // its neighbour's lines, as the layout-guessing default mode may do.
        const pdfText = words(await output('pdftotext', ['-raw', c.pdf.file, '-']));
        const deck = readDeck(readFileSync(c.pptx));
        const titles = deck.slides.flatMap((s) => s.elements.filter(isTitle).map((t) => frameText(t.text!)));
        expect(titles.length, c.name).toBe(deck.slides.length);
        const cells = deck.slides.flatMap((s) =>
          s.elements.flatMap((e) =>
            e.kind === 'table' ? e.rows.flatMap((r) => r.cells.map((cell) => frameText(cell.text))) : [],
          ),
        );
        expect(cells.length, c.name).toBeGreaterThanOrEqual(10); // a header row and at least one row
        for (const expected of [...titles, ...cells])
          expect(pdfText, `${c.name}: "${expected}"`).toContain(words(expected));
      }
    });

    it("has a structure tree in the deck's language (/Lang), with /Alt on every Figure", async () => {
      for (const c of cases) {
        const objects = await qpdfObjects(c.pdf.file);
        const catalog = objects.find((o) => o['/Type'] === '/Catalog')!;
        expect(text(catalog['/Lang']), c.name).toBe(c.language);
        expect(catalog['/StructTreeRoot'], c.name).toBeDefined();
        const elements = objects.filter((o) => o['/Type'] === '/StructElem');
        expect(elements.length, c.name).toBeGreaterThan(20);
        for (const e of elements) if (e['/Lang'] !== undefined) expect(text(e['/Lang']), c.name).toBe(c.language);
        const figures = elements.filter((e) => e['/S'] === '/Figure');
        expect(figures.length, c.name).toBeGreaterThan(0);
        for (const f of figures) expect(text(f['/Alt']).trim(), `${c.name}: a Figure without /Alt`).not.toBe('');
        expect(elements.filter((e) => e['/S'] === '/Table').length, c.name).toBe(1);
      }
    });

    it('no page is a single image: every page has its own text, no image is page-sized', async () => {
      for (const c of cases) {
        const info = await output('pdfinfo', [c.pdf.file]);
        const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
        expect(pages, c.name).toBe(readDeck(readFileSync(c.pptx)).slides.length);
        // pdftotext ends every page with a form feed.
        const perPage = (await pdftotext(c.pdf.file)).split('\f').slice(0, pages);
        expect(perPage.length, c.name).toBe(pages);
        perPage.forEach((own, i) => expect(squeeze(own).length, `${c.name} page ${i + 1}`).toBeGreaterThan(20));
        // An image drawn over (nearly) the whole page is what a rasterised page looks like.
        const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
        const [pageW, pageH] = [Number(size?.[1]) / 72, Number(size?.[2]) / 72];
        const images = (await output('pdfimages', ['-list', c.pdf.file])).trim().split('\n').slice(2);
        for (const row of images) {
          const [, , , width, height, , , , , , , , xppi, yppi] = row.trim().split(/\s+/).map(Number);
          const covers = width! / xppi! > 0.9 * pageW && height! / yppi! > 0.9 * pageH;
          expect(covers, `${c.name}: a page-sized image: ${row}`).toBe(false);
        }
      }
    });

    it('goes into an e-mail draft, which lists its size; an older PDF of the deck does not', async () => {
      const c = cases.find((x) => x.name === 'strategi')!;
      const deck = {
        deckId: 'strategi',
        version: '0.2',
        context: draftContext,
        distribution: storledermoteDistribution,
      };
      const pptx = { path: c.pptx, filename: 'strategi.pptx', contentType: PPTX };
      const pdf = { path: c.pdf.file, filename: 'strategi.pdf', contentType: 'application/pdf' };
      // Another deck's PDF stands in for a stale one: its text and titles are not this deck's.
      const stale = { ...pdf, path: cases.find((x) => x.name === 'ansatte')!.pdf.file };
      const leftOut: string[] = [];
      const outDir = path.join(work, 'drafts');
      const [good, old] = await writeDrafts(
        [
          { ...deck, attachments: [pptx, pdf] },
          {
            ...deck,
            deckId: 'other',
            attachments: [
              { ...pptx, filename: 'other.pptx' },
              { ...stale, filename: 'other.pdf' },
            ],
          },
        ],
        {
          outDir,
          templatesDir: TEMPLATES_DIR,
          onPdfLeftOut: (deckId, _file, reason) => leftOut.push(`${deckId}: ${reason}`),
        },
      );
      const mail = await simpleParser(readFileSync(good!));
      expect(mail.attachments.map((a) => a.filename)).toEqual(['strategi.pptx', 'strategi.pdf']);
      expect(mail.text).toContain(`strategi.pdf (PDF, ${formatSize(c.pdf.size)})`);
      expect((await simpleParser(readFileSync(old!))).attachments.map((a) => a.filename)).toEqual(['other.pptx']);
      expect(leftOut).toEqual([
        expect.stringMatching(/^other: it is not the accessible PDF of the deck[\s\S]*pdf-text/),
      ]);
    });

    it('paints nothing outside marked content: decoration, backgrounds and footers are artifacts (qpdf, own tokenizer)', async () => {
      for (const c of cases) {
        const { pages } = await readQdf(c.pdf.file);
        expect(pages.length, c.name).toBe(readDeck(readFileSync(c.pptx)).slides.length);
        for (const page of pages) expect(page.untagged, `${c.name} page ${page.number}`).toEqual([]);
      }
    });

    it('tags nothing in the footer: the footer, slide number and footer logo are artifacts on every page', async () => {
      for (const c of cases) {
        const { stdout: info } = await runAsync('pdfinfo', [c.pdf.file]);
        const height = Number(/^Page size:\s+[\d.]+ x ([\d.]+) pts/m.exec(info)?.[1]);
        const layout = deckLayout(c.pptx, height);
        const { pages } = await readQdf(c.pdf.file);
        expect(
          layout.slice(1).every((s) => s.footerTop !== undefined),
          c.name,
        ).toBe(true);
        for (const page of pages) {
          const top = layout[page.number - 1]?.footerTop;
          if (top === undefined) continue;
          const inFooter = page.tagged.filter((t) => t.points.some(([, y]) => y < top));
          expect(
            inFooter.map((t) => `${t.tag} ${t.mcid}`),
            `${c.name} page ${page.number}`,
          ).toEqual([]);
        }
      }
    });

    it('tags each slide title as one H1 and each panel, column and list heading as an H2; no heading holds a P', async () => {
      // Changed by issue #20 (seventh round): on an organisation template the column and panel
      // headings stand as the first line of the text in the layout's own place; the text declares
      // them, and they are tagged H2 like heading shapes. No deck is without headings any more.
      const withoutHeadings: string[] = [];
      for (const c of cases) {
        const layout = deckLayout(c.pptx, 540);
        const pages = await rolesPerPage(c.pdf.file);
        if (layout.every((s) => s.headings === 0)) withoutHeadings.push(c.name);
        pages.forEach((page, i) => {
          const where = `${c.name} page ${i + 1}`;
          expect(page.roles.filter((r) => r === 'H1').length, where).toBe(1);
          expect(page.roles.filter((r) => r === 'H2').length, where).toBe(layout[i]!.headings);
          expect(
            page.roles.filter((r) => r === 'H'),
            where,
          ).toEqual([]);
          expect(page.headingHoldsP, where).toBe(false);
        });
      }
      expect(withoutHeadings).toEqual([]);
    });

    it("declares pdfuaid in a PDF/A extension schema, and carries the deck's keywords", async () => {
      for (const c of cases) {
        const { xmp } = await readQdf(c.pdf.file);
        expect(xmp, c.name).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
        expect(xmp, c.name).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
        expect(xmp, c.name).toMatch(
          /<pdfaExtension:schemas>[\s\S]*<pdfaSchema:namespaceURI>http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/<\/pdfaSchema:namespaceURI>[\s\S]*<pdfaProperty:name>part<\/pdfaProperty:name>/,
        );
        const keywords = /<cp:keywords>([^<]*)<\/cp:keywords>/.exec(readPptx(c.pptx).text('docProps/core.xml'))?.[1];
        expect(keywords, c.name).toBeTruthy();
        expect(/<pdf:Keywords>([^<]*)<\/pdf:Keywords>/.exec(xmp)?.[1], c.name).toBe(keywords);
      }
    });

    it('is small: a fraction of the 2.3–3.4 MB of the rasterised PDF/A-1 files', () => {
      for (const c of cases) expect(c.pdf.size, c.name).toBeLessThan(600_000);
    });
  },
);
