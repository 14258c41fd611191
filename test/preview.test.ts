import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import pptxgenjs from 'pptxgenjs';
import sharp from 'sharp';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { CheckFailedError, ToolNotFoundError, TrappaError } from '../src/errors.js';
import { exportPdf } from '../src/post/pdf.js';
import { contactSheetLayout, findPdftoppm, previewDeck } from '../src/post/preview.js';
import { findSoffice } from '../src/post/soffice.js';
import { missingTool } from './helpers/tools.js';

// pptxgenjs's single .d.ts is read as CommonJS under nodenext, so the default import types as
// the module object; at run time the ESM build's default export is the class itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
const run = promisify(execFile);
const found = (p: Promise<unknown>): Promise<boolean> =>
  p.then(
    () => true,
    () => false,
  );
const hasSoffice = await found(findSoffice());
const hasPoppler = await found(findPdftoppm());
const hasPdfinfo = await found(run('pdfinfo', ['-v']));

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trappa-preview-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const slideCount = 5;

/** A 5-slide deck with titles, Norwegian letters, a table and a shape. */
async function writeDeck(dir: string, name = 'deck.pptx'): Promise<string> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  for (let i = 1; i <= slideCount; i++) {
    const slide = pptx.addSlide();
    slide.addText(`Lysbilde ${i}: Blåbærsyltetøy`, { x: 0.5, y: 0.3, w: 12, h: 1, fontSize: 32, bold: true });
    slide.addText('Ærlig, øvet og årvåken: æ ø å Æ Ø Å', { x: 0.5, y: 1.5, w: 12, h: 1, fontSize: 20 });
    if (i === 3) {
      slide.addTable(
        [
          [{ text: 'Målgruppe' }, { text: 'Kanal' }],
          [{ text: 'Ledere' }, { text: 'Møte' }],
          [{ text: 'Ansatte' }, { text: 'Intranett' }],
        ],
        { x: 1, y: 3, w: 8, border: { type: 'solid', color: '333333', pt: 1 } },
      );
    }
    if (i === 4) slide.addShape('rect', { x: 1, y: 3, w: 4, h: 2, fill: { color: 'C0392B' } });
  }
  const file = join(dir, name);
  await writeFile(file, (await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
  return file;
}

async function pdfPages(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
}

describe('contactSheetLayout', () => {
  it('is 1600 px wide, 3 columns for few slides and 4 for many', () => {
    expect(contactSheetLayout(5, 1067, 600)).toMatchObject({ width: 1600, columns: 3 });
    expect(contactSheetLayout(12, 1067, 600)).toMatchObject({ width: 1600, columns: 4 });
    expect(contactSheetLayout(1, 1067, 600).columns).toBe(1);
  });
});

describe('missing tools', () => {
  it('TRAPPA_SOFFICE pointing nowhere → ToolNotFoundError with the install hint', async () => {
    vi.stubEnv('TRAPPA_SOFFICE', '/nonexistent');
    onTestFinished(() => void vi.unstubAllEnvs());
    const dir = await tempDir();
    const error = await exportPdf(join(dir, 'deck.pptx')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolNotFoundError);
    expect((error as ToolNotFoundError).exitCode).toBe(5);
    expect((error as Error).message).toContain('apt-get install -y libreoffice-impress');
    expect((error as Error).message).toContain('TRAPPA_SOFFICE');
  });
});

describe.skipIf(missingTool('LibreOffice', hasSoffice))('with LibreOffice', () => {
  it.skipIf(missingTool('pdftoppm', hasPoppler))(
    'previewDeck renders one non-blank PNG per slide and a contact sheet',
    async () => {
      const dir = await tempDir();
      const deck = await writeDeck(dir);
      const outDir = join(dir, 'preview', 'deck');
      // A stale picture from an earlier, longer version of the deck must disappear.
      await previewDeck(deck, { outDir }).then(() => writeFile(join(outDir, 'slide-09.png'), 'stale'));

      const preview = await previewDeck(deck, { outDir });

      expect(preview.pdf).toBe(join(outDir, 'deck.pdf'));
      expect(preview.slides.map((s) => basename(s))).toEqual([
        'slide-01.png',
        'slide-02.png',
        'slide-03.png',
        'slide-04.png',
        'slide-05.png',
      ]);
      for (const slide of preview.slides) {
        const { channels } = await sharp(slide).stats();
        const spread = Math.max(...channels.map((c) => c.stdev));
        expect(spread, `${basename(slide)} looks blank`).toBeGreaterThan(3);
      }
      const slideMeta = await sharp(preview.slides[0]).metadata();
      expect(slideMeta.width).toBe(1067); // 13.333 in × 80 dpi
      const sheet = await sharp(preview.contactSheet).metadata();
      const layout = contactSheetLayout(slideCount, slideMeta.width ?? 0, slideMeta.height ?? 0);
      expect(layout.columns).toBe(3);
      expect({ width: sheet.width, height: sheet.height }).toEqual({ width: 1600, height: layout.height });
      expect(sheet.height).toBeGreaterThan(2 * layout.thumbHeight); // two rows
      await expect(readFile(join(outDir, 'slide-09.png'))).rejects.toThrow();
    },
  );

  it.skipIf(missingTool('pdfinfo', hasPdfinfo))(
    'exportPdf writes a checked PDF/A-2b beside the deck, and the queue runs one soffice at a time',
    async () => {
      const dir = await tempDir();
      const deck = await writeDeck(dir);

      // Started together: the in-process queue runs LibreOffice once at a time.
      const [pdf, other] = await Promise.all([
        exportPdf(deck, { language: 'en-US' }),
        exportPdf(deck, { language: 'en-US', outFile: join(dir, 'sub', 'other.pdf') }),
      ]);

      expect(pdf).toBe(join(dir, 'deck.pdf'));
      expect(await pdfPages(pdf)).toBe(slideCount);
      expect(await pdfPages(other)).toBe(slideCount);
      const { stdout: info } = await run('pdfinfo', ['-meta', pdf]);
      expect(info).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      const { stdout } = await run('pdftotext', [pdf, '-']);
      expect(stdout).toContain('Blåbærsyltetøy');
    },
  );

  it('a PDF that fails the check is not saved: the earlier file stays', async () => {
    const dir = await tempDir();
    const pptx = new PptxGenJS();
    const slide = pptx.addSlide();
    slide.addText('Et bilde uten alternativ tekst', { x: 0.5, y: 0.3, w: 9, h: 1, fontSize: 28 });
    const png = await sharp({
      create: { width: 60, height: 40, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: 1, y: 2, w: 3, h: 2 });
    const deck = join(dir, 'deck.pptx');
    await writeFile(deck, (await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
    const earlierBytes = Buffer.from('%PDF-1.4\n% an earlier export\n%%EOF\n');
    await writeFile(join(dir, 'deck.pdf'), earlierBytes);

    const error = await exportPdf(deck, { language: 'en-US' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CheckFailedError);
    expect((error as Error).message).not.toContain('pdf-lang');
    // pptxgenjs describes a picture without alt text by its file name, which tells a reader nothing.
    expect((error as Error).message).toMatch(
      /deck\.pdf:\n.*pdf-alt: a figure's alternative text is a file name \("preencoded\.png"\)/,
    );
    expect(await readFile(join(dir, 'deck.pdf'))).toEqual(earlierBytes);
  });

  it('kills LibreOffice after the timeout and keeps the earlier PDF', async () => {
    const dir = await tempDir();
    const deck = await writeDeck(dir);
    const earlierBytes = Buffer.from('%PDF-1.4\n% an earlier export\n%%EOF\n');
    await writeFile(join(dir, 'deck.pdf'), earlierBytes);

    const error = await exportPdf(deck, { timeoutMs: 50 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrappaError);
    expect((error as Error).message).toContain('killed it');
    expect(await readFile(join(dir, 'deck.pdf'))).toEqual(earlierBytes);
  });

  it('a failed conversion throws and leaves an earlier PDF byte-identical', async () => {
    const dir = await tempDir();
    const deck = join(dir, 'broken.pptx');
    await writeFile(deck, Buffer.from('this is not a zip file, let alone a presentation'));
    const earlier = join(dir, 'broken.pdf');
    const earlierBytes = Buffer.from('%PDF-1.4\n% an earlier export\n%%EOF\n');
    await writeFile(earlier, earlierBytes);

    const error = await exportPdf(deck).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TrappaError);
    expect((error as Error).message).toMatch(/could not convert .*broken\.pptx/);
    expect((error as Error).message).toContain('source file could not be loaded');
    expect(await readFile(earlier)).toEqual(earlierBytes);
  });
});
