/**
 * The template's art drawn as lines: Yellow_Idea's white tick marks and rays are line shapes
 * with a 0.09-in stroke and no fill, Progress' grey bands are outlined in a darker grey. A text
 * whose letters such a line runs through is struck through by it, though the ground under the
 * text is one colour (a stroke paints nothing `check/backdrop.ts` models). Each stroke becomes
 * straight segments: a line shape's diagonal (as its flips turn it), a custom shape's outline
 * edges, a rectangle's four sides. Other presets (ellipses, arrows) are left out.
 */
import type { Box } from '../layout/types.js';
import type { ElementModel, ShapeModel } from './types.js';

export interface StrokeSegment {
  from: [number, number];
  to: [number, number];
  /** Stroke width, inches. */
  width: number;
  color: string;
  /** The shape's box, to name it. */
  box: Box;
}

const LINES = new Set(['line', 'straightConnector1']);

function lineEnds(e: ShapeModel, box: Box): [[number, number], [number, number]] {
  const [x0, x1] = e.flipH ? [box.x + box.w, box.x] : [box.x, box.x + box.w];
  const [y0, y1] = e.flipV ? [box.y + box.h, box.y] : [box.y, box.y + box.h];
  return [
    [x0, y0],
    [x1, y1],
  ];
}

/** The shape's stroke as segments in slide inches (none when it has no stroke or an outline not followed). */
function segmentsOf(e: ShapeModel): [number, number][][] {
  const box = e.box;
  if (!box || !e.stroke) return [];
  if (e.geometry && LINES.has(e.geometry)) return [lineEnds(e, box)];
  const at = ([u, v]: [number, number]): [number, number] => [box.x + u * box.w, box.y + v * box.h];
  const polygons = e.outline
    ? e.outline
    : e.geometry === 'rect'
      ? [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ] as [number, number][],
        ]
      : [];
  return polygons.flatMap((points) => points.map((p, i) => [at(p), at(points[(i + 1) % points.length]!)]));
}

/** The strokes of the template's art (the master's and layout's shapes behind the slide), as segments. */
export function artStrokes(behind: readonly ElementModel[]): StrokeSegment[] {
  return behind.flatMap(strokesOf);
}

/**
 * Each shape's segments, once: the slides on one layout share its art's models (read-deck.ts), and a
 * custom shape's outline has hundreds of points. Models are plain data nobody changes once read.
 */
const segmentsByShape = new WeakMap<ElementModel, StrokeSegment[]>();

function strokesOf(e: ElementModel): StrokeSegment[] {
  if (e.kind !== 'shape' || !e.stroke || e.placeholder) return [];
  let found = segmentsByShape.get(e);
  if (!found) {
    found = segmentsOf(e).map(([from, to]) => ({
      from: from!,
      to: to!,
      width: e.stroke!.width,
      color: e.stroke!.color,
      box: e.box!,
    }));
    segmentsByShape.set(e, found);
  }
  return found;
}

/**
 * Inches by which a segment must lie beside a box for `clipped` to pass it over unclipped. Why a
 * margin: a segment ending within rounding of the box's edge may clip to a part of length 0, which
 * callers count as meeting the box; a billionth of an inch beside it, clipping surely finds nothing
 * (the division's quotient is then clearly past 0 or 1), so the shortcut never answers otherwise.
 */
const BESIDE = 1e-9;

/** True when the segment lies wholly to one side of `box`, by more than BESIDE. */
function beside(s: StrokeSegment, box: Box): boolean {
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
export const clipped = (s: StrokeSegment, box: Box): Clipped | undefined =>
  beside(s, box) ? undefined : clipSegment(s, box);

/** Liang–Barsky clipping of the segment to `box` (exported for the test that holds `clipped` to it). */
export function clipSegment(s: StrokeSegment, box: Box): Clipped | undefined {
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
