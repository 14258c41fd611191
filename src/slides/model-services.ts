/**
 * The joint body's services in the model diagram: boxes in a grid inside the joint
 * body's own shape, under its name, so they read as belonging to it (not to a member).
 * One row up to six services, two rows from seven (twelve at most, as the schema allows).
 */
import { model } from '../kinds/model.js';
import type { Page } from '../layout/page.js';
import { fittedShape, textHeight, textStyle } from '../layout/text-box.js';
import type { Box, ShapeElement } from '../layout/types.js';

/** Height of the band holding the joint body's name, padding around the grid, inches. */
export const NAME_H = 0.5;
const PAD = 0.1;
const MIN_BOX_H = 0.45;

/** Up to six in a row, two rows from seven; `oneRow` puts them all in one row when two are too tall. */
function serviceGrid(count: number, oneRow = false): { perRow: number; rows: number } {
  const perRow = count <= 6 || oneRow ? count : Math.ceil(count / 2);
  return { perRow: Math.max(1, perRow), rows: count === 0 ? 0 : Math.ceil(count / Math.max(1, perRow)) };
}

/** Height of one service box: what the longest name needs at the floor (two lines for most), within limits. */
function boxHeight(page: Page, services: string[], boxW: number): number {
  const style = textStyle(page, { size: Math.max(page.theme.sizes.minBody, 14), align: 'center' });
  const need = Math.max(...services.map((text) => textHeight([{ runs: [{ text }] }], style, boxW)));
  // As tall as the longest name needs at the floor: a box never holds less than its text.
  return Math.max(MIN_BOX_H, need);
}

/** Width of each box for a joint body `width` wide. */
const MAX_BOX_W = 2.6;
/** A few services keep service-sized boxes (at most 2.6 in), centred, rather than bars across the joint body. */
const boxWidth = (width: number, perRow: number): number => Math.min(MAX_BOX_W, (width - PAD * (perRow + 1)) / perRow);

/** Height the joint body needs to hold its name and the services' grid, inches. */
export function jointHeight(page: Page, services: string[], width: number, oneRow = false): number {
  if (services.length === 0) return 0;
  const { perRow, rows } = serviceGrid(services.length, oneRow);
  return NAME_H + rows * (boxHeight(page, services, boxWidth(width, perRow)) + PAD);
}

/** The service boxes inside `joint`, all at one size (the smallest any box needs). */
export function serviceShapes(page: Page, services: string[], joint: Box, oneRow = false): ShapeElement[] {
  if (services.length === 0) return [];
  const { colors, sizes } = page.theme;
  const { perRow } = serviceGrid(services.length, oneRow);
  const w = boxWidth(joint.w, perRow);
  const h = boxHeight(page, services, w);
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
    const box = { x: left + (i - row * perRow) * (w + PAD), y: joint.y + NAME_H + row * (h + PAD), w, h };
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
