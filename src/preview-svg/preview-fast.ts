/**
 * `trappa preview --fast`: every slide of the chosen decks as SVG (and, with --png, as PNG
 * through sharp), from Trappa's own layout, in milliseconds and without LibreOffice. Writes
 * output/preview-fast/<deck id>/slide-NN.svg (and .png); old slides of a deck are removed
 * first, so a deck that got shorter leaves no stale slide behind.
 */
import { withFonts } from '../fonts/fonts.js';
import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, type Issue } from '../errors.js';
import { loadProject, type ProjectPaths } from '../data/load-project.js';
import { layoutDeck } from '../deck/layout-deck.js';
import { placeImages } from '../deck/place-images.js';
import { findDeck, resolveDeck } from '../plan/resolve-deck.js';
import { loadSharp } from '../images/load-sharp.js';
import { renderSlideSvg } from './render-slide.js';
import { makeFolder } from '../io/save-file.js';

export interface FastPreviewOptions extends ProjectPaths {
  outDir: string;
  /** Deck ids; every deck when empty. */
  decks: string[];
  /** Also write PNGs at this resolution (dots per inch); none when absent. */
  dpi?: number;
}

export interface FastPreview {
  deckId: string;
  folder: string;
  svgs: string[];
  pngs: string[];
  ms: number;
}

export async function previewFast(options: FastPreviewOptions): Promise<FastPreview[]> {
  const loaded = await loadProject(options);
  if (!loaded.ok) throw new InputError(loaded.issues);
  const project = loaded.value;
  const unknown = options.decks.filter((id) => !findDeck(project, id));
  if (unknown.length > 0) {
    const known = project.decks.map((d) => d.deck.id).join(', ');
    throw new InputError(
      unknown.map((id): Issue => ({ file: 'data/decks', message: `no deck with id '${id}'; known decks: ${known}` })),
    );
  }
  const sources = options.decks.length > 0 ? options.decks.map((id) => findDeck(project, id)!) : project.decks;
  const results: FastPreview[] = [];
  for (const source of sources) {
    const started = performance.now();
    const laid = layoutDeck(resolveDeck(project, source));
    if (!laid.ok) throw new InputError(laid.issues);
    const placed = await placeImages(laid.value, { projectRoot: project.root });
    if (!placed.ok) throw new InputError(placed.issues);
    const { deck } = placed.value;
    const folder = path.join(options.outDir, 'preview-fast', source.deck.id);
    await clearSlides(folder);
    const svgs: string[] = [];
    const pngs: string[] = [];
    for (const [i, slide] of deck.slides.entries()) {
      const base = path.join(folder, `slide-${String(i + 1).padStart(2, '0')}`);
      // The SVG measures text again (its line breaks): with this project's faces, as the layout did.
      const svg = withFonts(project.fonts, () =>
        renderSlideSvg(slide, deck.size, { label: `${i + 1}: ${slide.title}` }),
      );
      await writeFile(`${base}.svg`, svg);
      svgs.push(`${base}.svg`);
      if (options.dpi) {
        const sharp = await loadSharp();
        // Sized in pixels from the slide's inches: librsvg's own pt → px scaling depends on its version.
        const width = Math.round(deck.size.w * options.dpi);
        await sharp(Buffer.from(svg), { density: 72 }).resize({ width }).png().toFile(`${base}.png`);
        pngs.push(`${base}.png`);
      }
    }
    results.push({ deckId: source.deck.id, folder, svgs, pngs, ms: Math.round(performance.now() - started) });
  }
  return results;
}

async function clearSlides(folder: string): Promise<void> {
  await makeFolder(folder);
  for (const name of await readdir(folder)) {
    if (/^slide-\d+\.(svg|png)$/.test(name)) await rm(path.join(folder, name), { force: true });
  }
}
