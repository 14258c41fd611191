/** `trappa preview`: LibreOffice → PDF → one PNG per slide → a contact sheet, in output/preview/<deck file>/. */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { findBuiltDecks } from '../check/built-decks.js';
import { outputDir, projectOptions } from './shared.js';
import type { FastPreview } from '../preview-svg/preview-fast.js';

interface PreviewFlags {
  deck?: string[];
  all?: boolean;
  dpi: number;
  fast?: boolean;
  png?: boolean;
  watch?: boolean;
}

export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description('render built decks to PNGs and a contact sheet (needs LibreOffice and pdftoppm)')
    .option('-d, --deck <id...>', 'deck id(s) to preview (default: every built deck)')
    .option('-a, --all', 'preview every built deck (the default)')
    .option('--dpi <n>', 'resolution of the slide PNGs, 10–600', parseDpi, 80)
    .option('--fast', "an SVG per slide from Trappa's own layout, in milliseconds, without LibreOffice or a build")
    .option('--png', 'with --fast: also a PNG per slide, at --dpi (sharp; slower than the SVGs themselves)')
    .option('-w, --watch', 'with --fast: draw the slides again on every change (Ctrl+C to stop)')
    .action(async (flags: PreviewFlags, cmd: Command) => {
      if (flags.fast) return previewFastCommand(flags, cmd);
      // LibreOffice and pdftoppm lookups load only when previewing.
      const { previewDecks } = await import('../post/preview.js');
      const options = projectOptions(cmd);
      const outDir = outputDir(options);
      const decks = await findBuiltDecks(outDir, flags.all ? [] : (flags.deck ?? []), options.root);
      const show = (file: string): string => path.relative(process.cwd(), file) || file;
      const started = performance.now();
      // One LibreOffice run for all decks.
      const jobs = decks.map((deck) => ({
        pptx: deck.file,
        outDir: path.join(outDir, 'preview', path.basename(deck.file, '.pptx')),
      }));
      const previews = await previewDecks(jobs, { dpi: flags.dpi });
      previews.forEach((preview, i) => {
        console.log(
          `✓ ${decks[i]!.deckId.padEnd(18)} ${show(preview.contactSheet)}  (${preview.slides.length} slides, ` +
            `${show(preview.pdf)})`,
        );
      });
      const ms = Math.round(performance.now() - started);
      console.log(`${previews.length} preview${previews.length === 1 ? '' : 's'} in ${ms} ms`);
    });
}

function parseDpi(value: string): number {
  const dpi = Number(value);
  if (!Number.isFinite(dpi) || dpi < 10 || dpi > 600)
    throw new InvalidArgumentError('expected a number from 10 to 600.');
  return dpi;
}

/** `--fast`: the data as it is now, through the SVG renderer (src/preview-svg), into output/preview-fast/<deck>/. */
async function previewFastCommand(flags: PreviewFlags, cmd: Command): Promise<void> {
  const options = projectOptions(cmd);
  // SVG only unless PNGs are asked for: rasterising took most of --fast's time (1,000 plan rows: 4.6 of 5.9 s).
  const dpi = flags.png ? flags.dpi : undefined;
  const fast = { ...options, outDir: outputDir(options), decks: flags.all ? [] : (flags.deck ?? []), dpi };
  const print = (previews: FastPreview[]): void => {
    for (const p of previews) {
      const folder = path.relative(process.cwd(), p.folder) || p.folder;
      const as = p.pngs.length > 0 ? 'SVG and PNG' : 'SVG';
      console.log(`✓ ${p.deckId.padEnd(18)} ${folder}/  (${p.svgs.length} slides as ${as}, ${p.ms} ms)`);
    }
  };
  if (flags.watch) {
    const { reportError } = await import('./report-error.js');
    const { watchPreviewFast } = await import('../preview-svg/watch-fast.js');
    return watchPreviewFast({ ...fast, onDrawn: print, onError: reportError });
  }
  const { previewFast } = await import('../preview-svg/preview-fast.js');
  print(await previewFast(fast));
}
