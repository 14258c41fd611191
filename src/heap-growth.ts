/**
 * How far V8 lets the heap grow past what is live, for a command line run.
 *
 * The old generation: V8's default lets a 1,000-row plan's build hold ~3× its live data in
 * garbage (the finishing stage's passes leave a slide's text behind each time): peak RSS ~335 MB
 * on Node 22. At 25 % it is ~255–265 MB, for a few per cent more CPU (issue #27; 5,000 rows:
 * 1,002 → 654 MB). The flag is read at every collection, so setting it after start works.
 * Since round 14 a build keeps far less alive (pptxgenjs's ropes flattened at once, the layout's
 * wraps let go): 1,000 rows peaked at 184–210 MB at 25 %, and 50 % buys back ~7–10 % of CPU
 * (load 13–19, 4 interleaved pairs: Node 24 median 2.59 → 2.34 s, Node 22 3.20 → 2.98 s) for
 * 201–215 MB; 5,000 rows 394–396 → 436–440 MB. The Studio keeps 25 %: its peak on a 2 MB
 * strategy is the one near its bound (issue #25: 300 MB on Node 24), and the flag is the whole
 * process's, its layout worker's included.
 *
 * The young generation: Node 24's V8 lets it grow four times as far as Node 22's (its new space
 * reached 64–128 MB against 32), and a 1,000-row build peaked at 400–440 MB on Node 24 against
 * ~270 on Node 22. Its largest size is a start-up flag (--max-semi-space-size), which set later
 * is not read, and restarting the process for it would cost every command a Node start. What
 * V8 does read each time it grows the new space is the growth factor: once the new space has
 * reached the cap, growth is switched off. V8 reports each collection to a PerformanceObserver
 * after it, when the event loop next turns, so in a long synchronous stage the cap can be passed
 * by a step; and by the time the CLI's modules are loaded, Node 24's is at 16 MB already, which
 * V8 does not give back. Measured through dist/cli.js (load 19–23): 1,000 rows peak at 245–247 MB
 * on Node 22 (was 270–294) and 262–263 on Node 24 (was 403–462), for ~3 % and ~15 % more CPU;
 * 5,000 rows at 625 and 674 MB (were 644 and 754). A watch session rebuilds small decks again and again in one
 * process: there a smaller young generation means more collections per rebuild (Node 22, watch
 * rebuild p50 ~10 % more CPU at 16 MB), so it keeps Node 22's own largest size, 32 MB. The
 * Studio does not: its request thread only answers requests, and its layouts run in a worker with
 * a young generation of its own (studio-thread.ts). At 32 MB that thread's young generation grew
 * to 32 MB early on Node 24 (a 2 MB strategy's first load), 16 MB more of the studio's peak for no work.
 *
 * A check cannot run inside one synchronous call: a project's first build parses its strategy in
 * one call to yaml (~0.5 s for 1,000 rows, 355 KB), and that parse took the new space from 8 MB
 * (where loading the CLI's bundle leaves it on Node 22 and 24) to 32 (Node 22) or 64 (Node 24)
 * before any check; after it, layout and finishing a first build's slides doubled it past the cap
 * within one stage too (peak RSS 255–295 MB, issue #27). So before such a parse the young
 * generation stops where it is, for the rest of the command (holdYoungGeneration). Measured through
 * dist/cli.js in round 17 (load 10–12, 6 runs each, with the kept YAML's form and the stores'
 * writes of the same round): a first 1,000-row build peaks at 204–213 MB on Node 22 (was 256–268)
 * and 202–215 on Node 24 (was 285–290), for 3–9 % less CPU (minima); 5,000 rows at 397 and 389 MB
 * (were 505 and 652, one run each). A whole build at 8 MB (the cap
 * set to 8) would do as well there, but costs a rebuild of 1,000 rows ~5 % more CPU on Node 24
 * (more scavenges), so a build that parses no large text keeps the 16 MB cap.
 * Node 22 and 24 both know these flags; an unknown flag would only print a warning.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

/** The new space (both semi-spaces) at which it stops growing, MB: for one build, and for a long-running command. */
const YOUNG_GENERATION_MB = 16;
const LONG_RUNNING_YOUNG_GENERATION_MB = 32;

/** `build --watch`, `preview --watch` (not `studio`): told from the command line before the CLI parses it (tuning only). */
const longRunning = (argv: readonly string[]): boolean =>
  !argv.includes('studio') && argv.some((arg) => arg === '--watch' || arg === '-w');

/** Old-generation growth past what is live, per cent: for the Studio, and for every other command. */
const STUDIO_HEAP_GROWING_PERCENT = 25;
const HEAP_GROWING_PERCENT = 50;

export function growHeapSlowly(argv: readonly string[] = process.argv): void {
  v8.setFlagsFromString(heapGrowingFlag(argv));
  const watching = longRunning(argv.slice(2));
  const mb = watching ? LONG_RUNNING_YOUNG_GENERATION_MB : YOUNG_GENERATION_MB;
  holdable = !watching;
  stopYoungGenerationAt(mb * 2 ** 20);
}

const heapGrowingFlag = (argv: readonly string[]): string =>
  `--heap-growing-percent=${argv.slice(2).includes('studio') ? STUDIO_HEAP_GROWING_PERCENT : HEAP_GROWING_PERCENT}`;

/**
 * The flags as growHeapSlowly sets them at once, before the young generation is capped: dist/cli.js
 * calls growHeapSlowly before it compiles the bundle (reading 4 MB of source and V8's cache of it
 * grew Node 24's young generation past the cap before the bundle could set it: 1,000 rows peaked
 * at 270–335 MB instead of ~200), so its code cache is made at exit under these (V8 takes a cache
 * only under the flags it was made under).
 */
export function heapFlagsAsAtStart(argv: readonly string[] = process.argv): void {
  v8.setFlagsFromString(heapGrowingFlag(argv));
  v8.setFlagsFromString('--semi-space-growth-factor=2');
}

/**
 * The flags above back at V8's own values. A V8 code cache carries the flags it was made under,
 * and V8 takes it only under the same ones: dist/cli.js makes its cache at exit
 * (scripts/cli-entry.mjs), for a next run that starts at these values.
 */
export function restoreHeapDefaults(): void {
  v8.setFlagsFromString('--heap-growing-percent=0');
  v8.setFlagsFromString('--semi-space-growth-factor=2');
}

/** The cap growHeapSlowly set and not yet reached, in bytes; undefined when none is to be watched. */
let youngGenerationCap: number | undefined;

/**
 * Whether holdYoungGeneration may stop the growth: in one command, not in a long-running one.
 * `preview --fast --watch` loads its project through the kept YAML on every change: held there,
 * V8 shrank the new space to 1–2 MB between redraws and it never grew back (1,000 rows: 19–38 %
 * more CPU per redraw than at the 32 MB cap).
 */
let holdable = false;

const newSpace = (): number =>
  v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/** Stops the young generation's growth once it has reached the cap; true when it is stopped (or none is set). */
export function keepYoungGenerationCapped(): boolean {
  if (youngGenerationCap === undefined) return true;
  if (newSpace() < youngGenerationCap) return false;
  holdYoungGeneration();
  return true;
}

/**
 * Stops the young generation's growth where it is, for the rest of the process: before a call no
 * check can interrupt that would grow it past the cap (see above). Nothing when no cap is set (a
 * library use, a test in its own process), growth is stopped already, or the command runs until
 * stopped (`holdable`).
 */
export function holdYoungGeneration(): void {
  if (youngGenerationCap === undefined || !holdable) return;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  youngGenerationCap = undefined;
}

/**
 * V8 reports collections to a PerformanceObserver only when the event loop turns, and a build is
 * synchronous from stage to stage (since round 16 the CLI is one script: no module is imported
 * on the way, which had turned it): the build's stages call keepYoungGenerationCapped too
 * (build-deck.ts), or Node 24's young generation grew to 128 MB (1,000 rows: 330 MB).
 */
function stopYoungGenerationAt(bytes: number): void {
  youngGenerationCap = bytes;
  // Loading the CLI's modules may have grown it that far already (Node 24: 16 MB).
  if (keepYoungGenerationCapped()) return;
  const observer = new PerformanceObserver(() => {
    if (keepYoungGenerationCapped()) observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
