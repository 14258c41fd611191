/**
 * A deck → where each slide's footer and headings fall on its PDF page, in PDF points with y
 * upwards: the slide is scaled onto the page (LibreOffice keeps the slide's proportions).
 * A footer placeholder without its own `a:xfrm` (a deck on a template) is where its layout,
 * or else its master, puts that placeholder; failing both, the page's bottom twelfth.
 * Headings are heading shapes, and heading paragraphs a text declares (heading-paragraphs.ts).
 */
import { firstTarget, partRoot } from '../../ooxml/package.js';
import { attr, child, descendants, numberAttr } from '../../ooxml/xml.js';
import { EMU_PER_INCH } from '../../units.js';
import { frameText } from '../read-text.js';
import { isFooter, isHeading } from '../rules/elements.js';
import type { Box } from '../../layout/types.js';
import type { DeckModel, ElementModel } from '../types.js';
import { declaredHeadings, shownParagraphs } from './heading-paragraphs.js';
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
  return deck.slides.map((slide) => {
    const declared = declaredHeadings(deck, slide.part);
    // A heading paragraph: the shape's box, and its place among the shape's paragraphs.
    const paragraphs = slide.elements.flatMap((e) => {
      const places = declared.get(e.id);
      if (!places || e.kind !== 'shape' || !e.box || !e.text) return [];
      const shown = shownParagraphs(e.text.paragraphs);
      return places.flatMap((paragraph) =>
        shown[paragraph] ? [{ box: toPage(e.box!), text: shown[paragraph]!, paragraph }] : [],
      );
    });
    return {
      footers: slide.elements.filter(isFooter).map((e) => {
        const box = e.box ?? inheritedBox(deck, slide.part, e);
        return box ? toPage(box) : band;
      }),
      headings: [
        ...slide.elements
          .filter(isHeading)
          .flatMap((e) =>
            e.box && e.text ? [{ box: toPage(e.box), text: frameText(e.text).replace(/\s+/g, ' ').trim() }] : [],
          ),
        ...paragraphs,
      ],
    };
  });
}

/** The rectangle's centre lies in one of `areas` (each grown by `margin` points). */
export function centreIn(box: Rect | undefined, areas: readonly Rect[], margin = 2): boolean {
  if (!box) return false;
  const x = (box.x0 + box.x1) / 2;
  const y = (box.y0 + box.y1) / 2;
  return areas.some((a) => x >= a.x0 - margin && x <= a.x1 + margin && y >= a.y0 - margin && y <= a.y1 + margin);
}

/** Where the slide's layout (or else its master) places the placeholder `e` stands for. */
function inheritedBox(deck: DeckModel, slidePart: string, e: ElementModel): Box | undefined {
  const type = e.kind === 'shape' ? e.placeholder : undefined;
  if (type === undefined) return undefined;
  const layout = firstTarget(deck.package, slidePart, '/slideLayout');
  const master = layout ? firstTarget(deck.package, layout, '/slideMaster') : undefined;
  for (const part of [layout, master]) {
    if (!part) continue;
    const shape = descendants(partRoot(deck.package, part), 'p:sp').find((sp) =>
      descendants(sp, 'p:ph').some((ph) => (attr(ph, 'type') ?? 'obj') === type),
    );
    const xfrm = descendants(shape, 'a:xfrm')[0];
    const off = child(xfrm, 'a:off');
    const ext = child(xfrm, 'a:ext');
    if (off && ext) {
      const inch = (el: typeof off, name: string) => (numberAttr(el, name) ?? 0) / EMU_PER_INCH;
      return { x: inch(off, 'x'), y: inch(off, 'y'), w: inch(ext, 'cx'), h: inch(ext, 'cy') };
    }
  }
  return undefined;
}
