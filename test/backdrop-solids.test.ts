/**
 * `under` (check/backdrop.ts) over solid paints composites a grid layer by layer (`underSolids`)
 * rather than point by point, for speed in a cold build. It must find what sampling each point
 * finds: the darkest and lightest colour of the same points, in the same order. Here against
 * `colorAt` / `luminanceAt` at those points, on generated layers: boxes reaching partly in,
 * ellipses, outlines (a diagonal band, a triangle, a ring of two polygons), translucent paints.
 */
import { describe, expect, it } from 'vitest';
import { colorAt, luminanceAt, under } from '../src/check/backdrop.js';
import type { Outline } from '../src/check/outline.js';
import type { Layer } from '../src/check/types.js';
import type { Box } from '../src/layout/types.js';

const none = () => undefined;

/** What `under` finds, point by point: its grid and order, each point's colour by `colorAt`. */
function sampled(layers: Layer[], box: Box) {
  const nx = Math.max(6, Math.min(48, Math.ceil(box.w / 0.1)));
  const ny = Math.max(6, Math.min(48, Math.ceil(box.h / 0.1)));
  let [darkest, lightest, low, high] = ['', '', 2, -1];
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++) {
      const [x, y] = [box.x + (box.w * (i + 0.5)) / nx, box.y + (box.h * (j + 0.5)) / ny];
      const l = luminanceAt(layers, x, y, none)!;
      if (l < low) [darkest, low] = [colorAt(layers, x, y, none)!, l];
      if (l > high) [lightest, high] = [colorAt(layers, x, y, none)!, l];
    }
  return { darkest, lightest, unknown: 0 };
}

/** A small deterministic generator (the same cases every run). */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const OUTLINES: Outline[] = [
  [
    [
      [0, 0],
      [1, 0],
      [1, 0.6],
      [0, 1],
    ],
  ],
  [
    [
      [0.5, 0],
      [1, 1],
      [0, 1],
    ],
  ],
  [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ],
    [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.7, 0.7],
      [0.3, 0.7],
    ],
  ],
];

function layers(next: () => number): Layer[] {
  const hex = () =>
    Math.floor(next() * 0xffffff)
      .toString(16)
      .padStart(6, '0')
      .toUpperCase();
  const page: Layer = { box: { x: 0, y: 0, w: 10, h: 7.5 }, paint: { kind: 'solid', color: hex(), alpha: 1 } };
  const out = [page];
  for (let n = Math.floor(next() * 4); n >= 0; n--) {
    const box = { x: next() * 8, y: next() * 6, w: 0.2 + next() * 5, h: 0.2 + next() * 4 };
    const alpha = next() < 0.3 ? 0.2 + next() * 0.7 : 1;
    const shape = next();
    out.push({
      box,
      paint: { kind: 'solid', color: hex(), alpha },
      ...(shape < 0.3 ? { ellipse: true } : {}),
      ...(shape >= 0.3 && shape < 0.7 ? { outline: OUTLINES[Math.floor(next() * OUTLINES.length)]! } : {}),
    });
  }
  return out;
}

describe('under over solid paints', () => {
  it('finds what sampling every point finds', () => {
    const next = random(20);
    let mixed = 0;
    for (let n = 0; n < 600; n++) {
      const drawn = layers(next);
      const box = { x: next() * 8, y: next() * 6, w: 0.05 + next() * 6, h: 0.05 + next() * 3 };
      const found = under(drawn, box, none)!;
      expect(found, `case ${n}`).toEqual(sampled(drawn, box));
      if (found.darkest !== found.lightest) mixed++;
    }
    // Most boxes cross an edge: the cases test where layers end, not only one colour.
    expect(mixed).toBeGreaterThan(300);
  });

  it('takes an opaque layer over the whole box as all that shows there', () => {
    const band: Layer = { box: { x: 0, y: 1, w: 10, h: 2 }, paint: { kind: 'solid', color: 'DDDDDD', alpha: 1 } };
    const page: Layer = { box: { x: 0, y: 0, w: 10, h: 7.5 }, paint: { kind: 'solid', color: '000000', alpha: 1 } };
    expect(under([page, band], { x: 1, y: 1.5, w: 3, h: 1 }, none)).toEqual({
      darkest: 'DDDDDD',
      lightest: 'DDDDDD',
      unknown: 0,
    });
    // Reaching past the band's edge, the page shows too.
    expect(under([page, band], { x: 1, y: 2.5, w: 3, h: 1 }, none)).toMatchObject({
      darkest: '000000',
      lightest: 'DDDDDD',
    });
  });
});
