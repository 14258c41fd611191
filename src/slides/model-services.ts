/**
 * The joint body's services in the model diagram: boxes in a grid inside the joint
 * body's own shape, under its name, so they read as belonging to it (not to a member).
 * One row up to six services, two rows from seven (twelve at most, as the schema allows);
 * more rows of wider boxes where a service's longest word would not fit a box whole.
 */
import { model } from '../kinds/model.js';
import type { Page } from '../layout/page.js';
import { fittedShape, textHeight, textStyle, wordsFit } from '../layout/text-box.js';
import type { Box, ShapeElement } from '../layout/types.js';

/**
 * How tightly the grid is set: as usual (the name band 0.5 in, boxes measured at 14 pt or the
 * floor), or compact where the diagram's area is short (a 0.4 in band, boxes measured at the floor).
 */
export type Density = 'usual' | 'compact';

/** Height of the band holding the joint body's name, inches. */
export const nameHeight = (density: Density): number => (density === 'compact' ? 0.4 : 0.5);
/** Padding around the grid, inches. */
const PAD = 0.1;
const MIN_BOX_H = 0.45;

function serviceGrid(count: number, perRow: number): { perRow: number; rows: number } {
  const per = Math.max(1, Math.min(count, perRow));
  return { perRow: per, rows: count === 0 ? 0 : Math.ceil(count / per) };
}

/** Boxes per row tried, in order: up to six in a row, two rows from seven, then more rows of wider boxes, then one row. */
function gridCandidates(count: number): number[] {
  const first = count <= 6 ? count : Math.ceil(count / 2);
  const more = [2, 3, 4, 6].map((rows) => Math.ceil(first / rows)).filter((n) => n >= 1);
  return [...new Set([first, ...more.filter((n) => n < first), count])];
}

/** Every word of every service fits one line of a box `boxW` wide at the floor, so none is broken. */
function wholeWordsAt(page: Page, services: string[], boxW: number): boolean {
  const style = textStyle(page, { size: page.theme.sizes.minBody, align: 'center' });
  return wordsFit(
    services.map((text) => ({ runs: [{ text }] })),
    style,
    boxW,
    page.theme.sizes.minBody,
  );
}

/**
 * Boxes per row for the services in a joint body `width` wide: the first arrangement (see
 * gridCandidates) whose boxes hold every word whole and whose height stays within `maxHeight`;
 * else the lowest one that holds every word whole; else the usual one (where a word too long
 * for any box is hyphenated).
 */
export function chooseServiceGrid(
  page: Page,
  services: string[],
  width: number,
  maxHeight: number,
  density: Density = 'usual',
  band = nameHeight(density),
): number {
  const candidates = gridCandidates(services.length);
  const whole = candidates.filter((perRow) =>
    wholeWordsAt(page, services, boxWidth(width, serviceGrid(services.length, perRow).perRow)),
  );
  const height = (perRow: number) => jointHeight(page, services, width, perRow, density, band);
  const within = whole.find((perRow) => height(perRow) <= maxHeight);
  if (within !== undefined) return within;
  if (whole.length > 0) return whole.reduce((best, n) => (height(n) < height(best) ? n : best));
  return candidates[0] ?? 1;
}

/** Height of one service box: what the longest name needs at the floor (two lines for most), within limits. */
function boxHeight(page: Page, services: string[], boxW: number, density: Density): number {
  const floor = page.theme.sizes.minBody;
  const style = textStyle(page, { size: density === 'compact' ? floor : Math.max(floor, 14), align: 'center' });
  const need = Math.max(...services.map((text) => textHeight([{ runs: [{ text }] }], style, boxW, page.language)));
  // As tall as the longest name needs at the floor: a box never holds less than its text.
  return Math.max(MIN_BOX_H, need);
}

/** Width of each box for a joint body `width` wide. */
const MAX_BOX_W = 2.6;
/** A few services keep service-sized boxes (at most 2.6 in), centred, rather than bars across the joint body. */
const boxWidth = (width: number, perRow: number): number => Math.min(MAX_BOX_W, (width - PAD * (perRow + 1)) / perRow);

/**
 * Height the joint body needs to hold its name and the services' grid, inches: `band` is the
 * name's band (taller than the usual one where a long name needs more lines at the floor).
 */
export function jointHeight(
  page: Page,
  services: string[],
  width: number,
  wantedPerRow: number,
  density: Density = 'usual',
  band = nameHeight(density),
): number {
  if (services.length === 0) return 0;
  const { perRow, rows } = serviceGrid(services.length, wantedPerRow);
  return band + rows * (boxHeight(page, services, boxWidth(width, perRow), density) + PAD);
}

/** The service boxes inside `joint` under its name's `band`, all at one size (the smallest any box needs). */
export function serviceShapes(
  page: Page,
  services: string[],
  joint: Box,
  perRowWanted: number,
  density: Density = 'usual',
  band = nameHeight(density),
): ShapeElement[] {
  if (services.length === 0) return [];
  const { colors, sizes } = page.theme;
  const { perRow } = serviceGrid(services.length, perRowWanted);
  const w = boxWidth(joint.w, perRow);
  const h = boxHeight(page, services, w, density);
  const style = textStyle(page, {
    size: Math.min(sizes.body, 16),
    color: colors.primary,
    align: 'center',
    valign: 'middle',
  });
  const shapes = services.map((text, i): ShapeElement => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, services.length - row * perRow);
    // A shorter last row is centred under the full one.
    const left = joint.x + (joint.w - (inRow * w + (inRow - 1) * PAD)) / 2;
    const box = { x: left + (i - row * perRow) * (w + PAD), y: joint.y + band + row * (h + PAD), w, h };
    return fittedShape(page, {
      name: model.parts.service.name(text),
      shape: 'rect',
      box,
      fill: colors.secondary,
      paragraphs: [{ runs: [{ text }] }],
      style,
    });
  });
  const size = Math.min(...shapes.map((s) => s.style?.fontSize ?? sizes.body));
  return shapes.map((s) => ({ ...s, style: { ...s.style!, fontSize: size } }));
}
