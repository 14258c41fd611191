/**
 * insideOutline keeps where a row's edges cross (issue #20's bench: Sunset's outlines of hundreds
 * of points were walked at every sampled point). The answer must be the even-odd rule's, point for
 * point, as the plain walk over every edge gives it: the art and contrast rules and the build's
 * colour choices sample with it, and the decks must stay byte-identical.
 */
import { describe, expect, it } from 'vitest';
import { insideOutline, type Outline } from '../src/check/outline.js';

/** The even-odd rule over every edge, as outline.ts computed it before the rows were kept. */
function walked(outline: Outline, u: number, v: number): boolean {
  let inside = false;
  for (const points of outline)
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > v !== yj > v && u < ((xj - xi) * (v - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

/** A deterministic pseudo-random sequence (no Math.random: a failure must repeat). */
function numbers(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** A star of `n` points, and a second polygon overlapping it (even-odd: the overlap is outside). */
function outlineOf(n: number, next: () => number): Outline {
  const star: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const angle = (2 * Math.PI * k) / n;
    const r = k % 2 === 0 ? 0.5 : 0.1 + 0.3 * next();
    star.push([0.5 + r * Math.cos(angle), 0.5 + r * Math.sin(angle)]);
  }
  return [
    star,
    [
      [0.2, 0.2],
      [0.8, 0.25],
      [0.6, 0.9],
      [0.2, 0.5],
    ],
  ];
}

describe('insideOutline', () => {
  it('answers as the walk over every edge at every point, rows asked again and again', () => {
    const next = numbers(20);
    for (const n of [3, 8, 101, 400]) {
      const outline = outlineOf(n, next);
      // A grid sampled column by column (each row's height again in every column), as the rules do,
      // plus the polygon's own vertices' heights, where edges start and end.
      const rows = [...Array.from({ length: 37 }, (_, j) => (j + 0.5) / 37), ...outline[0]!.map((p) => p[1]), 0, 1];
      let inside = 0;
      for (let i = 0; i < 41; i++)
        for (const v of rows) {
          const u = (i + 0.5) / 41;
          expect(insideOutline(outline, u, v), `n=${n} u=${u} v=${v}`).toBe(walked(outline, u, v));
          if (walked(outline, u, v)) inside++;
        }
      // The test means something only when both answers occur.
      expect(inside).toBeGreaterThan(0);
      expect(inside).toBeLessThan(41 * rows.length);
      for (let k = 0; k < 500; k++) {
        const [u, v] = [next() * 1.2 - 0.1, next() * 1.2 - 0.1];
        expect(insideOutline(outline, u, v)).toBe(walked(outline, u, v));
      }
    }
  });

  it('keeps the answers of two outlines apart at the same height', () => {
    const a: Outline = [
      [
        [0, 0],
        [0.5, 0],
        [0.5, 1],
        [0, 1],
      ],
    ];
    const b: Outline = [
      [
        [0.5, 0],
        [1, 0],
        [1, 1],
        [0.5, 1],
      ],
    ];
    expect(insideOutline(a, 0.25, 0.5)).toBe(true);
    expect(insideOutline(b, 0.25, 0.5)).toBe(false);
    expect(insideOutline(b, 0.75, 0.5)).toBe(true);
    expect(insideOutline(a, 0.75, 0.5)).toBe(false);
  });
});
