/**
 * The template's art on a built slide, as the art tests read it: the master's and layout's own
 * shapes and pictures, not a full-slide background, not a hairline (thinner than 0.1 in).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { backdropPictures } from '../../src/check/backdrop-pictures.js';
import { checkDeck } from '../../src/check/check-deck.js';
import { measureFrame } from '../../src/check/measure-frame.js';
import { drawnBox } from '../../src/check/rules/slide-geometry.js';
import type { ShapeModel, SlideModel } from '../../src/check/types.js';
import type { Box } from '../../src/layout/types.js';

/** True when the boxes overlap by more than 0.02 in both ways (touching edges do not count). */
export const boxesMeet = (a: Box, b: Box): boolean =>
  Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 0.02 &&
  Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 0.02;

/** The boxes of the art behind `slide`, on a slide of `size` inches. */
export function templateArtBoxes(slide: SlideModel, size: { w: number; h: number }): Box[] {
  return (slide.behind ?? []).flatMap((e) =>
    e.box &&
    (e.kind === 'picture' || (e.kind === 'shape' && e.fill !== null)) &&
    e.box.w * e.box.h < 0.8 * size.w * size.h &&
    Math.min(e.box.w, e.box.h) >= 0.1
      ? [e.box]
      : [],
  );
}

/** Where a shape's text lines are (as tall as they measure, placed by the anchor), else its drawn box. */
export function linesBox(e: ShapeModel): Box | undefined {
  if (!e.box || !e.text?.paragraphs.some((p) => p.runs.some((r) => r.text.trim() !== ''))) return drawnBox(e);
  const { insets, anchor } = e.text;
  const need = Math.min(
    e.box.h,
    measureFrame(e.text, e.box.w - insets.left - insets.right).height + insets.top + insets.bottom,
  );
  const offset = anchor === 'ctr' ? (e.box.h - need) / 2 : anchor === 'b' ? e.box.h - need : 0;
  return { ...e.box, y: e.box.y + offset, h: need };
}

/** The `art` rule's findings on a deck, with its backdrop pictures decoded as the build does. */
export async function artFindings(bytes: Uint8Array) {
  const pictures = await backdropPictures(bytes);
  return checkDeck(bytes, { minBodySize: 9, pictures }).filter((f) => f.rule === 'art');
}

/** `bytes` with each shape and picture named by `name` in `part` replaced by what `change` makes of its XML. */
function reshaped(bytes: Uint8Array, part: string, name: RegExp, change: (shape: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[part] = strToU8(
    strFromU8(files[part]!).replace(/<p:(sp|pic)>[\s\S]*?<\/p:\1>/g, (shape) =>
      name.test(/<p:cNvPr [^>]*name="([^"]*)"/.exec(shape)?.[1] ?? '') ? change(shape) : shape,
    ),
  );
  return zipSync(files);
}

/** `bytes` with the shapes and pictures named by `name` in `part` (each with a position of its own) moved down by `dy` inches. */
export function movedDown(bytes: Uint8Array, part: string, name: RegExp, dy: number): Uint8Array {
  return reshaped(bytes, part, name, (shape) =>
    shape.replace(
      /<a:off x="(\d+)" y="(\d+)"\/>/,
      (_m, x, y) => `<a:off x="${x}" y="${Number(y) + Math.round(dy * 914_400)}"/>`,
    ),
  );
}

/** `bytes` without the shapes and pictures named by `name` in `part`. */
export const withoutShapes = (bytes: Uint8Array, part: string, name: RegExp): Uint8Array =>
  reshaped(bytes, part, name, () => '');
