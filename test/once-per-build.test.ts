/**
 * io/once-per-build.ts: within one build a key's work runs once and every caller gets its
 * result; two builds (watch mode, the Studio, two tests in one worker) never share one, and
 * outside a build the work runs every time.
 */
import { describe, expect, it } from 'vitest';
import { oncePerBuild, withinBuild } from '../src/io/once-per-build.js';

describe('oncePerBuild', () => {
  it('runs the work once per key within a build, awaited or not', async () => {
    let runs = 0;
    const work = async () => ++runs;
    const results = await withinBuild(async () => {
      const first = await Promise.all([oncePerBuild('a', work), oncePerBuild('a', work)]);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [...first, await oncePerBuild('a', work), await oncePerBuild('b', work)];
    });
    expect(results).toEqual([1, 1, 1, 2]);
    expect(runs).toBe(2);
  });

  it('shares nothing between two builds, also when they run at once', async () => {
    let runs = 0;
    const work = async () => ++runs;
    const build = () => withinBuild(async () => [await oncePerBuild('a', work), await oncePerBuild('a', work)]);
    const [one, two] = await Promise.all([build(), build()]);
    expect(one[0]).toBe(one[1]);
    expect(two[0]).toBe(two[1]);
    expect(one[0]).not.toBe(two[0]);
    expect(runs).toBe(2);
  });

  it('runs the work every time outside a build', async () => {
    let runs = 0;
    await oncePerBuild('a', async () => ++runs);
    await oncePerBuild('a', async () => ++runs);
    expect(runs).toBe(2);
  });
});
