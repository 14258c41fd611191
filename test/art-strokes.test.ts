/**
 * `clipped` passes over a segment lying beside the box before clipping it (the art rule asks for
 * every stroke of a template's art against every text box). The shortcut must never answer
 * otherwise than clipping does, also for a segment ending within rounding of the box's edge,
 * where clipping gives a part of length 0 that the rule counts as meeting the box.
 */
import { describe, expect, it } from 'vitest';
import { clipped, clipSegment as reference, type StrokeSegment } from '../src/check/art-strokes.js';

const segment = (from: [number, number], to: [number, number]): StrokeSegment => ({
  from,
  to,
  width: 0.01,
  color: '000000',
  box: { x: 0, y: 0, w: 1, h: 1 },
});

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('clipped', () => {
  it('meets the box, as clipping does, with a segment that ends a rounding short of its edge', () => {
    const box = { x: 1, y: 0, w: 2, h: 1 };
    // The largest number below 1: clipping finds the part at t = 1, of length 0.
    const s = segment([0.3, 0.5], [1 - 2 ** -53, 0.5]);
    expect(reference(s, box)).toEqual({ length: 0, mid: [expect.any(Number), 0.5] });
    expect(clipped(s, box)).toEqual(reference(s, box));
  });

  it('answers as clipping does for 20,000 segments at and around a box’s edges', () => {
    const next = random(20);
    const box = { x: 1.25, y: 0.75, w: 3.1, h: 0.4 };
    const edgesX = [box.x, box.x + box.w];
    const edgesY = [box.y, box.y + box.h];
    // A coordinate near an edge (by a few units in the last place, or a few billionths), or anywhere.
    const near = (edges: number[], span: number): number => {
      const r = next();
      const edge = edges[Math.floor(next() * edges.length)]!;
      if (r < 0.3) return edge + (Math.floor(next() * 9) - 4) * Number.EPSILON * edge;
      if (r < 0.6) return edge + (next() - 0.5) * 1e-8;
      return next() * span;
    };
    let met = 0;
    for (let i = 0; i < 20_000; i++) {
      const s = segment([near(edgesX, 6), near(edgesY, 2)], [near(edgesX, 6), near(edgesY, 2)]);
      const expected = reference(s, box);
      if (expected) met++;
      expect(clipped(s, box)).toEqual(expected);
    }
    // Both kinds were tried: segments that meet the box and segments beside it.
    expect(met).toBeGreaterThan(1000);
    expect(met).toBeLessThan(19_000);
  });
});
