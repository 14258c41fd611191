/**
 * Bundled by scripts/build-dist.mjs exactly like dist/cli.js and run in a fresh process:
 * where a cold build's time goes, stage by stage, with nothing warmed up. Prints JSON.
 *
 *   node output/bench/probe/cli.js <project root>
 */
import { performance } from 'node:perf_hooks';
import { peakRssMB } from './peak-rss.js';
import { timeStages } from './stages.js';

// The static imports above have been loaded and evaluated by now; performance.now() counts from process start.
const bodyStart = performance.now();
const bootstrap = performance.nodeTiming.bootstrapComplete;
const root = process.argv[2] ?? process.cwd();
// No top-level await: the bundle is a CommonJS script (scripts/build-dist.mjs).
void timeStages(root).then((stages) =>
  process.stdout.write(
    `${JSON.stringify({
      /** Node's own start-up, ms. */
      boot: bootstrap,
      /** Reading, compiling and evaluating the bundle (cli.js + its static chunks), ms. */
      modules: bodyStart - bootstrap,
      ...stages,
      maxRssMB: peakRssMB(),
    })}\n`,
  ),
);
