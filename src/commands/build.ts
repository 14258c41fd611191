/** `trappa build`: build decks from data/ into output/. */
import path from 'node:path';
import type { Command } from 'commander';
import { buildDecks } from '../build-deck.js';
import { kilobytes, projectOptions } from './shared.js';

interface BuildFlags {
  deck?: string[];
  all?: boolean;
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build decks (all of them unless --deck is given)')
    .option('-d, --deck <id...>', 'deck id(s) to build')
    .option('-a, --all', 'build every deck in data/decks (the default)')
    .action(async (flags: BuildFlags, cmd: Command) => {
      const started = performance.now();
      const result = await buildDecks({ ...projectOptions(cmd), decks: flags.all ? [] : flags.deck });
      for (const deck of result.decks) {
        const rel = path.relative(process.cwd(), deck.file);
        console.log(`✓ ${deck.deckId.padEnd(18)} ${rel}  (${deck.slideCount} slides, ${kilobytes(deck.bytes.length)})`);
      }
      const ms = Math.round(performance.now() - started);
      console.log(`${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} built in ${ms} ms`);
    });
}
