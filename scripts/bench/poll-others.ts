/**
 * A small request beside the work being measured: the Studio's page shell every 25 ms, each
 * answer's time, to see how long a request loop held other requests up.
 */
import { get } from 'node:http';

export interface Poller {
  /** Stops polling; every answer's time in ms. */
  stop: () => Promise<number[]>;
  /** The longest request that overlapped [t0, t1]: the step may have held it up. */
  during: (t0: number, t1: number) => number;
}

/** @param poll false: ask nothing (a run measuring the request thread's own CPU alone). */
export function pollOthers(url: URL | string, poll = true): Poller {
  const times: number[] = [];
  const spans: Array<[number, number]> = [];
  let running = poll;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      // A fresh connection each time (agent: false): the server closes idle kept-alive sockets.
      await new Promise<void>((resolve) => {
        get(new URL('/', url), { agent: false }, (res) => res.resume().on('end', resolve)).on('error', () => resolve());
      });
      times.push(performance.now() - t0);
      spans.push([t0, performance.now()]);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    during: (t0, t1) => Math.max(0, ...spans.filter(([a, b]) => b >= t0 && a <= t1).map(([a, b]) => b - a)),
    stop: async () => {
      running = false;
      await loop;
      return times;
    },
  };
}
