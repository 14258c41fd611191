/**
 * `trappa release`: freezes the current version of the decks. Each deck is built first
 * (guarded as usual), its inputs are copied to output/releases/<deck>-v<version>/, and the
 * manifest marks it released. From then on that version is never replaced by different content.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { addSentChanges } from '../diff/sent-changes.js';
import { buildDecks, type BuildOptions, type BuiltDeck } from '../build-deck.js';
import type { ManifestEntry } from '../versions/manifest.js';
import { projectOptions } from './shared.js';

export interface Released {
  deck: BuiltDeck;
  entry: ManifestEntry;
  /** False when the version was already released (nothing changed). */
  newly: boolean;
  snapshot: string;
}

/**
 * Builds the selected decks and marks them released, in the same locked step that saves
 * them (versions/save-decks.ts): no other build can slip in between.
 */
export async function releaseDecks(options: BuildOptions, now = new Date()): Promise<Released[]> {
  const { decks } = await buildDecks({ addSentChanges, ...options, releaseAt: now });
  return decks.map((deck) => {
    const record = deck.record!;
    return { deck, entry: record.entry, newly: record.released === 'newly', snapshot: record.snapshot! };
  });
}

export function registerRelease(program: Command): void {
  program
    .command('release')
    .description(
      'freeze the current version of the decks (all unless --deck is given): build, keep their inputs, mark them ' +
        'released',
    )
    .option('-d, --deck <id...>', 'deck id(s) to release')
    .option('-a, --all', 'release every deck (the default)')
    .action(async (flags: { deck?: string[]; all?: boolean }, cmd: Command) => {
      const released = await releaseDecks({ ...projectOptions(cmd), decks: flags.all ? [] : flags.deck });
      for (const { deck, entry, newly, snapshot } of released) {
        const file = path.relative(process.cwd(), deck.file);
        const when = entry.releasedAt?.slice(0, 10) ?? '?';
        const sha = entry.sha256.slice(0, 12);
        if (newly) {
          const inputs = path.relative(process.cwd(), snapshot);
          console.log(
            `✓ ${deck.deckId.padEnd(18)} v${deck.version} released  ${file}  sha256 ${sha}…  inputs in ${inputs}`,
          );
        } else console.log(`= ${deck.deckId.padEnd(18)} v${deck.version} was already released on ${when}  ${file}`);
      }
      const count = released.filter((r) => r.newly).length;
      console.log(
        `${count} deck${count === 1 ? '' : 's'} released; rebuild one with: trappa build --from-release ` +
          `<deck>@<version>`,
      );
    });
}
