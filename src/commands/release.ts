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
import type { Messages } from '../messages/catalogue.js';
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

export function registerRelease(program: Command, { say }: Messages): void {
  program
    .command('release')
    .description(say('release.desc'))
    .option('-d, --deck <id...>', say('release.deck'))
    .option('-a, --all', say('release.all'))
    .action(async (flags: { deck?: string[]; all?: boolean }, cmd: Command) => {
      const released = await releaseDecks({ ...projectOptions(cmd), decks: flags.all ? [] : flags.deck });
      for (const { deck, entry, newly, snapshot } of released) {
        const file = path.relative(process.cwd(), deck.file);
        const when = entry.releasedAt?.slice(0, 10) ?? '?';
        const sha = entry.sha256.slice(0, 12);
        const shown = { deck: deck.deckId.padEnd(18), version: deck.version, file };
        if (newly) {
          const inputs = path.relative(process.cwd(), snapshot);
          console.log(say('release.new', { ...shown, sha, inputs }));
        } else console.log(say('release.already', { ...shown, when }));
      }
      console.log(say('release.summary', { n: released.filter((r) => r.newly).length }));
    });
}
