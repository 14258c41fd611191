/**
 * How far V8 lets the heap grow past what is live before it collects the old generation.
 * Its default lets a 1,000-row plan's build hold ~3× its live data in garbage (the finishing
 * stage's passes leave a slide's text behind each time): peak RSS ~335 MB on Node 22. At 25 %
 * it is ~255–265 MB, for a few per cent more CPU (issue #27; 5,000 rows: 1,002 → 654 MB). The flag is read at
 * every collection, so setting it after start works (unlike the young generation's size).
 * Node 22 and 24 both know it; an unknown flag would only print a warning.
 */
import v8 from 'node:v8';

export function growHeapSlowly(): void {
  v8.setFlagsFromString('--heap-growing-percent=25');
}
