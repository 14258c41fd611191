/**
 * A deck → where each slide's footer and headings fall on its PDF page, in PDF points with y
 * upwards: the slide is scaled onto the page (LibreOffice keeps the slide's proportions).
 * A footer that inherits its position (a placeholder without `a:xfrm`) stands for the page's
 * bottom band, the lowest twelfth: where footers are on every usual slide design.
 */
import { frameText } from '../read-text.js';
import { isFooter, isHeading } from '../rules/elements.js';
import type { DeckModel } from '../types.js';
import type { Rect, SlideRegions } from './types.js';

export interface PageSize {
  width: number;
  height: number;
}

export function slideRegions(deck: DeckModel, page: PageSize): SlideRegions[] {
  const sx = page.width / deck.size.w;
  const sy = page.height / deck.size.h;
  const toPage = (b: { x: number; y: number; w: number; h: number }): Rect => ({
    x0: b.x * sx,
    y0: page.height - (b.y + b.h) * sy,
    x1: (b.x + b.w) * sx,
    y1: page.height - b.y * sy,
  });
  const band: Rect = { x0: 0, y0: 0, x1: page.width, y1: page.height / 12 };
  return deck.slides.map((slide) => ({
    footers: slide.elements.filter(isFooter).map((e) => (e.box ? toPage(e.box) : band)),
    headings: slide.elements
      .filter(isHeading)
      .flatMap((e) =>
        e.box && e.text ? [{ box: toPage(e.box), text: frameText(e.text).replace(/\s+/g, ' ').trim() }] : [],
      ),
  }));
}

/** The rectangle's centre lies in one of `areas` (each grown by `margin` points). */
export function centreIn(box: Rect | undefined, areas: readonly Rect[], margin = 2): boolean {
  if (!box) return false;
  const x = (box.x0 + box.x1) / 2;
  const y = (box.y0 + box.y1) / 2;
  return areas.some((a) => x >= a.x0 - margin && x <= a.x1 + margin && y >= a.y0 - margin && y <= a.y1 + margin);
}
