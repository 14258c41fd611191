/**
 * In-process rebuilds, what watch mode pays after the first build: the code is loaded and
 * compiled, the fonts are parsed, the image cache is warm. Uses build-deck.ts directly.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { buildDecks, renderDeck } from '../../src/build-deck.js';
import { resolveDeck } from '../../src/deck/resolve-deck.js';
import { summarizeProfile, type ProfileSummary } from './profile.js';
import { stats, type Stats } from './run.js';
import { loadOrThrow, STAGES, timeStages, type Stage } from './stages.js';

export interface WarmResult {
  deckId: string;
  /** `buildDecks({ decks: [id], dryRun: true })`: reload + validate + render, as after a file change. */
  rebuild: Stats;
  /** `renderDeck` with the project already loaded. */
  render: Stats;
  /** `buildDecks({ dryRun: true })` of every deck. */
  rebuildAll: Stats;
  /** Median per stage of one deck's rebuild. */
  stages: Record<'load' | Stage, number>;
  /** The process's peak RSS after all of it, MiB. */
  maxRssMB: number;
}

async function repeat(times: number, warmup: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function measureWarm(root: string, deckId: string, runs: number): Promise<WarmResult> {
  const rebuild = await repeat(runs, 3, () => buildDecks({ root, decks: [deckId], dryRun: true }));
  const project = await loadOrThrow(root);
  const source = project.decks.find((d) => d.deck.id === deckId);
  if (!source) throw new Error(`no deck ${deckId}`);
  const render = await repeat(runs, 3, () => renderDeck(project, resolveDeck(project, source)));
  const rebuildAll = await repeat(runs, 1, () => buildDecks({ root, dryRun: true }));

  const perStage = Object.fromEntries(['load', ...STAGES].map((k) => [k, [] as number[]])) as Record<'load' | Stage, number[]>;
  for (let i = 0; i < runs; i++) {
    const t = await timeStages(root, [deckId]);
    perStage.load.push(t.load);
    for (const s of STAGES) perStage[s].push(t.decks[0]![s]);
  }
  const stages = Object.fromEntries(Object.entries(perStage).map(([k, v]) => [k, stats(v).median])) as Record<'load' | Stage, number>;
  return {
    deckId,
    rebuild: stats(rebuild),
    render: stats(render),
    rebuildAll: stats(rebuildAll),
    stages,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** CPU profile of `runs` warm rebuilds of one deck, through the inspector (no second process). */
export async function profileWarm(root: string, deckId: string, runs: number, file: string): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    for (let i = 0; i < runs; i++) await buildDecks({ root, decks: [deckId], dryRun: true });
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return summarizeProfile(profile as Parameters<typeof summarizeProfile>[0], undefined, 20);
  } finally {
    session.disconnect();
  }
}
