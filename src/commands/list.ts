/** `trappa list`: the decks, their audiences and meetings, and what was last built of each. */
import type { Command } from 'commander';
import { loadProject } from '../data/load-project.js';
import { compareVersions, listEntries, readManifest, type ManifestEntry } from '../versions/manifest.js';
import { InputError } from '../errors.js';
import { type Messages, messagesIn } from '../messages/catalogue.js';
import { outputDir, projectOptions } from './shared.js';

interface DeckListRow {
  deckId: string;
  audience: string;
  meeting?: { name: string; date: string };
  /** The highest version of the deck in the manifest. */
  lastBuilt?: ManifestEntry;
}

export interface DeckList {
  strategy: { name: string; version: string; date: string };
  decks: DeckListRow[];
}

async function listDecks(options: ReturnType<typeof projectOptions>): Promise<DeckList> {
  const loaded = await loadProject(options);
  if (!loaded.ok) throw new InputError(loaded.issues);
  const { strategy, decks, root } = loaded.value;
  const entries = listEntries(await readManifest(outputDir(options), root));
  return {
    strategy: { name: strategy.name, version: strategy.version, date: strategy.date },
    decks: decks.map(({ deck }) => ({
      deckId: deck.id,
      audience: deck.audience.name,
      meeting: deck.meeting ? { name: deck.meeting.name, date: deck.meeting.date } : undefined,
      lastBuilt: entries
        .filter((e) => e.deckId === deck.id)
        .sort((a, b) => compareVersions(a.version, b.version))
        .at(-1),
    })),
  };
}

function describeBuilt(entry: ManifestEntry | undefined, current: string, { say }: Messages): string {
  if (!entry) return say('list.notBuilt');
  const released = say('list.released', { date: entry.releasedAt?.slice(0, 10) ?? '' }).trim();
  const states = [entry.status === 'released' ? released : say('list.draft')];
  if (entry.sentAt) states.push(say('list.sent', { date: entry.sentAt.slice(0, 10) }));
  // Frozen before a hand-over whose delivery was never confirmed (all refused, throttled or uncertain).
  else if (entry.frozenAt) states.push(say('list.frozen', { date: entry.frozenAt.slice(0, 10) }));
  const behind = compareVersions(entry.version, current) < 0 ? `  ${say('list.behind', { version: current })}` : '';
  return `v${entry.version} ${states.join(', ')}  ${entry.file}${behind}`;
}

/** The table `trappa list` prints: one line per deck, columns padded to fit. */
export function formatDeckList(list: DeckList, messages: Messages = messagesIn('en')): string[] {
  const { strategy } = list;
  const { say } = messages;
  const header = [say('list.deck'), say('list.audience'), say('list.meeting'), say('list.lastBuilt')];
  const rows = list.decks.map((d) => [
    d.deckId,
    d.audience,
    d.meeting ? `${d.meeting.name} ${d.meeting.date}` : '–',
    describeBuilt(d.lastBuilt, strategy.version, messages),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [say('list.strategy', strategy), '', line(header), ...rows.map(line)];
}

export function registerList(program: Command, messages: Messages): void {
  program
    .command('list')
    .description(messages.say('list.desc'))
    .option('--json', messages.say('list.json'))
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const list = await listDecks(projectOptions(cmd));
      if (flags.json) console.log(JSON.stringify(list, null, 2));
      else for (const l of formatDeckList(list, messages)) console.log(l);
    });
}
