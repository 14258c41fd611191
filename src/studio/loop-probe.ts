/**
 * How long the request loop was held at once, for the bench (scripts/bench/studio-http.ts):
 * with TRAPPA_STUDIO_LOOP_PROBE set, the event loop's delay is sampled (perf_hooks, a timer every
 * 10 ms) and `GET /api/loop` answers the longest and the 99th percentile since it was last asked.
 * A timer that fires late was held up by whatever ran on the loop (or, on a busy machine, by
 * waiting for a core): the longest delay is the longest any request could have waited.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
  samples: number;
}

/** Undefined unless asked for: a studio in use keeps no histogram. */
export function loopProbe(env: NodeJS.ProcessEnv = process.env): (() => LoopDelay) | undefined {
  if (!env.TRAPPA_STUDIO_LOOP_PROBE) return undefined;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return () => {
    const delay = { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, samples: histogram.count };
    histogram.reset();
    return delay;
  };
}
