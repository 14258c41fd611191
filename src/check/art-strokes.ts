/**
 * The template's art drawn as lines: Yellow_Idea's white tick marks and rays are line shapes
 * with a 0.09-in stroke and no fill, Progress' grey bands are outlined in a darker grey. A text
 * whose letters such a line runs through is struck through by it, though the ground under the
 * text is one colour (a stroke paints nothing `check/backdrop.ts` models). Each stroke becomes
 * straight segments: a line shape's diagonal (as its flips turn it), a custom shape's outline
 * edges, a rectangle's four sides. Other presets (ellipses, arrows) are left out.
 */
import type { Segment } from '../layout/segments.js';
import type { Box } from '../layout/types.js';
import type { ElementModel, ShapeModel } from './types.js';

export interface StrokeSegment extends Segment {
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

export { clipped, clipSegment } from '../layout/segments.js';
