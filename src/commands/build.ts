/** `trappa build`: build decks from data/ into output/, once, from a release snapshot, or on every change (--watch). */
import path from 'node:path';
import type { Command } from 'commander';
import { addSentChanges } from '../diff/sent-changes.js';
import { buildDecks, type BuildOptions, type BuildResult } from '../build-deck.js';
import { checkoutRelease, releaseFolder } from '../versions/snapshots.js';
import { formatIssue, TrappaError } from '../errors.js';
import { kilobytes, outputDir, projectOptions } from './shared.js';

interface BuildFlags {
  deck?: string[];
  all?: boolean;
  watch?: boolean;
  overwriteReleased?: boolean;
  fromRelease?: string;
  pdf?: boolean;
}

/** One line per deck, then a summary: what `build --all` shows. */
function printBuild(result: BuildResult, ms: number): void {
  for (const notice of result.project.notices) console.error(`trappa: warning: ${formatIssue(notice)}`);
  // Each warning once, however many decks it concerns (a template's font is every deck's).
  for (const note of new Set(result.decks.flatMap((d) => d.notes ?? []))) console.error(`trappa: warning: ${note}`);
  for (const deck of result.decks) {
    const rel = path.relative(process.cwd(), deck.file);
    const what =
      deck.saved === 'unchanged' ? 'unchanged' : `${deck.slideCount} slides, ${kilobytes(deck.bytes.length)}`;
    console.log(`${deck.saved === 'unchanged' ? '=' : '✓'} ${deck.deckId.padEnd(18)} ${rel}  (${what})`);
    if (deck.pdf)
      console.log(
        `  ${path.relative(process.cwd(), deck.pdf)}  (${deck.pdfDeclares ?? 'PDF'}, checked: text, fonts, tags, ` +
          'headings, artifacts, alt text, language, XMP)',
      );
  }
  const unchanged = result.decks.filter((d) => d.saved === 'unchanged').length;
  const detail = unchanged > 0 ? ` (${result.decks.length - unchanged} written, ${unchanged} unchanged)` : '';
  console.log(`${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} built in ${ms} ms${detail}`);
}

/** Rebuilds a released deck from its input snapshot into the output folder (guarded like any build). */
async function buildFromRelease(spec: string, options: BuildOptions): Promise<BuildResult> {
  const outDir = outputDir(options);
  const checkout = await checkoutRelease(releaseFolder(spec, outDir));
  const { deckId, version } = checkout.record;
  try {
    if (!checkout.hashMatches) {
      console.error(
        `trappa: warning: the snapshot of ${deckId} v${version} does not hash as recorded (released with Trappa ` +
          `${checkout.record.trappaVersion}); the build is still guarded`,
      );
    }
    const result = await buildDecks({
      ...options,
      root: checkout.root,
      dataDir: undefined,
      templatesDir: undefined,
      outDir,
      decks: [deckId],
    });
    const built = result.decks[0];
    if (built && built.version !== version)
      throw new TrappaError(
        `the snapshot of ${deckId} v${version} builds version ${built.version}; it was changed by hand`,
      );
    return result;
  } finally {
    await checkout.cleanup();
  }
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build decks (all of them unless --deck is given)')
    .option('-d, --deck <id...>', 'deck id(s) to build')
    .option('-a, --all', 'build every deck in data/decks (the default)')
    .option('-w, --watch', 'rebuild whenever data/, templates/ or assets/ change (Ctrl+C to stop)')
    .option('--pdf', 'also write an accessible PDF beside each deck (PDF/A-2b, PDF/UA-1; needs LibreOffice)')
    .option('--overwrite-released', 'replace a released or sent version with different content')
    .option(
      '--from-release <deck@version>',
      'rebuild a released deck from its input snapshot: storledermote@0.2, or a release folder',
    )
    .action(async (flags: BuildFlags, cmd: Command) => {
      const options: BuildOptions = {
        ...projectOptions(cmd),
        addSentChanges,
        decks: flags.all ? [] : flags.deck,
        overwriteReleased: flags.overwriteReleased,
        pdf: flags.pdf,
      };
      if (flags.fromRelease && (flags.watch || flags.deck))
        throw new TrappaError('--from-release builds one released deck; leave out --watch and --deck');
      if (flags.watch) {
        // Loaded only for --watch: chokidar is not needed by a one-off build.
        const [{ reportError }, { watchBuild }] = await Promise.all([
          import('./report-error.js'),
          import('./watch.js'),
        ]);
        await watchBuild({
          build: options,
          onBuilt: printBuild,
          onError: reportError,
          log: (line) => console.log(line),
        });
        return;
      }
      const started = performance.now();
      const result = flags.fromRelease ? await buildFromRelease(flags.fromRelease, options) : await buildDecks(options);
      printBuild(result, Math.round(performance.now() - started));
    });
}
