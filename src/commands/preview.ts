/** `trappa preview`: LibreOffice → PDF → one PNG per slide → a contact sheet, in output/preview/<deck file>/. */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { findBuiltDecks } from '../check/built-decks.js';
import type { Messages } from '../messages/catalogue.js';
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

export function registerPreview(program: Command, messages: Messages): void {
  const { say } = messages;
  const parseDpi = (value: string): number => {
    const dpi = Number(value);
    if (!Number.isFinite(dpi) || dpi < 10 || dpi > 600) throw new InvalidArgumentError(`${say('usage.dpi')}.`);
    return dpi;
  };
  program
    .command('preview')
    .description(say('preview.desc'))
    .option('-d, --deck <id...>', say('preview.deck'))
    .option('-a, --all', say('preview.all'))
    .option('--dpi <n>', say('preview.dpi'), parseDpi, 80)
    .option('--fast', say('preview.fast'))
    .option('--png', say('preview.png'))
    .option('-w, --watch', say('preview.watch'))
    .action(async (flags: PreviewFlags, cmd: Command) => {
      if (flags.fast) return previewFastCommand(flags, cmd, messages);
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
        const [deck, sheet, pdf] = [decks[i]!.deckId.padEnd(18), show(preview.contactSheet), show(preview.pdf)];
        console.log(say('preview.done', { deck, sheet, n: preview.slides.length, pdf }));
      });
      const ms = Math.round(performance.now() - started);
      console.log(say('preview.summary', { n: previews.length, ms }));
    });
}

/** `--fast`: the data as it is now, through the SVG renderer (src/preview-svg), into output/preview-fast/<deck>/. */
async function previewFastCommand(flags: PreviewFlags, cmd: Command, messages: Messages): Promise<void> {
  const { say } = messages;
  const options = projectOptions(cmd);
  // SVG only unless PNGs are asked for: rasterising took most of --fast's time (1,000 plan rows: 4.6 of 5.9 s).
  const dpi = flags.png ? flags.dpi : undefined;
  const fast = { ...options, outDir: outputDir(options), decks: flags.all ? [] : (flags.deck ?? []), dpi };
  const print = (previews: FastPreview[]): void => {
    for (const p of previews) {
      const folder = path.relative(process.cwd(), p.folder) || p.folder;
      const as = p.pngs.length > 0 ? say('preview.svgPng') : 'SVG';
      console.log(say('preview.fastDone', { deck: p.deckId.padEnd(18), folder, n: p.svgs.length, as, ms: p.ms }));
    }
  };
  if (flags.watch) {
    const { reportError } = await import('./report-error.js');
    const { watchPreviewFast } = await import('../preview-svg/watch-fast.js');
    return watchPreviewFast({ ...fast, onDrawn: print, onError: (error) => reportError(error, messages) });
  }
  const { previewFast } = await import('../preview-svg/preview-fast.js');
  print(await previewFast(fast));
}
