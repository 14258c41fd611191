/**
 * Names the test that blocked its worker's event loop for long.
 *
 * vitest's worker answers the main process over an RPC with a fixed 60 s timeout; a test that
 * blocks the loop that long (a spawnSync of LibreOffice, a long synchronous build) makes the
 * run end in "Timeout calling onTaskUpdate" although every test passed, and that message
 * names no test. This watch prints the test that held the loop, so the culprit is found.
 */
import { expect } from 'vitest';

const REPORT_AFTER_MS = 15_000;
const TICK_MS = 500;
const installed = Symbol.for('trappa.stall-watch');

export function watchForStalls(): void {
  const state = globalThis as { [installed]?: boolean };
  if (state[installed]) return; // one watch per worker process (isolate: false shares it)
  state[installed] = true;
  // A monotonic clock: a test's fake Date (vi.setSystemTime to 2004) must not read as a stall.
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const blocked = Math.round(now - last - TICK_MS);
    last = now;
    if (blocked < REPORT_AFTER_MS) return;
    const test = expect.getState().currentTestName ?? '(between tests)';
    const file = expect.getState().testPath ?? '';
    process.stderr.write(
      `[stall] the event loop of worker ${process.pid} was blocked ${blocked} ms in ${file} › ${test}\n`,
    );
  }, TICK_MS).unref();
}
