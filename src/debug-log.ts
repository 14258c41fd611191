/**
 * Debug output for "why is it slow, why this layout": one namespace per stage
 * (trappa:load, trappa:build, trappa:layout, trappa:fonts, trappa:pptx), off unless
 * `DEBUG=trappa:*` (or `DEBUG=trappa:layout`, …) or `--verbose`, one line per decision on stderr.
 *
 * Why the `debug` package and not node's util.debuglog: users and tools know `DEBUG=name:*`
 * (vitest, express, knip print the same way), it takes patterns and exclusions
 * (`DEBUG=trappa:*,-trappa:fonts`), and adds the time since the namespace's last line
 * (+12ms), which answers "slow" without a profiler. util.debuglog reads NODE_DEBUG, mixed with
 * node's own internals, and has no timing. It is 500 lines of plain JS with one dependency (ms).
 */
import createDebug from 'debug';

export type DebugStage = 'load' | 'build' | 'layout' | 'fonts' | 'pptx';

/** The logger of one stage; check `.enabled` before building an expensive line. */
export const debugLog = (stage: DebugStage): createDebug.Debugger => createDebug(`trappa:${stage}`);

/** `--verbose`: every stage's lines, besides whatever DEBUG already asks for. */
export function enableVerbose(): void {
  createDebug.enable(['trappa:*', process.env.DEBUG].filter(Boolean).join(','));
}

/** Milliseconds since `started` (performance.now()), rounded for a log line. */
export const msSince = (started: number): string => `${Math.round(performance.now() - started)} ms`;
