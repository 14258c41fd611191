/**
 * How cost grows with the content: synthetic strategies of N plan rows and N target groups,
 * built cold by the CLI (time, CPU, peak RSS, file size, slides) and in-process stage by
 * stage, next to pandoc on the same content.
 */
import { EDIT_ONE_SENTENCE } from './edit-sentence.js';
import { cpSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strategyToMarkdown } from './markdown.js';
import { runInterleaved, sampleStats, stats, type Command, type SampleStats } from './run.js';
import { STAGES, timeStages, type Stage } from './stages.js';
import { writeSyntheticProject } from './synthetic.js';

export interface ScalePoint {
  n: number;
  slides: number;
  bytes: number;
  trappa: SampleStats;
  /** In-process, warm: median per stage and in total, ms. */
  inProcess: Record<'load' | Stage | 'total', number>;
  pandoc?: SampleStats & { bytes: number };
  /** The same cold build on Node 24 (bench --node24), when given. */
  trappa24?: SampleStats;
}

export interface ScaleOptions {
  root: string;
  sizes: number[];
  runs: number;
  /** `node …/cli.js` arguments before `build`, e.g. the launcher's path. */
  trappaArgs: string[];
  pandoc?: string;
  /** A Node 24 binary: the cold build runs on it too. */
  node24?: string;
}

export async function measureScale(options: ScaleOptions): Promise<ScalePoint[]> {
  const points: ScalePoint[] = [];
  for (const n of options.sizes) {
    const dir = path.join(tmpdir(), `trappa-bench-scale-${n}`);
    const project = await writeSyntheticProject(options.root, dir, n);
    const markdown = path.join(dir, 'deck.md');
    const pandocOut = path.join(dir, 'pandoc.pptx');
    writeFileSync(markdown, strategyToMarkdown(project.strategy, project.slides));

    // One sentence edited before each run (bench/edit-sentence.ts): the deck is built, not reused
    // from .cache/decks, which would make the figure a file copy's. GNU time counts sh and perl (~5 ms).
    // Each Node in a copy of its own: the stores of Trappa's work in .cache (finished slides, the
    // check's readings, kept decks) name the build and V8 that made them, so two Nodes taking turns in
    // one project each found the other's stores and built every slide again (the bench's 1,000-row
    // rows were 0.5 s of CPU above a user's, who runs one Node).
    const edited = (name: string, node: string, project = dir): Command => ({
      name,
      command: '/bin/sh',
      args: [
        '-c',
        `${EDIT_ONE_SENTENCE} && exec "$0" "$@"`,
        node,
        ...options.trappaArgs,
        '--root',
        project,
        'build',
        '--all',
      ],
      cwd: project,
    });
    const trappa = edited('trappa', process.execPath);
    const pandoc: Command | undefined = options.pandoc
      ? { name: 'pandoc', command: options.pandoc, args: [markdown, '-o', pandocOut], cwd: dir }
      : undefined;
    const dir24 = `${dir}-node24`;
    if (options.node24) {
      rmSync(dir24, { recursive: true, force: true });
      cpSync(dir, dir24, { recursive: true });
    }
    const trappa24: Command | undefined = options.node24 ? edited('trappa24', options.node24, dir24) : undefined;
    const commands = [trappa, ...(trappa24 ? [trappa24] : []), ...(pandoc ? [pandoc] : [])];
    // One unmeasured round: fills the project's image cache and the OS file cache.
    const samples = runInterleaved(commands, options.runs, 1);

    const perStage = Object.fromEntries(['load', ...STAGES, 'total'].map((k) => [k, [] as number[]])) as Record<
      'load' | Stage | 'total',
      number[]
    >;
    let slides = 0;
    let bytes = 0;
    const inProcessRuns = Math.max(3, Math.min(options.runs, n >= 1000 ? 3 : 10));
    await timeStages(dir); // warm-up
    for (let i = 0; i < inProcessRuns; i++) {
      const t = await timeStages(dir);
      const deck = t.decks[0]!;
      perStage.load.push(t.load);
      for (const s of STAGES) perStage[s].push(deck[s]);
      perStage.total.push(t.total);
      slides = deck.slides;
      bytes = deck.bytes;
    }
    points.push({
      n,
      slides,
      bytes,
      trappa: sampleStats(samples.get('trappa')!),
      inProcess: Object.fromEntries(
        Object.entries(perStage).map(([k, v]) => [k, stats(v).median]),
      ) as ScalePoint['inProcess'],
      pandoc: pandoc ? { ...sampleStats(samples.get('pandoc')!), bytes: statSync(pandocOut).size } : undefined,
      trappa24: trappa24 ? sampleStats(samples.get('trappa24')!) : undefined,
    });
    rmSync(dir, { recursive: true, force: true });
  }
  return points;
}
