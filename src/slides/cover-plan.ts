/**
 * A template's cover, planned as a whole: its title, the meeting lines under it and the row of
 * logos share the room above the template's art. The template offers rows for the logos of
 * several heights off its art (template/logo-band.ts); the texts need what they measure. In
 * order, the first that fits is taken:
 * 1. the texts where the template puts them, at their own sizes, over the tallest row below them;
 * 2. the title block moved up: within the title's place (its lines at the place's top, the
 *    meeting lines close under them), and then, as little as the lines need, above it into up
 *    to half the free room the template leaves over the title (template-design.ts liftRoom);
 * 3. so moved, both texts a little smaller, step by step down to their least sizes.
 * A row counts only while its logos stay near the size the full band gives them. Only when
 * none fits do the logos go on the band across the slide's foot, on a light backing where that
 * is on the art, and the build warns naming the deck and slide (Blue Curve's wave, Vivid's band
 * under a long meeting line are what this is for: a lower band alone took the lines' room).
 */
import { english, said } from '../messages/catalogue.js';
import type { LogoBand, Page } from '../layout/page.js';
import { fitBox, type FitRequest, type Fitted } from '../layout/text-box.js';
import type { Box } from '../layout/types.js';

export interface CoverPlan {
  /** The logos' row and whether it needs a backing. */
  logos: LogoBand;
  /** The title's box, and its size when smaller than the title's own in its place. */
  title: Box;
  titleSize?: number;
  /** The meeting lines' box, ending above the logos' row, and their size when smaller. */
  details: Box;
  linesSize?: number;
  /** Set when the logos had to go on the art: the build's warning for the deck and slide. */
  adapted?: string;
}

/** Logos are wide marks (about 5:1); each gets a 4:1 box and keeps its aspect ratio inside it (contain). */
const LOGO_ASPECT = 4;
/** The largest logo box's width, in inches, and the gap between boxes as a share of a box's width. */
const LOGO_MAX_W = 2.8;
const LOGO_GAP = 0.45 / LOGO_MAX_W;
/** Below this box width (inches) one row gets cramped, so the logos go on two rows. */
const LOGO_MIN_ROW_W = 1.5;
/** Space above, below and between rows inside the band, in inches. */
const BAND_PADDING = 0.12;
const ROW_GAP = 0.15;

/**
 * Logo boxes in the band, as large as fit (at most 2.8 × 0.7 in): one row while the boxes stay
 * at least 1.5 in wide, else two rows (the first row takes the odd one). Nothing leaves the band,
 * whatever the count. Each row is right-aligned in the band (Trappa's design, under its
 * left-aligned title block), or with `centre` (a template's cover, whose texts the template
 * mostly centres) centred there, the slide's middle, where the row stays inside the band (the
 * band is a stretch off the template's art: template/logo-band.ts), else centred in the band.
 */
export function logoBoxes(count: number, band: Box, centre?: number): Box[] {
  if (count === 0) return [];
  const widthFor = (rows: number): number => {
    const perRow = Math.ceil(count / rows);
    const rowH = (band.h - 2 * BAND_PADDING - (rows - 1) * ROW_GAP) / rows;
    return Math.min(LOGO_MAX_W, band.w / (perRow + LOGO_GAP * (perRow - 1)), rowH * LOGO_ASPECT);
  };
  const rows = widthFor(1) >= LOGO_MIN_ROW_W || count === 1 ? 1 : 2;
  const w = widthFor(rows);
  const h = w / LOGO_ASPECT;
  const gap = w * LOGO_GAP;
  const perRow = Math.ceil(count / rows);
  const blockH = rows * h + (rows - 1) * ROW_GAP;
  const top = band.y + (band.h - blockH) / 2;
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, count - row * perRow);
    const rowW = inRow * w + (inRow - 1) * gap;
    return { x: rowStart(band, rowW, centre) + (i - row * perRow) * (w + gap), y: top + row * (h + ROW_GAP), w, h };
  });
}

/** Where a row `rowW` wide starts in the band (logoBoxes). */
function rowStart(band: Box, rowW: number, centre: number | undefined): number {
  if (centre === undefined) return band.x + band.w - rowW;
  const x = centre - rowW / 2;
  return x >= band.x - 1e-9 && x + rowW <= band.x + band.w + 1e-9 ? x : band.x + (band.w - rowW) / 2;
}

/** Gap between the meeting lines' box and the logos' band, in inches. */
const GAP = 0.05;
/** A row counts while its logos are at least this share of their height in the full band. */
const LOGO_SHARE = 0.75;
/** The texts' sizes as shares of their own, tried in turn (each down to its least size). */
const SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5];

const halfPoints = (size: number) => Math.round(size * 2) / 2;

/** The text fitted at exactly `size` in `box`, or undefined when it does not fit there. */
function fitsAt(page: Page, request: FitRequest, box: Box, size: number): Fitted | undefined {
  const { source: _, ...plain } = request;
  const fitted = fitBox(page, { ...plain, box, maxSize: size, minSize: size, fixed: true });
  return fitted.fits ? fitted : undefined;
}

/** The meeting lines' place, ending above `band` where that rises into it (at least 0.5 in high). */
function linesAbove(sub: Box, band: Box): Box {
  if (band.y - GAP >= sub.y + sub.h) return sub;
  return { ...sub, h: Math.max(0.5, band.y - GAP - sub.y) };
}

/**
 * The cover on a template with `logos` logos: the title's and the lines' boxes and sizes and the
 * logos' row. `title` and `details` are the texts as the cover sets them in its own places.
 */
export function planCover(page: Page, title: FitRequest, details: FitRequest, logos: number): CoverPlan {
  const cover = page.template!.cover;
  const { rows, fallback } = cover.logos!;
  const sub = cover.subtitle;
  const last = () => {
    const adapted = fallback.onArt ? english(said('adapt.coverLogos')) : undefined;
    return {
      logos: fallback,
      title: cover.title,
      details: linesAbove(sub, fallback.band),
      ...(adapted ? { adapted } : {}),
    };
  };
  const ownTitle = fitBox(page, { ...title, source: undefined });
  const ownLines = fitBox(page, { ...details, source: undefined });
  // Texts that do not fit their own places are refused as they are (the caller fits them with their source).
  if (!ownTitle.fits || !ownLines.fits || logos === 0) return last();
  const idealH = logoBoxes(logos, fallback.band)[0]!.h;
  const usable = rows.filter((r) => logoBoxes(logos, r.band)[0]!.h >= LOGO_SHARE * idealH - 1e-9);
  const titleSize = ownTitle.element.style.fontSize;
  const linesSize = ownLines.element.style.fontSize;
  // 1. As the template places them.
  for (const row of usable) {
    const box = linesAbove(sub, row.band);
    if (box.y + box.h <= row.band.y - GAP + 1e-9 && fitsAt(page, details, box, linesSize))
      return { logos: row, title: cover.title, details: box };
  }
  // 2 and 3. The title block at the top of the title's place (a title on the master's band stays
  // on it), then smaller, the lines as far under the title as the template sets them.
  const gap = Math.max(GAP, sub.y - (cover.title.y + cover.title.h));
  const titleMin = Math.min(title.minSize ?? page.theme.sizes.minBody, titleSize);
  const linesMin = Math.min(details.minSize ?? page.theme.sizes.minBody, linesSize);
  const lift = cover.onBand ? 0 : (cover.lift ?? 0);
  let tried = '';
  for (const scale of SCALES) {
    const tSize = Math.max(titleMin, halfPoints(titleSize * scale));
    const lSize = Math.max(linesMin, halfPoints(linesSize * scale));
    if (`${tSize}/${lSize}` === tried) continue;
    tried = `${tSize}/${lSize}`;
    const set = fitsAt(page, title, cover.title, tSize);
    const lines = fitsAt(page, details, { ...sub, h: page.size.h - sub.y }, lSize);
    if (!set || !lines) continue;
    const titleBox = cover.onBand ? cover.title : { ...cover.title, h: Math.min(cover.title.h, set.height + GAP) };
    const linesTop = Math.min(sub.y, titleBox.y + titleBox.h + gap);
    for (const row of usable) {
      const bottom = Math.min(row.band.y - GAP, sub.y + sub.h);
      // As little higher as the lines need, no more than the cover allows.
      const rise = Math.max(0, linesTop + lines.height - bottom);
      if (rise > lift + 1e-9) continue;
      const box = { ...sub, y: linesTop - rise, h: bottom - linesTop + rise };
      if (box.h > 0 && fitsAt(page, details, box, lSize))
        return {
          logos: row,
          title: { ...titleBox, y: titleBox.y - rise },
          details: box,
          ...(tSize < titleSize ? { titleSize: tSize } : {}),
          ...(lSize < linesSize ? { linesSize: lSize } : {}),
        };
    }
  }
  return last();
}
