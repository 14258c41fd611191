/**
 * The outline of a custom-geometry shape (`a:custGeom`), for knowing what it really covers:
 * Focus' master is a fan of coloured polygons with white stripes between them, and a text laid
 * across a stripe is on white there, not on the colour of the polygon's box. Each path becomes a
 * polygon in the shape's box (0…1 across and down): its points in order, a curve by its control
 * points (close enough to tell which side of a stripe a letter is on). A path whose points are
 * formulas (guide names) is not followed: the shape is then taken as its box.
 */
import { attr, children, type XmlElement } from '../ooxml/xml.js';

/** Polygons in the shape's box, each point as [across, down] in 0…1. */
export type Outline = [number, number][][];

const DRAWS = new Set(['a:moveTo', 'a:lnTo', 'a:cubicBezTo', 'a:quadBezTo']);

function polygon(path: XmlElement, size: { w: number; h: number }): [number, number][] | undefined {
  const w = Number(attr(path, 'w') ?? size.w);
  const h = Number(attr(path, 'h') ?? size.h);
  if (!(w > 0 && h > 0)) return undefined;
  const points: [number, number][] = [];
  for (const step of children(path)) {
    if (step.name === 'a:close') continue;
    if (!DRAWS.has(step.name)) return undefined;
    for (const pt of children(step, 'a:pt')) {
      const x = Number(attr(pt, 'x'));
      const y = Number(attr(pt, 'y'));
      if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
      points.push([x / w, y / h]);
    }
  }
  return points.length >= 3 ? points : undefined;
}

/** The outline of `custGeom`; undefined when it has none that can be followed. `size`: the shape's extent (EMU). */
export function readOutline(custGeom: XmlElement | undefined, size: { w: number; h: number }): Outline | undefined {
  if (!custGeom) return undefined;
  const paths = children(children(custGeom, 'a:pathLst')[0], 'a:path').filter((p) => attr(p, 'fill') !== 'none');
  const polygons = paths.map((p) => polygon(p, size));
  if (polygons.length === 0 || polygons.some((p) => p === undefined)) return undefined;
  return polygons as Outline;
}

/**
 * Where the outline's edges cross the line at height `v`: for each edge that spans it, the `u`
 * left of which a point of that line crosses the edge going right. Kept per outline and height:
 * sampling asks for the same rows again and again (every column of a text's points, every text
 * of every slide on that layout), and Sunset's outlines have hundreds of points, which the art
 * rule walked at up to 48,000 points per text.
 */
const crossingsOf = new WeakMap<Outline, Map<number, Float64Array>>();
const MAX_ROWS = 4096;

export function crossings(outline: Outline, v: number): Float64Array {
  let rows = crossingsOf.get(outline);
  if (!rows) crossingsOf.set(outline, (rows = new Map()));
  let found = rows.get(v);
  if (found) return found;
  const at: number[] = [];
  for (const points of outline)
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > v !== yj > v) at.push(((xj - xi) * (v - yi)) / (yj - yi) + xi);
    }
  if (rows.size >= MAX_ROWS) rows.clear();
  rows.set(v, (found = Float64Array.from(at)));
  return found;
}

/**
 * Whether the point (`u`, `v` in the box, 0…1) lies inside the outline (even-odd rule, as DrawingML
 * fills): an odd number of edges crossed going right from it.
 */
export function insideOutline(outline: Outline, u: number, v: number): boolean {
  let inside = false;
  for (const c of crossings(outline, v)) if (u < c) inside = !inside;
  return inside;
}
