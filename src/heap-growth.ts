/**
 * How far V8 lets the heap grow past what is live before it collects the old generation.
 * Its default lets a 1,000-row plan's build hold ~3× its live data in garbage (the finishing
 * stage's passes leave a slide's text behind each time): peak RSS 337 MB on Node 22. At 25 %
 * it is 248 MB, for about the same CPU time (issue #27, `npm run bench`). The flag is read at
 * every collection, so setting it after start works (unlike the young generation's size).
 * Node 22 and 24 both know it; an unknown flag would only print a warning.
 */
import v8 from 'node:v8';

export function growHeapSlowly(): void {
  v8.setFlagsFromString('--heap-growing-percent=25');
}
