/**
 * `npm run gallery`: contact sheets under output/gallery/ for a person to look at. Needs
 * LibreOffice and pdftoppm (as `trappa preview` does).
 *
 *   npm run gallery                          # every bundled deck on each corpus template (gallery-templates.ts)
 *   npm run gallery -- --templates DIR       # … on each .potx/.pptx in DIR
 *   npm run gallery -- --strategies          # a fixed set of generated strategies (seed 2026), plus vestfjord
 *   npm run gallery -- --strategies --seed 5 --count 8
 *
 * Strategies: output/gallery/<n>-<summary>/ (the project, the deck, slide PNGs) and
 * output/gallery/<n>-<summary>.png (the contact sheet). Both write output/gallery/index.md.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { buildDecks } from '../src/build-deck.js';
import { previewDeck } from '../src/post/preview.js';
import { projectArbitrary, writeProject, type GeneratedProject } from '../test/generators/strategy.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({
  options: {
    seed: { type: 'string', default: '2026' },
    count: { type: 'string', default: '6' },
    strategies: { type: 'boolean', default: false },
    templates: { type: 'string' },
  },
});

/** How big a strategy is, for ordering the set from small to large. */
const size = (p: GeneratedProject): number => JSON.stringify(p.strategy).length;

/** `count` strategies spread over the sizes of a larger sample: smallest, largest and evenly between. */
function pick(seed: number, count: number): GeneratedProject[] {
  const sample = fc
    .sample(projectArbitrary, { seed, numRuns: Math.max(count * 5, 20) })
    .sort((a, b) => size(a) - size(b));
  return Array.from(
    { length: count },
    (_, i) => sample[Math.round((i * (sample.length - 1)) / Math.max(1, count - 1))]!,
  );
}

async function render(label: string, root: string, dataDir: string | undefined, galleryDir: string): Promise<string[]> {
  const dir = path.join(galleryDir, label);
  const built = await buildDecks({ root, ...(dataDir ? { dataDir } : {}), outDir: path.join(dir, 'decks') });
  const sheets: string[] = [];
  for (const deck of built.decks) {
    const preview = await previewDeck(deck.file, { outDir: path.join(dir, deck.deckId) });
    const sheet = path.join(galleryDir, `${label}-${deck.deckId}.png`);
    copyFileSync(preview.contactSheet, sheet);
    sheets.push(`${path.basename(sheet)} (${deck.slideCount} slides)`);
  }
  return sheets;
}

async function main(): Promise<void> {
  const galleryDir = path.join(REPO, 'output', 'gallery');
  rmSync(galleryDir, { recursive: true, force: true });
  mkdirSync(galleryDir, { recursive: true });
  if (!flags.strategies) {
    const { templateGallery } = await import('./gallery-templates.js');
    const lines = await templateGallery(REPO, galleryDir, flags.templates);
    writeFileSync(
      path.join(galleryDir, 'index.md'),
      `# Gallery: the bundled decks per template\n\n${lines.join('\n')}\n`,
    );
    console.log(`contact sheets in ${path.relative(process.cwd(), galleryDir)}/`);
    return;
  }
  const index: string[] = ['# Gallery', '', `Seed ${flags.seed}; members-steps-rows-groups-services-language.`, ''];
  const projects = pick(Number(flags.seed), Number(flags.count));
  for (const [i, project] of projects.entries()) {
    const label = `${i + 1}-${project.summary}`;
    const root = path.join(galleryDir, label, 'project');
    writeProject(root, REPO, project);
    const sheets = await render(label, root, undefined, galleryDir);
    index.push(`- ${label}: ${sheets.join(', ')}`);
    console.log(`✓ ${label}`);
  }
  const fixture = await render('vestfjord', REPO, 'test/fixtures/vestfjord/data', galleryDir);
  index.push(`- vestfjord (test/fixtures/vestfjord): ${fixture.join(', ')}`);
  writeFileSync(path.join(galleryDir, 'index.md'), `${index.join('\n')}\n`);
  console.log(`contact sheets in ${path.relative(process.cwd(), galleryDir)}/`);
}

await main();
