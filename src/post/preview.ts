/**
 * .pptx → PDF → one PNG per slide (pdftoppm) → a contact sheet (sharp), for a quick look;
 * many decks per LibreOffice run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { TrappaError } from '../errors.js';
import { findTool, type ToolSpec } from './find-tool.js';
import { convertManyWithSoffice, type ConvertOptions } from './soffice.js';
import { english, said } from '../messages/catalogue.js';
import { makeFolder } from '../io/save-file.js';

/** Options for {@link previewDeck}. */
export interface PreviewOptions extends ConvertOptions {
  /** Directory for the deck's preview, e.g. `output/preview/<deck base name>/`. Created if missing. */
  outDir: string;
  /** Resolution of the slide PNGs in dots per inch (a 13.33 in wide slide at 80 dpi ≈ 1067 px). @default 80 */
  dpi?: number;
}

/** Files written by {@link previewDeck}, all inside `outDir`. */
export interface Preview {
  pdf: string;
  /** `slide-01.png`, `slide-02.png`, … in slide order. */
  slides: string[];
  contactSheet: string;
}

const pdftoppmSpec: ToolSpec = {
  label: 'pdftoppm (poppler-utils)',
  envVars: ['TRAPPA_PDFTOPPM'],
  names: ['pdftoppm'],
  knownPaths: async () => ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm', '/opt/homebrew/bin/pdftoppm'],
  installHint: 'Debian/Ubuntu: apt-get install -y poppler-utils; macOS: brew install poppler',
};

/** Finds `pdftoppm`: `TRAPPA_PDFTOPPM`, then PATH, then the usual install paths. */
export const findPdftoppm = (env?: NodeJS.ProcessEnv): Promise<string> => findTool(pdftoppmSpec, env);

const contactSheetName = 'contact-sheet.png';
const slidePng = /^slide-\d+\.png$/;

/**
 * Renders a deck for viewing: `<outDir>/<base>.pdf`, `<outDir>/slide-NN.png` per slide and
 * `<outDir>/contact-sheet.png`. Old slide PNGs in `outDir` are removed first, so a deck that
 * lost slides leaves no stale pictures behind.
 * @throws TrappaError when a conversion fails; ToolNotFoundError when soffice or pdftoppm is missing.
 */
export async function previewDeck(pptxPath: string, options: PreviewOptions): Promise<Preview> {
  const { outDir, ...rest } = options;
  const [preview] = await previewDecks([{ pptx: pptxPath, outDir }], rest);
  return preview!;
}

/** One deck for {@link previewDecks}. */
export interface PreviewJob {
  pptx: string;
  outDir: string;
}

/**
 * {@link previewDeck} for many decks with one LibreOffice run: starting LibreOffice is most of
 * a conversion's time. Decks need different base names.
 */
export async function previewDecks(
  jobs: readonly PreviewJob[],
  options: Omit<PreviewOptions, 'outDir'> = {},
): Promise<Preview[]> {
  if (jobs.length === 0) return [];
  const { dpi = 80, ...convertOptions } = options;
  const pdftoppm = await findPdftoppm();
  const dirs = jobs.map((job) => resolve(job.outDir));
  // Beside the first deck's folder (normally output/preview/), so the renames stay on one file system.
  await makeFolder(dirname(dirs[0]!));
  const staging = await mkdtemp(join(dirname(dirs[0]!), '.preview-'));
  try {
    const pdfs = await convertManyWithSoffice(
      jobs.map((job) => job.pptx),
      staging,
      'pdf:impress_pdf_Export',
      convertOptions,
    );
    const previews: Preview[] = [];
    for (const [i, dir] of dirs.entries()) {
      await makeFolder(dir);
      const pdf = join(dir, basename(pdfs[i]!));
      await rename(pdfs[i]!, pdf);
      previews.push(await renderPreview(pdftoppm, pdf, dir, dpi));
    }
    return previews;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function renderPreview(pdftoppm: string, pdf: string, dir: string, dpi: number): Promise<Preview> {
  for (const name of await readdir(dir)) {
    if (slidePng.test(name) || name === contactSheetName) await rm(join(dir, name), { force: true });
  }
  const slides = await renderPages(pdftoppm, pdf, dir, dpi);
  const contactSheet = join(dir, contactSheetName);
  await writeContactSheet(slides, contactSheet);
  return { pdf, slides, contactSheet };
}

/** pdftoppm pads page numbers to the page count's width (`p-1.png` for 5 pages); we want `slide-01.png`. */
async function renderPages(pdftoppm: string, pdf: string, dir: string, dpi: number): Promise<string[]> {
  const staging = await mkdtemp(join(dir, '.pdftoppm-'));
  try {
    await promisify(execFile)(pdftoppm, ['-r', String(dpi), '-png', pdf, join(staging, 'p')], {
      timeout: 120_000,
      killSignal: 'SIGKILL',
    }).catch((cause: unknown) => {
      const stderr = (cause as { stderr?: string }).stderr?.trim() ?? '';
      const detail = stderr ? `\n${stderr.slice(-1500)}` : '';
      throw new TrappaError(`${english(said('tool.noRender', { pdf }))}${detail}`, {
        cause,
      });
    });
    const pages = (await readdir(staging))
      .map((name) => ({ name, page: Number(/^p-(\d+)\.png$/.exec(name)?.[1]) }))
      .filter((p) => Number.isInteger(p.page))
      .sort((a, b) => a.page - b.page);
    if (pages.length === 0) throw new TrappaError(`pdftoppm rendered no pages from ${pdf}.`);
    const width = Math.max(2, String(pages.length).length);
    const slides: string[] = [];
    for (const { name, page } of pages) {
      const file = join(dir, `slide-${String(page).padStart(width, '0')}.png`);
      await rename(join(staging, name), file);
      slides.push(file);
    }
    return slides;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Geometry of a contact sheet, in pixels. Pure, so tests can predict the sheet's size. */
export interface ContactSheetLayout {
  width: number;
  height: number;
  columns: number;
  gap: number;
  thumbWidth: number;
  thumbHeight: number;
  /** Height of the strip under each thumbnail that holds its slide number. */
  labelHeight: number;
}

/** 3 columns (4 from 10 slides on), ~1600 px wide, thumbnails keep the slides' aspect ratio. */
export function contactSheetLayout(count: number, slideWidth: number, slideHeight: number): ContactSheetLayout {
  const width = 1600;
  const gap = 8;
  const labelHeight = 20;
  const columns = Math.max(1, Math.min(count, count > 9 ? 4 : 3));
  const rows = Math.max(1, Math.ceil(count / columns));
  const thumbWidth = Math.floor((width - gap * (columns + 1)) / columns);
  const thumbHeight = Math.round((thumbWidth * slideHeight) / slideWidth);
  const height = gap + rows * (thumbHeight + labelHeight + gap);
  return { width, height, columns, gap, thumbWidth, thumbHeight, labelHeight };
}

async function writeContactSheet(slides: string[], file: string): Promise<void> {
  const [firstSlide] = slides;
  if (firstSlide === undefined) throw new TrappaError('No slides to put on a contact sheet.');
  const { default: sharp } = await import('sharp');
  const first = await sharp(firstSlide).metadata();
  const layout = contactSheetLayout(slides.length, first.width ?? 16, first.height ?? 9);
  const { width, height, columns, gap, thumbWidth, thumbHeight, labelHeight } = layout;
  const place = (i: number): { left: number; top: number } => ({
    left: gap + (i % columns) * (thumbWidth + gap),
    top: gap + Math.floor(i / columns) * (thumbHeight + labelHeight + gap),
  });
  const thumbs = await Promise.all(
    slides.map(async (slide, i) => ({
      input: await sharp(slide).resize(thumbWidth, thumbHeight, { fit: 'fill' }).toBuffer(),
      ...place(i),
    })),
  );
  const labels = slides
    .map((_, i) => {
      const { left, top } = place(i);
      const y = top + thumbHeight + labelHeight - 5;
      return `<text x="${left + thumbWidth / 2}" y="${y}">${i + 1}</text>`;
    })
    .join('');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<g font-family="DejaVu Sans, Arial, sans-serif" font-size="13" fill="#333333" text-anchor="middle">` +
    `${labels}</g></svg>`;
  await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 200, b: 200 } } })
    .composite([...thumbs, { input: Buffer.from(svg), left: 0, top: 0 }])
    .png()
    .toFile(file);
}
