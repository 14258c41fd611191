/**
 * Where a template's title slide shows the organisation's logos, and whether they need a backing.
 * Trappa's own title slide puts them on a light band across its foot; on a template that band
 * is left out (the template's design is its own), so the row must find its place on the
 * template's cover: inside the slide, off its art — shapes, and what a background picture
 * draws (Nature_Illustration's trees are in its picture) — and on a ground the logos read on.
 * Logos are drawn for light grounds (the common case, and the only one a logo file can be
 * assumed to be made for); on a darker ground, or one that cannot be known, they stand on a
 * light backing of their own. The cover's texts and its logos share the room above the art, so
 * this module offers rows of several heights and the cover chooses (slides/cover-plan.ts).
 */
import { luminanceRatio } from '../contrast.js';
import type { LogoBand, LogoRows } from '../layout/page.js';
import type { Box } from '../layout/types.js';
import type { LayoutInfo, MasterSet } from '../pptx/master-set.js';
import { layoutLook } from './layout-looks.js';
import type { LayoutLook } from './legible-colors.js';
import { templateEntryOf } from './load-template.js';
import { keptRows } from './template-store.js';

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
/**
 * A point's lightness: its contrast ratio to black (0 luminance), as `contrastRatio(colour, '000000')`
 * gives it. From the luminance (LayoutLook.luminanceAt): no hex string and map look-up per point.
 */
const lightnessAt = (look: LayoutLook, x: number, y: number): number | undefined => {
  const l = look.luminanceAt(x, y);
  return l === undefined ? undefined : luminanceRatio(l, 0);
};

/**
 * Per column of the row, whether no art lies in it: art inside a backdrop picture too
 * (Nature_Illustration's trees), as the `art` rule sees it. Only what meets the row's height can
 * meet one of its cells (`overlaps` with the cell's y and h, the row's).
 */
function clearOfArt(look: LayoutLook, row: Box): boolean[] {
  const n = Math.max(1, Math.floor(row.w / COLUMN));
  const across = [...look.art, ...look.inPicture].filter((a) => a.y < row.y + row.h && row.y < a.y + a.h);
  const clear: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = row.x + i * COLUMN;
    clear[i] = !across.some((a) => a.x < x + COLUMN && x < a.x + a.w);
  }
  return clear;
}

/**
 * The median lightness of the row's ground and, per column, whether it is free (`clear` of art, an
 * even ground). A cover's row search runs this for hundreds of rows (Candy's ~350, ~170,000 points),
 * so it works in typed arrays: the same points, the same median and the same tests as sampling each
 * column into arrays of its own did.
 */
function columnsOf(look: LayoutLook, row: Box, clear = clearOfArt(look, row)): { ground: number; free: boolean[] } {
  const n = clear.length;
  // The logos stand in the middle half of the band's height (title.ts logoBoxes).
  const ys = Array.from({ length: ROWS }, (_, j) => row.y + row.h * (0.25 + (0.5 * (j + 0.5)) / ROWS));
  // Each point's lightness once (NaN where the ground cannot be known): the median and the evenness
  // test both read it. Column i's points are samples[i * ROWS …].
  const samples = new Float64Array(n * ROWS);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const x = row.x + (i + 0.5) * COLUMN;
    for (let j = 0; j < ROWS; j++) {
      const l = lightnessAt(look, x, ys[j]!);
      samples[i * ROWS + j] = l === undefined ? Number.NaN : l;
      if (l !== undefined) count++;
    }
  }
  // Sorted as numbers, natively.
  const known = new Float64Array(count);
  for (let k = 0, m = 0; k < samples.length; k++) if (!Number.isNaN(samples[k]!)) known[m++] = samples[k]!;
  known.sort();
  const ground = known[Math.floor(known.length / 2)] ?? 0;
  const even = (l: number) => !Number.isNaN(l) && Math.max(l / ground, ground / l) <= EVEN;
  const free: boolean[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let ok = clear[i]!;
    for (let j = 0; j < ROWS && ok; j++) ok = even(samples[i * ROWS + j]!);
    free[i] = ok;
  }
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
 * Where the logos may go on the cover: for each band height from Trappa's down to the least
 * (`rows`, tallest first), the lowest row of that height, between the top of the cover's title
 * and the slide's foot, whose widest free stretch holds the logos in one row (else the row with
 * the widest one, at least 1.5 in); and the band across the foot (`fallback`) for a cover where
 * no row fits under its texts. Which row the logos take is the cover's to decide
 * (slides/cover-plan.ts): it knows how much room its texts need.
 */
export function logoRows(set: MasterSet, cover: LayoutInfo, title: Box): LogoRows {
  // Once per look (set, cover layout and pictures) and title: every deck of a build asks again.
  const look = layoutLook(set, cover);
  let found = rowsOf.get(look);
  if (!found) rowsOf.set(look, (found = new Map()));
  const key = `${title.x},${title.y},${title.w},${title.h}`;
  let rows = found.get(key);
  if (!rows) found.set(key, (rows = keptOrFound(set, cover, look, title)));
  return { rows: rows.rows.map((r) => ({ ...r, band: { ...r.band } })), fallback: { ...rows.fallback } };
}

const rowsOf = new WeakMap<LayoutLook, Map<string, LogoRows>>();

/** The rows an earlier build found for this template, cover, title and pictures (template-store.ts), else found and kept. */
function keptOrFound(set: MasterSet, cover: LayoutInfo, look: LayoutLook, title: Box): LogoRows {
  const entry = templateEntryOf(set);
  const kept = entry && keptRows(entry.dir, entry.key, cover.part, title, set.pictures);
  const earlier = kept?.get();
  if (earlier) return earlier;
  const rows = findRows(set, look, title);
  kept?.keep(rows);
  return rows;
}

/** The least band height tried, in inches: the logos 0.56 in high at most in it. */
const MIN_BAND = 0.8;

function findRows(set: MasterSet, look: LayoutLook, title: Box): LogoRows {
  const { w, h } = set.size;
  const height = Math.min(BAND_H, h / 5);
  const full = w - 2 * SIDE;
  const rows: LogoBand[] = [];
  for (let tall = height; tall >= MIN_BAND - 1e-9; tall -= STEP) {
    const row = lowestRow(look, { w, h }, full, tall, title.y);
    if (row) rows.push(row);
  }
  const band = { x: SIDE, y: h - FOOT - height, w: full, h: height };
  const { ground, free } = columnsOf(look, band);
  const onArt = free.some((ok) => !ok) && look.art.some((a) => overlaps(a, band));
  return { rows, fallback: { band, backing: onArt || ground < LIGHT, onArt } };
}

/** The lowest row `tall` high below `top` that holds the logos in one row, else the one with the widest free stretch (≥ 1.5 in). */
function lowestRow(look: LayoutLook, size: { w: number; h: number }, full: number, tall: number, top: number) {
  let best: { band: Box; ground: number } | undefined;
  for (let y = size.h - FOOT - tall; y >= top - 1e-9; y -= STEP) {
    const row = { x: SIDE, y, w: full, h: tall };
    const clear = clearOfArt(look, row);
    // A row's free stretch lies within one clear of art: a row whose widest clear stretch is no wider
    // than the best so far (and too narrow to end the search) cannot be taken, and is not sampled.
    const most = best && widestFree(row, clear).w;
    if (most !== undefined && most <= best!.band.w + 1e-9 && most < full * ROW_SHARE) continue;
    const { ground, free } = columnsOf(look, row, clear);
    const band = widestFree(row, free);
    if (!best || band.w > best.band.w + 1e-9) best = { band, ground };
    if (band.w >= full * ROW_SHARE) break;
  }
  return best && best.band.w >= 1.5 ? { band: best.band, backing: best.ground < LIGHT } : undefined;
}
