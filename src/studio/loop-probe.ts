/**
 * How long the request loop was held at once, for the bench (scripts/bench/studio-http.ts):
 * with TRAPPA_STUDIO_LOOP_PROBE set, a timer runs every 10 ms on the loop and `GET /api/loop`
 * answers, since it was last asked, the timer's longest delay (perf_hooks: whatever ran on the
 * loop, or on a busy machine the wait for a core) and the most CPU time the loop's thread used
 * between two ticks (Linux /proc, 10 ms ticks: the loop's own work, not the wait for a core).
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

export interface LoopDelay {
  maxMs: number;
  p99Ms: number;
  /** Undefined where the thread's CPU time cannot be read (not Linux). */
  maxCpuMs?: number;
}

/**
 * utime + stime of the request loop's thread (its id is the process's), ms; undefined off Linux,
 * or when the studio runs in a worker thread (the tests' in-process studio), whose id is not known.
 */
function loopThreadCpu(): number | undefined {
  if (!isMainThread) return undefined;
  try {
    const text = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(') ') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Undefined unless asked for: a studio in use keeps no histogram and no timer. */
export function loopProbe(env: NodeJS.ProcessEnv = process.env): (() => LoopDelay) | undefined {
  if (!env.TRAPPA_STUDIO_LOOP_PROBE) return undefined;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let last = loopThreadCpu();
  let maxCpu = 0;
  setInterval(() => {
    const now = loopThreadCpu();
    if (now !== undefined && last !== undefined) maxCpu = Math.max(maxCpu, now - last);
    last = now;
  }, 10).unref();
  return () => {
    const delay = {
      maxMs: histogram.max / 1e6,
      p99Ms: histogram.percentile(99) / 1e6,
      ...(last === undefined ? {} : { maxCpuMs: maxCpu }),
    };
    histogram.reset();
    maxCpu = 0;
    return delay;
  };
}
