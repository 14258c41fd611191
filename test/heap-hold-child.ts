/**
 * Child of heap-hold.test.ts: the heap flags as the CLI sets them for the command in argv, then
 * holdYoungGeneration (as parsed-yaml-store.ts calls it before a large parse), then work that
 * grows a young generation free to grow. Prints the new space (MB) before and after, as JSON.
 */
import v8 from 'node:v8';
import { setImmediate as turn } from 'node:timers/promises';
import { growHeapSlowly, holdYoungGeneration } from '../src/heap-growth.js';

const newSpaceMb = (): number =>
  (v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 2 ** 20;

growHeapSlowly(['node', 'trappa', ...process.argv.slice(2)]);
holdYoungGeneration();
const before = newSpaceMb();
let kept: unknown[] = [];
for (let round = 0; round < 40; round++) {
  // A quarter survives a while, as a layout's values do: V8 grows a young generation that may grow.
  for (let i = 0; i < 200_000; i++) {
    const o = { i, s: `x${i}`, a: [i, i + 1] };
    if (i % 4 === 0) kept.push(o);
  }
  if (kept.length > 400_000) kept = [];
  await turn();
}
process.stdout.write(JSON.stringify({ before, after: newSpaceMb() }));
