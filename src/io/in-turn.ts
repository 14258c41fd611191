/**
 * Work on a list of sources one after another, except while one waits for work on other threads.
 *
 * `build --all` builds its decks in turn. On a cold picture cache (a project's first build) sharp
 * renders a deck's photos on its own threads, 100-200 ms for each deck with photos here, and the
 * main thread had nothing to do meanwhile: 220-330 ms of a cold `build --all` of the bundled decks
 * was idle in CPU profiles. Now a source that says it waits lets the next one start, and resumes
 * when its wait is over.
 */

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const settle = <T>(work: Promise<T>): Promise<Settled<T>> =>
  work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );

/**
 * `run` for each source in turn; a run that calls its `waiting()` lets the next start. One run
 * waits like this at a time (a second that waits holds the next back until the first is done),
 * so at most two are under way: a deck's laid-out slides are the largest thing a build holds.
 * No source is started after a run that failed; the outcomes are in the order of `sources`, so
 * the first failure in that order is the one a caller reports, as when each ran alone.
 */
export async function inTurn<S, T>(
  sources: readonly S[],
  run: (source: S, waiting: () => void) => Promise<T>,
): Promise<Settled<T>[]> {
  const outcomes: Promise<Settled<T>>[] = [];
  let waitingBefore: Promise<Settled<T>> | undefined;
  for (const source of sources) {
    let waiting = (): void => undefined;
    const waits = new Promise<'waits'>((resolve) => (waiting = () => resolve('waits')));
    const outcome = settle(run(source, () => waiting()));
    outcomes.push(outcome);
    const first = await Promise.race([outcome, waits]);
    if (first !== 'waits') {
      if (!first.ok) break;
      continue;
    }
    if (waitingBefore && !(await waitingBefore).ok) break;
    waitingBefore = outcome;
  }
  return Promise.all(outcomes);
}
