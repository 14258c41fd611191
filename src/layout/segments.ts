/**
 * Straight segments against boxes: which part of a line of the template's art crosses a text's
 * line. The check's art rule (check/art-strokes.ts) asks it of every stroke and text; placement
 * asks it of a title's lines (layout/text-box.ts), so a title does not run over line art.
 */
import type { Box } from './types.js';

/** A straight segment, slide inches. */
export interface Segment {
  from: [number, number];
  to: [number, number];
}

/**
 * Inches by which a segment must lie beside a box for `clipped` to pass it over unclipped. Why a
 * margin: a segment ending within rounding of the box's edge may clip to a part of length 0, which
 * callers count as meeting the box; a billionth of an inch beside it, clipping surely finds nothing
 * (the division's quotient is then clearly past 0 or 1), so the shortcut never answers otherwise.
 */
const BESIDE = 1e-9;

/** True when the segment lies wholly to one side of `box`, by more than BESIDE. */
function beside(s: Segment, box: Box): boolean {
  const [x0, y0] = s.from;
  const [x1, y1] = s.to;
  return (
    Math.max(x0, x1) < box.x - BESIDE ||
    Math.min(x0, x1) > box.x + box.w + BESIDE ||
    Math.max(y0, y1) < box.y - BESIDE ||
    Math.min(y0, y1) > box.y + box.h + BESIDE
  );
}

interface Clipped {
  length: number;
  mid: [number, number];
}

/**
 * The part of the segment inside `box`: its length and midpoint; undefined when it misses the
 * box. A text box is met by few of a template's strokes (Yellow Idea's rays and ticks are
 * hundreds of segments): those beside it are passed over before clipping.
 */
export const clipped = (s: Segment, box: Box): Clipped | undefined =>
  beside(s, box) ? undefined : clipSegment(s, box);

/** Liang–Barsky clipping of the segment to `box` (exported for the test that holds `clipped` to it). */
export function clipSegment(s: Segment, box: Box): Clipped | undefined {
  const [x0, y0] = s.from;
  const [dx, dy] = [s.to[0] - x0, s.to[1] - y0];
  let [t0, t1] = [0, 1];
  const edges: [number, number][] = [
    [-dx, x0 - box.x],
    [dx, box.x + box.w - x0],
    [-dy, y0 - box.y],
    [dy, box.y + box.h - y0],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  const length = (t1 - t0) * Math.hypot(dx, dy);
  const t = (t0 + t1) / 2;
  return { length, mid: [x0 + t * dx, y0 + t * dy] };
}
