/**
 * build --all's decks in turn (src/io/in-turn.ts): one after another, except that a deck waiting
 * for sharp lets the next start. Sources here are plain jobs that log when they start and end and
 * wait on promises the test resolves, so the order is the test's to decide.
 */
import { describe, expect, it } from 'vitest';
import { inTurn } from '../src/io/in-turn.js';

/** A job per name: `waits` ones call waiting() and then wait until the test releases them. */
function jobs(waits: string[] = [], fails: string[] = []) {
  const log: string[] = [];
  const releases = new Map<string, () => void>();
  const run = async (name: string, waiting: () => void): Promise<string> => {
    log.push(`${name} starts`);
    await Promise.resolve();
    if (waits.includes(name)) {
      waiting();
      await new Promise<void>((resolve) => releases.set(name, resolve));
    }
    log.push(`${name} ends`);
    if (fails.includes(name)) throw new Error(`${name} failed`);
    return name.toUpperCase();
  };
  /** Lets `name` go on once it waits, after the jobs under way have had their turn. */
  const release = async (name: string): Promise<void> => {
    while (!releases.has(name)) await new Promise((resolve) => setImmediate(resolve));
    releases.get(name)!();
  };
  return { log, run, release };
}

describe('inTurn', () => {
  it('runs each source after the one before when none waits', async () => {
    const { log, run } = jobs();
    const outcomes = await inTurn(['a', 'b', 'c'], run);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
    expect(outcomes).toEqual(['A', 'B', 'C'].map((value) => ({ ok: true, value })));
  });

  it('starts the next source while one waits, and keeps the outcomes in order', async () => {
    const { log, run, release } = jobs(['a']);
    const done = inTurn(['a', 'b', 'c'], run);
    await release('a');
    const outcomes = await done;
    expect(log.slice(0, 4)).toEqual(['a starts', 'b starts', 'b ends', 'c starts']);
    expect(log).toContain('a ends');
    expect(outcomes).toEqual(['A', 'B', 'C'].map((value) => ({ ok: true, value })));
  });

  it('lets one source wait at a time: a second that waits holds the next back', async () => {
    const { log, run, release } = jobs(['a', 'b']);
    const done = inTurn(['a', 'b', 'c'], run);
    await release('b');
    // b is done, c has not started: a still waits.
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['a starts', 'b starts', 'b ends']);
    await release('a');
    await done;
    expect(log.slice(3)).toEqual(['a ends', 'c starts', 'c ends']);
  });

  it('starts nothing after a failure and reports failures in the order of the sources', async () => {
    const { log, run, release } = jobs(['a'], ['a', 'b']);
    const done = inTurn(['a', 'b', 'c'], run);
    await release('a');
    const outcomes = await done;
    expect(log).not.toContain('c starts');
    expect(outcomes.map((o) => (o.ok ? o.value : (o.error as Error).message))).toEqual(['a failed', 'b failed']);
  });
});
