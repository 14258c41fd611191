/**
 * `npm run gallery` (issue #20): every bundled deck built on each template of the corpus —
 * LibreOffice's bundled templates saved as .potx and the ones test/helpers/template-corpus.ts
 * makes — or on each .potx/.pptx of a folder given, and one contact sheet per template
 * (all its decks' slides) in output/gallery/<template>.png, for a person to look at.
 * output/gallery/index.md lists per template what happened: built, built but failing
 * `trappa check` (rendered unchecked), or refused (the message).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { buildDecks } from '../src/build-deck.js';
import { CheckFailedError, InputError } from '../src/errors.js';
import { contactSheetLayout, previewDecks } from '../src/post/preview.js';
import { copyProjectInto } from '../test/helpers/project-copy.js';
import { libreOfficeTemplates, ownTemplates } from '../test/helpers/template-corpus.js';

/** The corpus, or the templates in `folder`. */
export async function galleryTemplates(folder: string | undefined, work: string): Promise<string[]> {
  if (folder)
    return readdirSync(folder)
      .filter((f) => /\.(potx|pptx|potm|pptm)$/i.test(f))
      .sort()
      .map((f) => path.resolve(folder, f));
  return [...(await libreOfficeTemplates()), ...(await ownTemplates(path.join(work, 'own')))];
}

/** The bundled project on `template`, every deck built: with the checks, else without them. */
async function buildOn(repo: string, template: string, work: string) {
  const root = copyProjectInto(mkdtempSync(path.join(work, 'p-')), repo);
  mkdirSync(path.join(root, 'assets/templates'), { recursive: true });
  const name = path.basename(template);
  copyFileSync(template, path.join(root, 'assets/templates', name));
  const theme = path.join(root, 'data/theme.yaml');
  writeFileSync(theme, `${readFileSync(theme, 'utf8')}template: templates/${name}\n`);
  const options = { root, outDir: path.join(root, 'output') };
  try {
    return { decks: (await buildDecks(options)).decks, status: 'built' };
  } catch (error) {
    if (error instanceof CheckFailedError) {
      const first =
        error.message
          .split('\n')
          .find((l) => /error/.test(l))
          ?.trim() ?? '';
      return { decks: (await buildDecks({ ...options, check: false })).decks, status: `fails its checks (${first})` };
    }
    if (error instanceof InputError) return { decks: [], status: `refused: ${error.message.split('\n')[0]}` };
    throw error;
  }
}

/** One sheet of all `slides` (PNG files), each labelled. */
async function writeSheet(slides: { file: string; label: string }[], file: string): Promise<void> {
  const first = await sharp(slides[0]!.file).metadata();
  const { width, height, columns, gap, thumbWidth, thumbHeight, labelHeight } = contactSheetLayout(
    slides.length,
    first.width ?? 16,
    first.height ?? 9,
  );
  const place = (i: number) => ({
    left: gap + (i % columns) * (thumbWidth + gap),
    top: gap + Math.floor(i / columns) * (thumbHeight + labelHeight + gap),
  });
  const thumbs = await Promise.all(
    slides.map(async (s, i) => ({
      input: await sharp(s.file).resize(thumbWidth, thumbHeight, { fit: 'fill' }).toBuffer(),
      ...place(i),
    })),
  );
  const labels = slides
    .map((s, i) => {
      const { left, top } = place(i);
      return `<text x="${left + thumbWidth / 2}" y="${top + thumbHeight + labelHeight - 5}">${s.label}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><g font-family="DejaVu Sans" font-size="13" fill="#333" text-anchor="middle">${labels}</g></svg>`;
  await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 200, b: 200 } } })
    .composite([...thumbs, { input: Buffer.from(svg), left: 0, top: 0 }])
    .png()
    .toFile(file);
}

/** Builds and renders every template; returns the index lines. */
export async function templateGallery(repo: string, galleryDir: string, folder?: string): Promise<string[]> {
  const work = mkdtempSync(path.join(tmpdir(), 'trappa-gallery-'));
  const index: string[] = [];
  try {
    for (const template of await galleryTemplates(folder, work)) {
      const name = path.basename(template).replace(/\.[^.]+$/, '');
      const { decks, status } = await buildOn(repo, template, work);
      if (decks.length > 0) {
        const jobs = decks.map((d) => {
          const pptx = path.join(work, `${name}--${path.basename(d.file)}`);
          copyFileSync(d.file, pptx);
          return { pptx, outDir: path.join(galleryDir, name, d.plan.deck.id) };
        });
        const previews = await previewDecks(jobs, { dpi: 40 });
        const slides = previews.flatMap((p, i) =>
          p.slides.map((file, n) => ({ file, label: `${decks[i]!.plan.deck.id} ${n + 1}` })),
        );
        await writeSheet(slides, path.join(galleryDir, `${name}.png`));
      }
      index.push(`- ${name}: ${status}${decks.length > 0 ? ` — ${name}.png` : ''}`);
      console.log(`${decks.length > 0 ? '✓' : '✗'} ${name}: ${status}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return index;
}
