/**
 * In-process rebuilds, what watch mode pays after the first build: the code is loaded and
 * compiled, the fonts are parsed, the image cache is warm. Uses build-deck.ts directly.
 * Runs on its own too, printing only these tables:
 *
 *   npx tsx scripts/bench/warm.ts [--runs 20] [--deck strategi]
 */
import { Session } from 'node:inspector/promises';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { buildDecks, renderDeck, type BuildOptions, type BuildResult } from '../../src/build-deck.js';
import { loadProject } from '../../src/data/load-project.js';
import { keptBetweenBuilds } from '../../src/commands/watch.js';
import { resolveDeck } from '../../src/plan/resolve-deck.js';
import { peakRssMB } from './peak-rss.js';
import { summarizeProfile, type ProfileSummary } from './profile.js';
import { ms, renderTable, spread } from './report.js';
import { stats, type Stats } from './run.js';
import { loadOrThrow, STAGES, timeStages, type Stage } from './stages.js';
import { copyProjectToTemp } from '../../test/helpers/project-copy.js';

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
  /** What `build --watch` does after one deck file changed, saving included: see {@link measureWatch}. */
  watch: WatchRebuild;
  /** The process's peak RSS after all of it, MiB. */
  maxRssMB: number;
}

export interface WatchRebuild {
  /** Load with the parse cache (only the changed file parsed), render (unchanged slides not laid out again) and save that deck: watch mode now. */
  oneDeckCached: Stats;
  /** Of which loading the project with the cache. */
  loadCached: Stats;
  /** The same deck without the cache: every file parsed and validated again. */
  oneDeckUncached: Stats;
  /** Watch mode before: reload everything, render and save every deck. */
  allDecksUncached: Stats;
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

  const perStage = Object.fromEntries(['load', ...STAGES].map((k) => [k, [] as number[]])) as Record<
    'load' | Stage,
    number[]
  >;
  for (let i = 0; i < runs; i++) {
    const t = await timeStages(root, [deckId]);
    perStage.load.push(t.load);
    for (const s of STAGES) perStage[s].push(t.decks[0]![s]);
  }
  const stages = Object.fromEntries(Object.entries(perStage).map(([k, v]) => [k, stats(v).median])) as Record<
    'load' | Stage,
    number
  >;
  return {
    deckId,
    rebuild: stats(rebuild),
    render: stats(render),
    rebuildAll: stats(rebuildAll),
    stages,
    watch: await measureWatch(root, deckId, runs),
    maxRssMB: peakRssMB(),
  };
}

/**
 * Watch-style rebuilds on a copy of the project (they save, so not in the repository's
 * output/): before each run the deck's file changes (its audience name, which is in the
 * .pptx properties, so the deck is written), then the rebuild runs as `watchBuild` calls it.
 * The "before" variants run the same way without the cache, and for every deck as watch
 * mode used to.
 */
export async function measureWatch(root: string, deckId: string, runs: number): Promise<WatchRebuild> {
  const copy = copyProjectToTemp(root, 'trappa-bench-');
  try {
    const source = (await loadOrThrow(copy)).decks.find((d) => d.deck.id === deckId);
    if (!source) throw new Error(`no deck ${deckId}`);
    const deckFile = path.resolve(copy, source.source.file);
    const doc = parseDocument(readFileSync(deckFile, 'utf8'));
    const name = String(doc.getIn(['audience', 'name']));
    let edits = 0;
    const edit = (): void => {
      doc.setIn(['audience', 'name'], `${name} ${++edits}`);
      writeFileSync(deckFile, doc.toString());
    };
    const only: BuildOptions['only'] = (d) => path.resolve(copy, d.source.file) === deckFile;
    const kept = keptBetweenBuilds();
    const { cache } = kept;
    const variants = {
      oneDeckCached: () => buildDecks({ root: copy, ...kept, only }),
      loadCached: () => loadProject({ root: copy }, { cache }),
      oneDeckUncached: () => buildDecks({ root: copy, only }),
      allDecksUncached: () => buildDecks({ root: copy }),
    };
    // Interleaved, so the JIT and the garbage collector treat the variants alike.
    const times = Object.fromEntries(Object.keys(variants).map((k) => [k, [] as number[]])) as Record<
      keyof WatchRebuild,
      number[]
    >;
    for (let i = -3; i < runs; i++) {
      for (const [key, run] of Object.entries(variants) as [keyof WatchRebuild, () => Promise<unknown>][]) {
        edit();
        const t = performance.now();
        const result = await run();
        if (i >= 0) times[key].push(performance.now() - t);
        // Every rebuild must save the deck, or the row would measure a build that skips writing.
        if (key !== 'loadCached' && !(result as BuildResult).decks.some((d) => d.saved === 'written')) {
          throw new Error('the benchmark edit did not change the deck');
        }
      }
    }
    return {
      oneDeckCached: stats(times.oneDeckCached),
      loadCached: stats(times.loadCached),
      oneDeckUncached: stats(times.oneDeckUncached),
      allDecksUncached: stats(times.allDecksUncached),
    };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
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

/** The warm tables on their own, watch-style rebuilds first. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '20' }, deck: { type: 'string', default: 'strategi' } },
  });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const w = await measureWarm(root, values.deck, Math.max(5, Number(values.runs)));
  const tables = [
    {
      title: `Warm: in-process, deck "${w.deckId}", median ±MAD (min–max) of ${w.rebuild.n}`,
      headers: ['what', 'time'],
      rows: [
        [
          'watch-style rebuild of one changed deck file (load with cache + render + save)',
          spread(w.watch.oneDeckCached, 1),
        ],
        ['  of which: load with cache', spread(w.watch.loadCached, 1)],
        ['watch-style, one deck, no cache (load + render + save)', spread(w.watch.oneDeckUncached, 1)],
        ['watch before: every deck, no cache (load + render + save all)', spread(w.watch.allDecksUncached, 1)],
        ['rebuild one deck (load + validate + render, no save)', spread(w.rebuild, 1)],
        ['render one deck (project loaded)', spread(w.render, 1)],
        ['rebuild all decks (no save)', spread(w.rebuildAll, 1)],
      ],
    },
    {
      title: 'Warm: one deck by stage (median)',
      headers: ['load', ...STAGES],
      rows: [[ms(w.stages.load, 1), ...STAGES.map((s) => ms(w.stages[s], 1))]],
    },
  ];
  process.stdout.write(tables.map(renderTable).join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
