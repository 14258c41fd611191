/**
 * `build --pdf`'s PDFs read by tools other than Trappa's (poppler, qpdf): real text and fonts,
 * a structure tree with the deck's /Lang and /Alt on every Figure, no page drawn as one picture.
 * Every bundled deck, one on an organisation template (#11), and a deck in nynorsk whose logos
 * are semi-transparent PNGs (under PDF/A-1 such logos made LibreOffice rasterise whole pages).
 * One exportPdfs call for all (one LibreOffice run per language).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks } from '../src/build-deck.js';
import { readDeck } from '../src/check/read-deck.js';
import { frameText } from '../src/check/read-text.js';
import { isTitle } from '../src/check/rules/elements.js';
import { exportPdfs, type WrittenPdf } from '../src/post/pdf.js';
import { REPO } from './helpers/project.js';
import { simpleParser } from 'mailparser';
import { formatSize } from '../src/post/email/compose-message.js';
import { writeDrafts } from '../src/post/email/write-draft.js';
import { PPTX, storledermoteDistribution, TEMPLATES_DIR } from './email-fixtures.js';
import { hasPdfinfo, hasPdftotext, hasSoffice, missingTool } from './helpers/tools.js';
import { copyProjectInto } from './helpers/project-copy.js';

interface Case {
  name: string;
  pptx: string;
  language: string;
  pdf: WrittenPdf;
}

const hasQpdf = spawnSync('qpdf', ['--version'], { stdio: 'ignore' }).status === 0;
const run = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
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
function qpdfObjects(pdf: string): Record<string, unknown>[] {
  const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', pdf])) as {
    qpdf: [unknown, Record<string, { value?: unknown }>];
  };
  return Object.values(json.qpdf[1])
    .map((o) => o.value)
    .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
}

const texts = new Map<string, string>();
/** pdftotext's text of the whole file, read once per file (the two tests below share it). */
function pdftotext(pdf: string): string {
  if (!texts.has(pdf)) texts.set(pdf, run('pdftotext', [pdf, '-']));
  return texts.get(pdf)!;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/^u:/, '') : '');

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

    it('pdffonts lists fonts, every one embedded', () => {
      for (const c of cases) {
        const rows = run('pdffonts', [c.pdf.file]).trim().split('\n').slice(2);
        expect(rows.length, c.name).toBeGreaterThan(0);
        for (const row of rows) expect(row, `${c.name}: ${row}`).toMatch(/\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
      }
    });

    it('pdftotext finds every slide title and every plan cell', () => {
      for (const c of cases) {
        // -raw: in the order the text is drawn, so a cell that wraps is not interleaved with
        // its neighbour's lines, as the layout-guessing default mode may do.
        const pdfText = words(run('pdftotext', ['-raw', c.pdf.file, '-']));
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

    it("has a structure tree in the deck's language (/Lang), with /Alt on every Figure", () => {
      for (const c of cases) {
        const objects = qpdfObjects(c.pdf.file);
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

    it('no page is a single image: every page has its own text, no image is page-sized', () => {
      for (const c of cases) {
        const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [c.pdf.file]))?.[1]);
        expect(pages, c.name).toBe(readDeck(readFileSync(c.pptx)).slides.length);
        // pdftotext ends every page with a form feed.
        const perPage = pdftotext(c.pdf.file).split('\f').slice(0, pages);
        expect(perPage.length, c.name).toBe(pages);
        perPage.forEach((own, i) => expect(squeeze(own).length, `${c.name} page ${i + 1}`).toBeGreaterThan(20));
        // An image drawn over (nearly) the whole page is what a rasterised page looks like.
        const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(run('pdfinfo', [c.pdf.file]));
        const [pageW, pageH] = [Number(size?.[1]) / 72, Number(size?.[2]) / 72];
        const images = run('pdfimages', ['-list', c.pdf.file]).trim().split('\n').slice(2);
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

    it('is small: a fraction of the 2.3–3.4 MB of the rasterised PDF/A-1 files', () => {
      for (const c of cases) expect(c.pdf.size, c.name).toBeLessThan(600_000);
    });
  },
);
