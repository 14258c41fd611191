/** `trappa build`: build decks from data/ into output/, once, from a release snapshot, or on every change (--watch). */
import path from 'node:path';
import { withFieldLabel } from '../messages/field-labels.js';
import type { Command } from 'commander';
import { addSentChanges } from '../diff/sent-changes.js';
import { buildDecks, type BuildOptions, type BuildResult } from '../build-deck.js';
import { checkoutRelease, releaseFolder } from '../versions/snapshots.js';
import { formatIssue, TrappaError } from '../errors.js';
import { translateIssues, translateText } from '../messages/issue-text.js';
import type { Messages } from '../messages/catalogue.js';
import { kilobytes, outputDir, projectOptions } from './shared.js';

interface BuildFlags {
  deck?: string[];
  all?: boolean;
  watch?: boolean;
  overwriteReleased?: boolean;
  fromRelease?: string;
  pdf?: boolean;
}

/** One line per deck, then a summary: what `build --all` shows, in the reader's language. */
const printBuild =
  ({ say, lang }: Messages) =>
  (result: BuildResult, ms: number): void => {
    const warn = (text: string): void => console.error(say('cli.warning', { text }));
    for (const notice of translateIssues(result.project.notices, lang)) warn(formatIssue(withFieldLabel(notice, lang)));
    // Each warning once, however many decks it concerns (a template's font is every deck's).
    for (const note of new Set(result.decks.flatMap((d) => d.notes ?? []))) warn(translateText(note, lang));
    for (const deck of result.decks) {
      const rel = path.relative(process.cwd(), deck.file);
      const what =
        deck.saved === 'unchanged'
          ? say('build.unchanged')
          : say('build.size', { slides: deck.slideCount, size: kilobytes(deck.bytes.length) });
      console.log(`${deck.saved === 'unchanged' ? '=' : '✓'} ${deck.deckId.padEnd(18)} ${rel}  (${what})`);
      if (deck.pdf)
        console.log(
          `  ${path.relative(process.cwd(), deck.pdf)}  (${say('build.pdfChecked', { kind: deck.pdfDeclares ?? 'PDF' })})`,
        );
    }
    const unchanged = result.decks.filter((d) => d.saved === 'unchanged').length;
    const written = result.decks.length - unchanged;
    const detail = unchanged > 0 ? say('build.detail', { written, unchanged }) : '';
    console.log(say('build.summary', { n: result.decks.length, ms, detail }));
  };

/** Rebuilds a released deck from its input snapshot into the output folder (guarded like any build). */
async function buildFromRelease(spec: string, options: BuildOptions, { say }: Messages): Promise<BuildResult> {
  const outDir = outputDir(options);
  const checkout = await checkoutRelease(releaseFolder(spec, outDir));
  const { deckId, version } = checkout.record;
  try {
    if (!checkout.hashMatches) {
      const trappa = checkout.record.trappaVersion;
      console.error(say('cli.warning', { text: say('build.snapshotHash', { deck: deckId, version, trappa }) }));
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
      throw new TrappaError(say('build.snapshotChanged', { deck: deckId, version, built: built.version }));
    return result;
  } finally {
    await checkout.cleanup();
  }
}

export function registerBuild(program: Command, messages: Messages): void {
  const { say } = messages;
  program
    .command('build')
    .description(say('build.desc'))
    .option('-d, --deck <id...>', say('build.deck'))
    .option('-a, --all', say('build.all'))
    .option('-w, --watch', say('build.watch'))
    .option('--pdf', say('build.pdf'))
    .option('--overwrite-released', say('build.overwrite'))
    .option(`--from-release <${say('arg.deckAtVersion')}>`, say('build.fromRelease'))
    .action(async (flags: BuildFlags, cmd: Command) => {
      const options: BuildOptions = {
        ...projectOptions(cmd),
        addSentChanges,
        decks: flags.all ? [] : flags.deck,
        overwriteReleased: flags.overwriteReleased,
        pdf: flags.pdf,
      };
      if (flags.fromRelease && (flags.watch || flags.deck)) throw new TrappaError(say('build.fromReleaseAlone'));
      if (flags.watch) {
        // Loaded only for --watch: chokidar is not needed by a one-off build.
        const [{ reportError }, { watchBuild }] = await Promise.all([
          import('./report-error.js'),
          import('./watch.js'),
        ]);
        await watchBuild({
          build: options,
          onBuilt: printBuild(messages),
          onError: (error) => reportError(error, messages),
          messages,
          log: (line) => console.log(line),
        });
        return;
      }
      const started = performance.now();
      const result = flags.fromRelease
        ? await buildFromRelease(flags.fromRelease, options, messages)
        : await buildDecks(options);
      printBuild(messages)(result, Math.round(performance.now() - started));
    });
}
