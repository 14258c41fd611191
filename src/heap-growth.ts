/**
 * How far V8 lets the heap grow past what is live, for a command line run.
 *
 * The old generation: V8's default lets a 1,000-row plan's build hold ~3× its live data in
 * garbage (the finishing stage's passes leave a slide's text behind each time): peak RSS ~335 MB
 * on Node 22. At 25 % it is ~255–265 MB, for a few per cent more CPU (issue #27; 5,000 rows:
 * 1,002 → 654 MB). The flag is read at every collection, so setting it after start works.
 *
 * The young generation: Node 24's V8 lets it grow four times as far as Node 22's (its new space
 * reached 64–128 MB against 32), and a 1,000-row build peaked at 400–440 MB on Node 24 against
 * ~270 on Node 22. Its largest size is a start-up flag (--max-semi-space-size), which set later
 * is not read, and restarting the process for it would cost every command a Node start. What
 * V8 does read each time it grows the new space is the growth factor: once the new space has
 * reached YOUNG_GENERATION_MB, growth is switched off. V8 reports each collection to a
 * PerformanceObserver after it, when the event loop next turns, so in a long synchronous stage
 * the cap can be passed by a step; measured, 1,000 rows peak at ~240–255 MB on Node 22 and 24.
 * Node 22 and 24 both know both flags; an unknown flag would only print a warning.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

/** The new space (both semi-spaces) at which it stops growing: Node 22's own largest was 32 MB. */
const YOUNG_GENERATION_MB = 16;

export function growHeapSlowly(): void {
  v8.setFlagsFromString('--heap-growing-percent=25');
  stopYoungGenerationAt(YOUNG_GENERATION_MB * 2 ** 20);
}

function stopYoungGenerationAt(bytes: number): void {
  const newSpace = (): number =>
    v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
  const observer = new PerformanceObserver(() => {
    if (newSpace() < bytes) return;
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
