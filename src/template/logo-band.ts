/**
 * Where a template's title slide shows the organisation's logos, and whether they need a backing.
 * Trappa's own title slide puts them on a light band across its foot; on a template that band
 * is left out (the template's design is its own), so the row must find its place on the
 * template's cover: inside the slide, off its art — shapes, and what a background picture
 * draws (Nature_Illustration's trees are in its picture) — and on a ground the logos read on.
 * Logos are drawn for light grounds (the common case, and the only one a logo file can be
 * assumed to be made for); on a darker ground, or one that cannot be known, they stand on a
 * light backing of their own.
 */
import { contrastRatio } from '../contrast.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, MasterSet } from '../pptx/master-set.js';
import { layoutLook } from './layout-looks.js';
import type { LayoutLook } from './legible-colors.js';

export interface LogoBand {
  /** Where the logo row goes: inside the slide, off the template's art, on an even ground. */
  band: Box;
  /** The logos need a light backing of their own: the ground there is not light, or not known. */
  backing: boolean;
}

/** Trappa's band: at most 1.4 in high, 0.9 in from the sides. */
const BAND_H = 1.4;
const SIDE = 0.9;
/** The least gap between the band's foot and the slide's, and the step it rises by, in inches. */
const FOOT = 0.15;
const STEP = 0.1;
/** The ground is sampled every COLUMN inches across, at ROWS heights inside the logos' part of the band. */
const COLUMN = 0.12;
const ROWS = 5;
/** A point differs from the band's ground when their lightness differs more than this (contrast ratio). */
const EVEN = 1.35;
/** A ground is light when near-black reads on it as well as on light grey (#B0B0B0, 9.6:1). */
const LIGHT = 9.5;
/** The share of the full width an even stretch must have to hold the logos in one row. */
const ROW_SHARE = 0.6;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
/** Lightness by colour: a band's search samples thousands of points of a few colours (a picture's more). */
const lightnesses = new Map<string, number>();
const lightness = (color: string): number => {
  let found = lightnesses.get(color);
  if (found === undefined) {
    if (lightnesses.size >= 65_536) lightnesses.clear();
    lightnesses.set(color, (found = contrastRatio(color, '000000')));
  }
  return found;
};

/** The median lightness of the row's ground and, per column, whether it is free (no art, an even ground). */
function columnsOf(look: LayoutLook, row: Box): { ground: number; free: boolean[] } {
  const n = Math.max(1, Math.floor(row.w / COLUMN));
  // The logos stand in the middle half of the band's height (title.ts logoBoxes).
  const ys = Array.from({ length: ROWS }, (_, j) => row.y + row.h * (0.25 + (0.5 * (j + 0.5)) / ROWS));
  const samples = Array.from({ length: n }, (_, i) => ys.map((y) => look.groundAt(row.x + (i + 0.5) * COLUMN, y)));
  const known = samples
    .flat()
    .filter((c): c is string => c !== undefined)
    .map(lightness)
    .sort((a, b) => a - b);
  const ground = known[Math.floor(known.length / 2)] ?? 0;
  const even = (c: string | undefined) =>
    c !== undefined && Math.max(lightness(c) / ground, ground / lightness(c)) <= EVEN;
  const free = samples.map((column, i) => {
    const x = row.x + i * COLUMN;
    const cell = { x, y: row.y, w: COLUMN, h: row.h };
    return column.every(even) && !look.art.some((a) => overlaps(a, cell));
  });
  return { ground, free };
}

/** The widest run of free columns, as a box. */
function widestFree(row: Box, free: boolean[]): Box {
  let best = { ...row, w: 0 };
  let from = 0;
  free.forEach((ok, i) => {
    if (!ok) from = i + 1;
    else if ((i + 1 - from) * COLUMN > best.w) best = { ...row, x: row.x + from * COLUMN, w: (i + 1 - from) * COLUMN };
  });
  return best;
}

/**
 * The lowest row of the band's height, between the middle of the cover's texts and the slide's
 * foot, whose widest free stretch holds the logos in one row; else the row with the widest one.
 */
export function logoBand(set: MasterSet, cover: LayoutInfo, texts: Box): LogoBand {
  // Once per look (set, cover layout and pictures) and texts' box: every deck of a build asks again.
  const look = layoutLook(set, cover);
  let bands = bandsOf.get(look);
  if (!bands) bandsOf.set(look, (bands = new Map()));
  const key = `${texts.x},${texts.y},${texts.w},${texts.h}`;
  let found = bands.get(key);
  if (!found) bands.set(key, (found = findBand(set, look, texts)));
  return { band: { ...found.band }, backing: found.backing };
}

const bandsOf = new WeakMap<LayoutLook, Map<string, LogoBand>>();

function findBand(set: MasterSet, look: LayoutLook, texts: Box): LogoBand {
  const { w, h } = set.size;
  const height = Math.min(BAND_H, h / 5);
  const full = w - 2 * SIDE;
  const top = Math.min(texts.y + texts.h * 0.5, h - FOOT - height);
  let best: { band: Box; ground: number } | undefined;
  for (let y = h - FOOT - height; y >= top - 1e-9; y -= STEP) {
    const row = { x: SIDE, y, w: full, h: height };
    const { ground, free } = columnsOf(look, row);
    const band = widestFree(row, free);
    if (!best || band.w > best.band.w + 1e-9) best = { band, ground };
    if (band.w >= full * ROW_SHARE) break;
  }
  const fallback = { x: SIDE, y: h - FOOT - height, w: full, h: height };
  const chosen = best && best.band.w >= 1.5 ? best : { band: fallback, ground: columnsOf(look, fallback).ground };
  return { band: chosen.band, backing: chosen.ground < LIGHT };
}
