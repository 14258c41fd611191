/**
 * What is really behind a text: the slide's background and the shapes and pictures drawn
 * over it (the master's and layout's art, the slide's own shapes), composited at points over
 * the text's whole box. Solid fills with their alpha, gradients evaluated where the point
 * lies, pictures sampled from their decoded raster (images/decode-raster.ts). The build
 * (template/legible-colors.ts) chooses text colours and panels with this model and
 * `trappa check` measures with it, so the two agree on what a text is drawn on.
 */
import { crossings, insideOutline } from './outline.js';
import type { Raster } from '../images/decode-raster.js';
import type { Box } from '../layout/types.js';
import type { Paint } from '../ooxml/paint.js';
import type { ElementModel, Layer, RasterOf } from './types.js';

/** Colours are packed as 0xRRGGBB while sampling (no allocation per point); -1 is unknown. */
const UNKNOWN = -1;
const packed = new Map<string, number>();
const pack = (hex: string): number => {
  let v = packed.get(hex);
  if (v === undefined) packed.set(hex, (v = parseInt(hex, 16)));
  return v;
};
const hexOf = (c: number): string => c.toString(16).padStart(6, '0').toUpperCase();
const channel = (c: number, i: number) => (c >> (16 - 8 * i)) & 255;
function mix(under: number, over: number, alpha: number): number {
  let out = 0;
  for (let i = 0; i < 3; i++) {
    const a = channel(under, i);
    out = (out << 8) | Math.round(a + (channel(over, i) - a) * alpha);
  }
  return out;
}

function covers(layer: Layer, x: number, y: number): boolean {
  const { box } = layer;
  if (x < box.x || x > box.x + box.w || y < box.y || y > box.y + box.h) return false;
  if (layer.outline) return insideOutline(layer.outline, (x - box.x) / (box.w || 1), (y - box.y) / (box.h || 1));
  if (!layer.ellipse) return true;
  const dx = (x - box.x - box.w / 2) / (box.w / 2);
  const dy = (y - box.y - box.h / 2) / (box.h / 2);
  return dx * dx + dy * dy <= 1;
}

type Stops = Extract<Paint, { kind: 'gradient' }>['stops'];
/** The alpha of the last paint read (paintAt returns the colour, this its opacity). */
let alphaRead = 1;

/** A gradient's colour at `t` (0…1), between the stops around it. */
function stopAt(stops: Stops, t: number): number {
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const end = t <= first.pos ? first : t >= last.pos ? last : undefined;
  if (end) {
    alphaRead = end.alpha;
    return pack(end.color);
  }
  let i = 1;
  while (stops[i]!.pos < t) i++;
  const [a, b] = [stops[i - 1]!, stops[i]!];
  const share = b.pos === a.pos ? 0 : (t - a.pos) / (b.pos - a.pos);
  alphaRead = a.alpha + (b.alpha - a.alpha) * share;
  return mix(pack(a.color), pack(b.color), share);
}

/**
 * Where (0…1) a point at `u`, `v` of the box lies along a gradient: along its direction for a
 * linear one (the box's corners span 0…1), from the centre outwards for a path gradient.
 */
function gradientT(angle: number | undefined, u: number, v: number): number {
  if (angle === undefined) return Math.min(1, Math.hypot(u - 0.5, v - 0.5) / Math.SQRT1_2);
  const dx = Math.cos((angle * Math.PI) / 180);
  const dy = Math.sin((angle * Math.PI) / 180);
  const low = Math.min(0, dx, dy, dx + dy);
  const high = Math.max(0, dx, dy, dx + dy);
  return high === low ? 0 : (u * dx + v * dy - low) / (high - low);
}

function rasterAt(raster: Raster, crop: [number, number, number, number], u: number, v: number): number {
  const [l, t, r, b] = crop;
  const px = Math.min(raster.width - 1, Math.max(0, Math.floor((l + u * (1 - l - r)) * raster.width)));
  const py = Math.min(raster.height - 1, Math.max(0, Math.floor((t + v * (1 - t - b)) * raster.height)));
  const i = (py * raster.width + px) * 4;
  const d = raster.data;
  alphaRead = d[i + 3]! / 255;
  return (d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!;
}

/** The layer's colour at a point it covers (its alpha in alphaRead); UNKNOWN for an undecoded picture. */
function paintAt(layer: Layer, x: number, y: number, rasterOf: RasterOf): number {
  const { paint, box } = layer;
  const u = box.w > 0 ? (x - box.x) / box.w : 0;
  const v = box.h > 0 ? (y - box.y) / box.h : 0;
  switch (paint.kind) {
    case 'solid':
      alphaRead = paint.alpha;
      return pack(paint.color);
    case 'gradient':
      return stopAt(paint.stops, gradientT(paint.angle, u, v));
    case 'picture': {
      const raster = layer.media ? rasterOf(layer.media) : undefined;
      return raster ? rasterAt(raster, paint.crop, u, v) : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/** The packed colour drawn at a point, composited back to front; UNKNOWN where something unknown shows. */
function drawnAt(layers: readonly Layer[], x: number, y: number, rasterOf: RasterOf): number {
  // Nothing drawn is the paper: white.
  let rgb = 0xffffff;
  for (const layer of layers) {
    if (!covers(layer, x, y)) continue;
    const drawn = paintAt(layer, x, y, rasterOf);
    if (drawn === UNKNOWN) rgb = UNKNOWN;
    else if (alphaRead >= 0.999) rgb = drawn;
    // A translucent paint over something unknown stays unknown.
    else if (rgb !== UNKNOWN) rgb = mix(rgb, drawn, alphaRead);
  }
  return rgb;
}

/** What one point shows: the topmost layer a reader sees there and the colour drawn (both as below). */
export interface Shown {
  /** The index of the topmost layer that shows (drawn at `least` opacity, or an undecoded picture), or -1: what a reader sees a text's letters on there. */
  top: number;
  /** The packed 0xRRGGBB colour `colorAt` gives, or -1 where something unknown shows. */
  rgb: number;
}

/**
 * The topmost layer that shows at a point and the colour drawn there (`colorAt`), in one pass
 * over the layers, into `out` (no allocation: the art rule asks this at up to 48,000 points per
 * text). The topmost layer that shows is the last one, back to front, that covers the point and
 * is unknown or at least `least` opaque.
 */
export function shownAt(
  layers: readonly Layer[],
  x: number,
  y: number,
  rasterOf: RasterOf,
  out: Shown,
  least = 0.25,
): void {
  let rgb = 0xffffff;
  let top = -1;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    if (!covers(layer, x, y)) continue;
    const drawn = paintAt(layer, x, y, rasterOf);
    if (drawn === UNKNOWN || alphaRead >= least) top = i;
    if (drawn === UNKNOWN) rgb = UNKNOWN;
    else if (alphaRead >= 0.999) rgb = drawn;
    else if (rgb !== UNKNOWN) rgb = mix(rgb, drawn, alphaRead);
  }
  out.top = top;
  out.rgb = rgb;
}

/** The colour drawn at a point (hex); undefined when something unknown shows there. */
export function colorAt(layers: readonly Layer[], x: number, y: number, rasterOf: RasterOf): string | undefined {
  const rgb = drawnAt(layers, x, y, rasterOf);
  return rgb === UNKNOWN ? undefined : hexOf(rgb);
}

/**
 * `relativeLuminance(colorAt(…))` without the hex string (the same sums of the same channel
 * values, so the same number): sampling a slide-sized picture's ~7,500 points for its art
 * (ground-art.ts) made a string and looked it up in a map at each.
 */
export function luminanceAt(layers: readonly Layer[], x: number, y: number, rasterOf: RasterOf): number | undefined {
  const rgb = drawnAt(layers, x, y, rasterOf);
  return rgb === UNKNOWN ? undefined : luminance(rgb);
}

/**
 * Whether a layer reaches into `box`. One that does not covers no point strictly inside the box
 * (`covers` takes closed boxes; sample points are never on the box's rim), so sampling skips it.
 */
export const reachesInto = (l: Layer, box: Box): boolean =>
  l.box.x < box.x + box.w && l.box.x + l.box.w > box.x && l.box.y < box.y + box.h && l.box.y + l.box.h > box.y;

/** The layers that reach into `box`: sampling then looks only at these. */
function layersIn(layers: readonly Layer[], box: Box): Layer[] {
  return layers.filter((l) => reachesInto(l, box));
}

export interface Under {
  /** The darkest and the lightest colour found: text that reads on both reads on all (contrast is by luminance). */
  darkest: string;
  lightest: string;
  /** Share of the points where an unknown picture shows. */
  unknown: number;
}

/** sRGB channel → linear light, for WCAG's relative luminance. */
const LINEAR = Float64Array.from({ length: 256 }, (_, c) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
});
const luminance = (c: number) =>
  0.2126 * LINEAR[channel(c, 0)]! + 0.7152 * LINEAR[channel(c, 1)]! + 0.0722 * LINEAR[channel(c, 2)]!;

/**
 * Whether `layer` hides every point of `box` and all below it: an opaque solid paint over the
 * whole box (its box holds the sample box; sample points are never on its rim), no ellipse or
 * outline. Compositing sets the colour there outright (`alpha >= 0.999`), so the layers under it
 * change nothing: the page under a template's band, which every text box would sample again.
 */
const hides = (layer: Layer, box: Box): boolean =>
  layer.paint.kind === 'solid' &&
  layer.paint.alpha >= 0.999 &&
  !layer.ellipse &&
  !layer.outline &&
  layer.box.x <= box.x &&
  layer.box.y <= box.y &&
  layer.box.x + layer.box.w >= box.x + box.w &&
  layer.box.y + layer.box.h >= box.y + box.h;

/** The layers that reach into `box`, from the topmost that hides all below it (`hides`) up. */
function shownIn(layers: readonly Layer[], box: Box): Layer[] {
  const near = layersIn(layers, box);
  for (let i = near.length - 1; i > 0; i--) if (hides(near[i]!, box)) return near.slice(i);
  return near;
}

/**
 * What lies under `box`, at points every ~0.1 in (6 to 48 a side: about one per letter of body
 * text, and a small box — a slide number's digits — still sampled near its edges, where art's
 * rim may reach in): its darkest and lightest points; undefined when nothing there can be known.
 */
export function under(layers: readonly Layer[], box: Box, rasterOf: RasterOf): Under | undefined {
  const near = shownIn(layers, box);
  const nx = Math.max(6, Math.min(48, Math.ceil(box.w / 0.1)));
  const ny = Math.max(6, Math.min(48, Math.ceil(box.h / 0.1)));
  if (near.length === 1 && hides(near[0]!, box)) {
    // One colour at every point: what sampling them would find.
    const one = hexOf(pack((near[0]!.paint as { color: string }).color));
    return { darkest: one, lightest: one, unknown: 0 };
  }
  if (near.every((l) => l.paint.kind === 'solid')) return underSolids(near, box, nx, ny);
  const key = sampledKey(near, box, rasterOf);
  if (sampled.has(key)) return copyOf(sampled.get(key));
  if (sampled.size >= SAMPLED_MAX) sampled.clear();
  const found = sampledUnder(near, box, nx, ny, rasterOf);
  sampled.set(key, found);
  return copyOf(found);
}

/**
 * What `under` sampled point by point (a picture or a gradient under the text), by what it
 * depends on: the layers shown in the box (their boxes, paints, shapes and decoded pictures) and
 * the box. The decks of a build draw the same layout's texts over the same photo on every slide
 * (Candy: 2,304 points a box, each composited through the layers), and `trappa check` samples
 * them again.
 */
const sampled = new Map<string, Under | undefined>();
const SAMPLED_MAX = 4096;
const copyOf = (found: Under | undefined): Under | undefined => found && { ...found };

/** Decoded pictures by identity (decode-raster.ts keeps one per media part and process). */
const rasterIds = new WeakMap<Raster, number>();
let rasters = 0;
function rasterId(raster: Raster | undefined): number {
  if (!raster) return -1;
  let id = rasterIds.get(raster);
  if (id === undefined) rasterIds.set(raster, (id = rasters++));
  return id;
}

function sampledKey(near: readonly Layer[], box: Box, rasterOf: RasterOf): string {
  const layers = near.map((l) => [
    l.box,
    l.paint,
    l.ellipse ?? false,
    l.outline ?? null,
    l.paint.kind === 'picture' && l.media ? rasterId(rasterOf(l.media)) : null,
  ]);
  return JSON.stringify([box, layers]);
}

/** `under`'s sampling point by point, for layers that are not all solid paints. */
function sampledUnder(near: readonly Layer[], box: Box, nx: number, ny: number, rasterOf: RasterOf): Under | undefined {
  let [darkest, lightest, low, high, unknown] = [UNKNOWN, UNKNOWN, 2, -1, 0];
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++) {
      const c = drawnAt(near, box.x + (box.w * (i + 0.5)) / nx, box.y + (box.h * (j + 0.5)) / ny, rasterOf);
      if (c === UNKNOWN) {
        unknown++;
        continue;
      }
      const l = luminance(c);
      if (l < low) [darkest, low] = [c, l];
      if (l > high) [lightest, high] = [c, l];
    }
  if (darkest === UNKNOWN) return undefined;
  return { darkest: hexOf(darkest), lightest: hexOf(lightest), unknown: unknown / (nx * ny) };
}

/**
 * The sample points' coordinates, `under`'s and `drawnAt`'s very numbers: `n` points across
 * `from`…`from + length`, at the middle of each of `n` equal parts.
 */
function samples(from: number, length: number, n: number): Float64Array {
  // Loops, not `Float64Array.from` or `.map`: those call back per element, slow until optimised.
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) at[i] = from + (length * (i + 0.5)) / n;
  return at;
}

/** The first and last index of the (ascending) samples inside `from`…`to`, closed (as `covers`); first > last when none. */
function within(at: Float64Array, from: number, to: number): [number, number] {
  let first = 0;
  while (first < at.length && at[first]! < from) first++;
  let last = at.length - 1;
  while (last >= first && at[last]! > to) last--;
  return [first, last];
}

/** The first index from `first` on whose value is `c` or more (the values ascend), or `end`. */
function firstFrom(values: Float64Array, first: number, end: number, c: number): number {
  let [low, high] = [first, end];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! >= c) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * `under` where every layer is a solid paint (a template's page and bands: most texts): the
 * same colours at the same points, composited layer by layer into a grid instead of point by
 * point. In a cold build the sampling runs before V8 has optimised it, where each number a point
 * computes is a heap allocation (Progress' 85,000 points a build: ~530 ns a point cold against
 * ~65 warm, with a scavenge every few milliseconds). Here a layer's reach is found once per
 * column and row (the sample points ascend, so it is a run of each), an outline's inside once per
 * crossing and row (`insideOutline`'s test, `u < c`, by bisection over the row's ascending `u`),
 * and only an ellipse is tested point by point; the grid is then read in `under`'s order,
 * measuring a colour only where it changes (the same luminance moves neither extreme).
 */
function underSolids(near: readonly Layer[], box: Box, nx: number, ny: number): Under {
  const xs = samples(box.x, box.w, nx);
  const ys = samples(box.y, box.h, ny);
  const grid = new Int32Array(nx * ny).fill(0xffffff);
  const inside = new Uint8Array(nx + 1);
  for (const layer of near) {
    const b = layer.box;
    const [i0, i1] = within(xs, b.x, b.x + b.w);
    const [j0, j1] = within(ys, b.y, b.y + b.h);
    if (i0 > i1 || j0 > j1) continue;
    const paint = layer.paint as { color: string; alpha: number };
    const color = pack(paint.color);
    const opaque = paint.alpha >= 0.999;
    const us = layer.outline ? new Float64Array(nx) : undefined;
    for (let i = 0; us && i < nx; i++) us[i] = (xs[i]! - b.x) / (b.w || 1);
    for (let j = j0; j <= j1; j++) {
      if (layer.outline && us) {
        // Inside where an odd number of crossings lie right of the point (`u < c`): the points before each crossing flip.
        inside.fill(0, i0, i1 + 1);
        const across = crossings(layer.outline, (ys[j]! - b.y) / (b.h || 1));
        for (let c = 0; c < across.length; c++) {
          const end = firstFrom(us, i0, i1 + 1, across[c]!);
          for (let i = i0; i < end; i++) inside[i] = inside[i]! ^ 1;
        }
      } else if (!layer.ellipse) inside.fill(1, i0, i1 + 1);
      else {
        const dy = (ys[j]! - b.y - b.h / 2) / (b.h / 2);
        for (let i = i0; i <= i1; i++) {
          const dx = (xs[i]! - b.x - b.w / 2) / (b.w / 2);
          inside[i] = dx * dx + dy * dy <= 1 ? 1 : 0;
        }
      }
      for (let i = i0; i <= i1; i++) {
        if (inside[i] === 0) continue;
        const at = i * ny + j;
        grid[at] = opaque ? color : mix(grid[at]!, color, paint.alpha);
      }
    }
  }
  let [darkest, lightest, low, high, last] = [UNKNOWN, UNKNOWN, 2, -1, UNKNOWN];
  // Indexed: `for…of` makes an iterator result per cell until V8 optimises the loop.
  for (let at = 0; at < grid.length; at++) {
    const rgb = grid[at]!;
    if (rgb === last) continue;
    last = rgb;
    const l = luminance(rgb);
    if (l < low) [darkest, low] = [rgb, l];
    if (l > high) [lightest, high] = [rgb, l];
  }
  return { darkest: hexOf(darkest), lightest: hexOf(lightest), unknown: 0 };
}

/**
 * The painted layers of `elements` (a master's or layout's art, a slide's shapes), back to
 * front; `mediaOf` turns a picture's relationship id into its media part.
 */
export function layersOf(elements: readonly ElementModel[], mediaOf: (embed: string) => string | undefined): Layer[] {
  const layers: Layer[] = [];
  for (const e of elements) {
    if (e.kind === 'table' || !e.box || !e.paint) continue;
    const media = e.paint.kind === 'picture' ? mediaOf(e.paint.embed) : undefined;
    const ellipse = e.kind === 'shape' && e.geometry === 'ellipse';
    const outline = e.kind === 'shape' ? e.outline : undefined;
    layers.push({
      box: e.box,
      paint: e.paint,
      ...(ellipse ? { ellipse } : {}),
      ...(outline ? { outline } : {}),
      ...(media ? { media } : {}),
    });
  }
  return layers;
}

/** The slide-sized layer of a background paint (the theme's light 1 when the parts name none). */
export function backgroundLayer(
  size: { w: number; h: number },
  paint: Paint | null | undefined,
  fallback: string,
  mediaOf: (embed: string) => string | undefined,
): Layer {
  const drawn: Paint = paint ?? { kind: 'solid', color: fallback, alpha: 1 };
  const media = drawn.kind === 'picture' ? mediaOf(drawn.embed) : undefined;
  return { box: { x: 0, y: 0, w: size.w, h: size.h }, paint: drawn, ...(media ? { media } : {}) };
}
