/**
 * The edit loop in CPU time, in a process of its own (so its peak memory is its own): what
 * the Studio's worker does per keystroke — the edited file read from its kept parse, the
 * project loaded, the slides whose inputs changed laid out and drawn — on the bundled project
 * (all four decks, as an edit of the strategy asks) and on a strategy of about 2 MB (its
 * deck); and a watch rebuild (one deck file edited → loaded with the parse cache, rendered,
 * saved). CPU time (process.cpuUsage, garbage collection included) is what the machine's
 * load does not inflate; the fastest run is the best guide, the median is given beside it.
 *
 *   npx tsx scripts/bench/edit-loop.ts [--edits 20] [--json]
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { buildDecks, type BuildResult } from '../../src/build-deck.js';
import { keptBetweenBuilds } from '../../src/commands/watch.js';
import { liveContext, renderLive } from '../../src/studio/live-render.js';
import { copyProjectToTemp } from '../../test/helpers/project-copy.js';
import { ms, renderTable, type Table } from './report.js';
import { writeSyntheticProject } from './synthetic.js';

interface Series {
  name: string;
  strategyMB: number;
  /** CPU ms per edit. */
  cpu: number[];
  /** Slides laid out per edit (the rest reused). */
  built: number[];
  slides: number;
  /** CPU ms of the first render (nothing kept yet). */
  firstCpu: number;
}

export interface EditLoopResult {
  studio: Series[];
  /** CPU ms per watch rebuild of one edited deck. */
  watchCpu: number[];
  /** Peak RSS of this process, MB (VmHWM): the 2 MB series' work, kept caches included. */
  peakRssMB: number;
  /** The Node it ran on, e.g. `v24.11.1`. */
  node: string;
}

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

/** Typing in the strategy's first profile point, `edits` times, through one studio's caches. */
async function studioSeries(name: string, root: string, decks: string[] | undefined, edits: number): Promise<Series> {
  const abs = path.join(root, 'data', 'strategy.yaml');
  const saved = readFileSync(abs, 'utf8');
  const context = liveContext();
  let t = cpuNow();
  const first = await renderLive({ root }, new Map(), context, { decks });
  const firstCpu = cpuNow() - t;
  const series: Series = {
    name,
    strategyMB: saved.length / 2 ** 20,
    cpu: [],
    built: [],
    slides: first.decks.reduce((n, d) => n + d.slides.length, 0),
    firstCpu,
  };
  // As the page holds them: only slides it does not hold come with their SVG.
  const held = new Set(first.decks.flatMap((d) => d.slides.map((s) => s.hash)));
  const wanted = (hash: string) => !held.has(hash);
  for (let i = 0; i < edits; i++) {
    const typed = `Samarbeidet Benk${i}x skal synes`;
    const built = context.slides.stats.built;
    t = cpuNow();
    // As the page sends it: the field changed since the version it loaded (client/page-changes.ts).
    const edited = new Map([[abs, { saved, changes: [{ path: ['profile', 0], value: typed }] }]]);
    const result = await renderLive({ root }, edited, context, { decks, wanted });
    series.cpu.push(cpuNow() - t);
    series.built.push(context.slides.stats.built - built);
    if (!result.decks.some((d) => d.slides.some((s) => s.svg?.includes(`Benk${i}x`))))
      throw new Error(`${name}: edit ${i} is not on a slide`);
    for (const deck of result.decks) for (const slide of deck.slides) held.add(slide.hash);
  }
  return series;
}

/** `build --watch` after one deck file changed: load with its kept parses and slides (as watch mode does), render and save that deck. */
async function watchSeries(repo: string, runs: number): Promise<number[]> {
  const copy = copyProjectToTemp(repo, 'trappa-bench-watch-');
  try {
    const deckFile = path.join(copy, 'data', 'decks', 'strategi.yaml');
    const doc = parseDocument(readFileSync(deckFile, 'utf8'));
    const name = String(doc.getIn(['audience', 'name']));
    const kept = keptBetweenBuilds();
    const only = (d: { source: { file: string } }) => path.resolve(copy, d.source.file) === deckFile;
    const out: number[] = [];
    for (let i = -3; i < runs; i++) {
      doc.setIn(['audience', 'name'], `${name} ${i + 4}`);
      writeFileSync(deckFile, doc.toString());
      const t = cpuNow();
      const result: BuildResult = await buildDecks({ root: copy, ...kept, only });
      if (i >= 0) out.push(cpuNow() - t);
      if (!result.decks.some((d) => d.saved === 'written')) throw new Error('the watch edit did not change the deck');
    }
    return out;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export async function measureEditLoop(repo: string, edits: number): Promise<EditLoopResult> {
  const bundled = copyProjectToTemp(repo, 'trappa-bench-edit-');
  const large = path.join(os.tmpdir(), `trappa-bench-edit-2mb-${process.pid}`);
  try {
    const watchCpu = await watchSeries(repo, edits);
    const small = await studioSeries('bundled strategy, 4 decks', bundled, undefined, edits);
    const { deckId } = await writeSyntheticProject(repo, large, 5700);
    const big = await studioSeries('2 MB strategy, its deck', large, [deckId], edits);
    const hwm = readFileSync('/proc/self/status', 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return {
      studio: [small, big],
      watchCpu,
      peakRssMB: hwm ? Number(hwm[1]) / 1024 : Number.NaN,
      node: process.version,
    };
  } finally {
    rmSync(bundled, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
}

export function editLoopTable(r: EditLoopResult): Table {
  const row = (what: string, xs: number[], target: string, limit: number, extra = '') => [
    what,
    ms(Math.min(...xs)),
    ms(quantile(xs, 0.5)),
    ms(quantile(xs, 0.9)),
    target,
    quantile(xs, 0.9) < limit ? 'met' : 'MISSED',
    extra,
  ];
  return {
    title: `Edit loop in CPU time on Node ${r.node} (in-process, the Studio worker’s work per keystroke; watch rebuild)`,
    headers: ['measure', 'min', 'p50', 'p90', 'target', '', ''],
    rows: [
      ...r.studio.map((s) =>
        row(
          `studio edit → slides: ${s.name} (${s.strategyMB.toFixed(2)} MB, ${s.slides} slides)`,
          s.cpu,
          s.strategyMB > 1 ? '< 300 ms' : '< 100 ms',
          s.strategyMB > 1 ? 300 : 100,
          `slides laid out per edit: ${quantile(s.built, 0.5)}; first render ${ms(s.firstCpu)}`,
        ),
      ),
      row('watch rebuild: one deck file edited → load (cached), render, save', r.watchCpu, '< 50 ms', 50),
    ],
    notes: [
      `${r.watchCpu.length} edits each (after warm-up); CPU time of this process (user + system, GC included); ` +
        `peak RSS of the process ${r.peakRssMB.toFixed(0)} MB (tsx and the 2 MB strategy's generation included). ` +
        `Shared machine, load average at the end ${os.loadavg()[0]!.toFixed(1)}: CPU time, not wall time.`,
      'The page adds its request (its changes and the hashes of the slides it holds) and drawing: see the chromium tables.',
    ],
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { edits: { type: 'string', default: '20' }, json: { type: 'boolean' } } });
  const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const result = await measureEditLoop(repo, Math.max(5, Number(values.edits)));
  process.stdout.write(values.json ? JSON.stringify(result) : renderTable(editLoopTable(result)));
}
