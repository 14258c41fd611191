/**
 * What is really behind a text: the slide's background and the shapes and pictures drawn
 * over it (the master's and layout's art, the slide's own shapes), composited at points over
 * the text's whole box. Solid fills with their alpha, gradients evaluated where the point
 * lies, pictures sampled from their decoded raster (images/decode-raster.ts). The build
 * (template/legible-colors.ts) chooses text colours and panels with this model and
 * `trappa check` measures with it, so the two agree on what a text is drawn on.
 */
import type { Raster } from '../images/decode-raster.js';
import type { Box } from '../layout/types.js';
import type { Paint } from '../ooxml/paint.js';
import type { ElementModel, Layer, RasterOf } from './types.js';

type Rgb = [number, number, number];

const hexRgb = (hex: string): Rgb => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const rgbHex = (c: Rgb): string =>
  c
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
const blend = (under: Rgb, over: Rgb, alpha: number): Rgb =>
  [0, 1, 2].map((i) => under[i]! + (over[i]! - under[i]!) * alpha) as Rgb;

function covers(layer: Layer, x: number, y: number): boolean {
  const { box } = layer;
  if (x < box.x || x > box.x + box.w || y < box.y || y > box.y + box.h) return false;
  if (!layer.ellipse) return true;
  const dx = (x - box.x - box.w / 2) / (box.w / 2);
  const dy = (y - box.y - box.h / 2) / (box.h / 2);
  return dx * dx + dy * dy <= 1;
}

/** A gradient's colour at `t` (0…1), between the stops around it. */
function stopAt(stops: Extract<Paint, { kind: 'gradient' }>['stops'], t: number): { rgb: Rgb; alpha: number } {
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  if (t <= first.pos) return { rgb: hexRgb(first.color), alpha: first.alpha };
  if (t >= last.pos) return { rgb: hexRgb(last.color), alpha: last.alpha };
  const i = stops.findIndex((s) => s.pos >= t);
  const [a, b] = [stops[i - 1]!, stops[i]!];
  const share = b.pos === a.pos ? 0 : (t - a.pos) / (b.pos - a.pos);
  return { rgb: blend(hexRgb(a.color), hexRgb(b.color), share), alpha: a.alpha + (b.alpha - a.alpha) * share };
}

/**
 * Where (0…1) a point at `u`, `v` of the box lies along a gradient: along its direction for a
 * linear one (the box's corners span 0…1), from the centre outwards for a path gradient.
 */
function gradientT(angle: number | undefined, u: number, v: number): number {
  if (angle === undefined) return Math.min(1, Math.hypot(u - 0.5, v - 0.5) / Math.SQRT1_2);
  const [dx, dy] = [Math.cos((angle * Math.PI) / 180), Math.sin((angle * Math.PI) / 180)];
  const corners = [0, dx, dy, dx + dy];
  const [low, high] = [Math.min(...corners), Math.max(...corners)];
  return high === low ? 0 : (u * dx + v * dy - low) / (high - low);
}

function rasterAt(raster: Raster, crop: [number, number, number, number], u: number, v: number) {
  const [l, t, r, b] = crop;
  const px = Math.min(raster.width - 1, Math.max(0, Math.floor((l + u * (1 - l - r)) * raster.width)));
  const py = Math.min(raster.height - 1, Math.max(0, Math.floor((t + v * (1 - t - b)) * raster.height)));
  const i = (py * raster.width + px) * 4;
  const d = raster.data;
  return { rgb: [d[i]!, d[i + 1]!, d[i + 2]!] as Rgb, alpha: d[i + 3]! / 255 };
}

/** The layer's colour at a point it covers; undefined when it cannot be known (an undecoded picture). */
function paintAt(layer: Layer, x: number, y: number, rasterOf: RasterOf): { rgb: Rgb; alpha: number } | undefined {
  const { paint, box } = layer;
  const u = box.w > 0 ? (x - box.x) / box.w : 0;
  const v = box.h > 0 ? (y - box.y) / box.h : 0;
  switch (paint.kind) {
    case 'solid':
      return { rgb: hexRgb(paint.color), alpha: paint.alpha };
    case 'gradient':
      return stopAt(paint.stops, gradientT(paint.angle, u, v));
    case 'picture': {
      const raster = layer.media ? rasterOf(layer.media) : undefined;
      return raster ? rasterAt(raster, paint.crop, u, v) : undefined;
    }
    default:
      return undefined;
  }
}

/** The colour drawn at a point (hex), composited back to front; undefined when something unknown shows there. */
export function colorAt(layers: readonly Layer[], x: number, y: number, rasterOf: RasterOf): string | undefined {
  // Nothing drawn is the paper: white.
  let rgb: Rgb | undefined = [255, 255, 255];
  for (const layer of layers) {
    if (!covers(layer, x, y)) continue;
    const drawn = paintAt(layer, x, y, rasterOf);
    if (!drawn) rgb = undefined;
    else if (drawn.alpha >= 0.999) rgb = drawn.rgb;
    // A translucent paint over something unknown stays unknown.
    else if (rgb) rgb = blend(rgb, drawn.rgb, drawn.alpha);
  }
  return rgb && rgbHex(rgb);
}

/** Points every ~0.1 in over `box` (2 to 48 a side): about one per letter of body text. */
function gridOver(box: Box, step = 0.1, most = 48): Array<[number, number]> {
  const nx = Math.max(2, Math.min(most, Math.ceil(box.w / step)));
  const ny = Math.max(2, Math.min(most, Math.ceil(box.h / step)));
  const points: Array<[number, number]> = [];
  for (let i = 0; i < nx; i++)
    for (let j = 0; j < ny; j++) points.push([box.x + (box.w * (i + 0.5)) / nx, box.y + (box.h * (j + 0.5)) / ny]);
  return points;
}

/** The layers that reach into `box`: sampling then looks only at these. */
function layersIn(layers: readonly Layer[], box: Box): Layer[] {
  return layers.filter(
    (l) => l.box.x < box.x + box.w && l.box.x + l.box.w > box.x && l.box.y < box.y + box.h && l.box.y + l.box.h > box.y,
  );
}

export interface Under {
  /** The darkest and the lightest colour found: text that reads on both reads on all (contrast is by luminance). */
  darkest: string;
  lightest: string;
  /** Share of the points where an unknown picture shows. */
  unknown: number;
}

/** WCAG relative luminance, uncached (a photo gives thousands of colours; contrast.ts caches per colour). */
function luminance(hex: string): number {
  const [r, g, b] = hexRgb(hex).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** What lies under `box`: its darkest and lightest points; undefined when nothing there can be known. */
export function under(layers: readonly Layer[], box: Box, rasterOf: RasterOf): Under | undefined {
  const near = layersIn(layers, box);
  let darkest: string | undefined;
  let lightest: string | undefined;
  let unknown = 0;
  let [low, high] = [2, -1];
  const points = gridOver(box);
  for (const [x, y] of points) {
    const color = colorAt(near, x, y, rasterOf);
    if (!color) {
      unknown++;
      continue;
    }
    const l = luminance(color);
    if (l < low) [darkest, low] = [color, l];
    if (l > high) [lightest, high] = [color, l];
  }
  return darkest && lightest ? { darkest, lightest, unknown: unknown / points.length } : undefined;
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
    layers.push({ box: e.box, paint: e.paint, ...(ellipse ? { ellipse } : {}), ...(media ? { media } : {}) });
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
