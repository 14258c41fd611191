/**
 * Art a template draws inside its backdrop picture: Vintage's paper is one slide-sized picture
 * that holds its ink blots and its bookmark, so no shape of the master says where they are.
 * The picture is sampled every 0.1 in (its decoded raster has about that resolution); where it
 * is a plain ground (paper, a texture: most points within 1.35:1 of its median lightness), the
 * patches that stand out of it (darker or lighter than 1.35:1, the logo band's measure) are art,
 * each as its box. A photograph is no plain ground: it gives none (text over it gets a colour
 * that reads or a panel, check/backdrop.ts). The build keeps text off these boxes
 * (template/template-design.ts), `trappa check` reports text over them (rules/template-art.ts).
 */
import { luminanceRatio } from '../contrast.js';
import type { Box } from '../layout/types.js';
import { luminanceAt } from './backdrop.js';
import type { Layer, RasterOf } from './types.js';
import type { Raster } from '../images/decode-raster.js';

/** Sampling step, in inches. */
const STEP = 0.1;
/** Lightness ratio to the ground's median from which a point is art. */
const STANDS_OUT = 1.8;
/** Share of points at most that may stand out for the picture to be a plain ground. */
const PLAIN = 0.2;
/** A patch smaller than this on either side is a speck of the texture, not art (inches). */
const SPECK = 0.25;
/** A picture over this share of the slide is its backdrop (as in template/legible-colors.ts). */
const BACKDROP = 0.8;

/** The points of a grid over `box` that stand out of its median lightness (undefined: not a plain ground). */
function standingOut(layer: Layer, rasterOf: RasterOf): { nx: number; ny: number; out: boolean[] } | undefined {
  const { box } = layer;
  const nx = Math.max(1, Math.round(box.w / STEP));
  const ny = Math.max(1, Math.round(box.h / STEP));
  // Each point's luminance once: sorting the colours by it looked it up ~2 log n times a point
  // (~25 ms of a slide-sized picture's ~7,500). The median colour's luminance is the median
  // luminance, and a contrast ratio depends on the luminances alone.
  const luminances = new Float64Array(nx * ny);
  const only = [layer];
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const l = luminanceAt(only, box.x + ((i + 0.5) * box.w) / nx, box.y + ((j + 0.5) * box.h) / ny, rasterOf);
      if (l === undefined) return undefined;
      luminances[j * nx + i] = l;
    }
  const median = Float64Array.from(luminances).sort()[Math.floor(luminances.length / 2)]!;
  const out = Array.from(luminances, (l) => luminanceRatio(l, median) > STANDS_OUT);
  return out.filter(Boolean).length <= PLAIN * out.length ? { nx, ny, out } : undefined;
}

/** The boxes of the 4-connected patches of `out` (a grid `nx` wide), in grid cells. */
function patches(nx: number, ny: number, out: boolean[]): { x0: number; y0: number; x1: number; y1: number }[] {
  const seen = new Uint8Array(out.length);
  const found: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (let start = 0; start < out.length; start++) {
    if (!out[start] || seen[start]) continue;
    const patch = { x0: nx, y0: ny, x1: -1, y1: -1 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const at = stack.pop()!;
      const [i, j] = [at % nx, Math.floor(at / nx)];
      patch.x0 = Math.min(patch.x0, i);
      patch.x1 = Math.max(patch.x1, i);
      patch.y0 = Math.min(patch.y0, j);
      patch.y1 = Math.max(patch.y1, j);
      const next = [i > 0 ? at - 1 : -1, i < nx - 1 ? at + 1 : -1, j > 0 ? at - nx : -1, j < ny - 1 ? at + nx : -1];
      for (const n of next)
        if (n >= 0 && out[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
    }
    found.push(patch);
  }
  return found;
}

/**
 * The art boxes of each decoded picture, per placing (box, paint, shape): every slide of every
 * deck on a layout asks for the same backdrop, and sampling a slide-sized picture (~6,000 points)
 * was 15 % of a build on a picture template (Candy) when done per slide. The rasters are kept per
 * process (images/decode-raster.ts), so a raster object stands for its picture's pixels.
 */
const artOf = new WeakMap<object, Map<string, Box[]>>();

/** Where a build keeps the art found in a picture for the next (template-store.ts keptPictureArt), if anywhere. */
export interface PictureArtStore {
  get(raster: Raster, placing: string): Box[] | undefined;
  keep(raster: Raster, placing: string, boxes: Box[]): void;
}

let store: PictureArtStore | undefined;

/** The store the art found from now on is kept in and taken from (build-deck.ts, for one build); undefined: none. */
export function keepPictureArtIn(next: PictureArtStore | undefined): void {
  store = next;
}

/** A picture's art at a placing: kept by an earlier build, else found (and kept). */
function storedOrFound(layer: Layer, raster: Raster, placing: string, rasterOf: RasterOf): Box[] {
  const kept = store?.get(raster, placing);
  if (kept) return kept;
  const art = layerArt(layer, rasterOf);
  store?.keep(raster, placing, art);
  return art;
}

/** The art inside the slide-sized pictures of `layers` (a slide's background and its template's art), as boxes. */
export function pictureArt(layers: readonly Layer[], size: { w: number; h: number }, rasterOf: RasterOf): Box[] {
  const boxes: Box[] = [];
  for (const layer of layers) {
    if (layer.paint.kind !== 'picture' || layer.box.w * layer.box.h < BACKDROP * size.w * size.h) continue;
    const raster = layer.media === undefined ? undefined : rasterOf(layer.media);
    if (!raster) {
      boxes.push(...layerArt(layer, rasterOf));
      continue;
    }
    let placings = artOf.get(raster);
    if (!placings) artOf.set(raster, (placings = new Map()));
    // The relationship id names the picture only within its part; the raster is the picture itself.
    const key = JSON.stringify([layer.box, layer.paint, layer.ellipse, layer.outline], (k, v) =>
      k === 'embed' ? undefined : v,
    );
    let art = placings.get(key);
    if (!art) placings.set(key, (art = storedOrFound(layer, raster, key, rasterOf)));
    boxes.push(...art.map((b) => ({ ...b })));
  }
  return boxes;
}

/** The art boxes inside one slide-sized picture layer. */
function layerArt(layer: Layer, rasterOf: RasterOf): Box[] {
  const grid = standingOut(layer, rasterOf);
  if (!grid) return [];
  const boxes: Box[] = [];
  const cw = layer.box.w / grid.nx;
  const ch = layer.box.h / grid.ny;
  for (const p of patches(grid.nx, grid.ny, grid.out)) {
    const box = {
      x: layer.box.x + p.x0 * cw,
      y: layer.box.y + p.y0 * ch,
      w: (p.x1 - p.x0 + 1) * cw,
      h: (p.y1 - p.y0 + 1) * ch,
    };
    if (box.w >= SPECK && box.h >= SPECK) boxes.push(box);
  }
  return boxes;
}
