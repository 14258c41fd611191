/**
 * Where a slide's content is, for the design rules: the area between the title and the
 * footer, and how much of it the content covers (text frames by the height their text
 * needs, tables by their rows, shapes and pictures by their boxes). Inches.
 */
import { commonParts } from '../../kinds/common-parts.js';
import { partRole } from '../../kinds/index.js';
import type { Box } from '../../layout/types.js';
import { measureFrame } from '../measure-frame.js';
import type { ElementModel, SlideModel } from '../types.js';
import { isFooter, isTitle } from './elements.js';
import { measureRows } from './overflow.js';

/** Elements that frame every slide rather than carry its content. */
export function isChrome(e: ElementModel): boolean {
  return (
    isTitle(e) ||
    isFooter(e) ||
    commonParts.title.match(e.name.trim()) !== undefined ||
    partRole(e.name) === 'decoration'
  );
}

const drawn = new WeakMap<ElementModel, Box | undefined>();

/** The element's drawn extent: a text frame without fill only as tall as its text (measured once). */
export function drawnBox(e: ElementModel): Box | undefined {
  if (!drawn.has(e)) drawn.set(e, measureDrawn(e));
  return drawn.get(e);
}

function measureDrawn(e: ElementModel): Box | undefined {
  if (!e.box) return undefined;
  if (e.kind === 'table') return { ...e.box, h: measureRows(e).reduce((a, b) => a + b, 0) };
  if (e.kind === 'shape' && e.text && e.fill === null && !e.geometry?.match(/Arrow|chevron|homePlate/)) {
    const { insets } = e.text;
    const need = Math.min(
      e.box.h,
      measureFrame(e.text, e.box.w - insets.left - insets.right).height + insets.top + insets.bottom,
    );
    // The text sits where its frame anchors it: a centred statement is drawn in the middle.
    const offset = e.text.anchor === 'ctr' ? (e.box.h - need) / 2 : e.text.anchor === 'b' ? e.box.h - need : 0;
    return { ...e.box, y: e.box.y + offset, h: need };
  }
  return e.box;
}

/**
 * The area content may use: below the title, above the footer, and above a template's art
 * that ends it (a picture band along the bottom that starts in the area's lower part and spans
 * most of the slide), as the layout keeps text off it (template/template-design.ts).
 */
function contentArea(slide: SlideModel, size: { w: number; h: number }, cover = false): Box {
  // A cover's title is its content: the area is the whole slide's.
  const title = cover ? undefined : slide.elements.find((e) => isTitle(e) && e.box);
  // A template may put its title at the foot of the slide (pptxgenjs-4x3): the content is then above it.
  const titleBelow = title?.box !== undefined && title.box.y > size.h / 2 ? title.box.y : undefined;
  const top = title?.box && titleBelow === undefined ? title.box.y + title.box.h : 0;
  // Footers bound the content from below; a slide number a template puts at the top does not.
  const footers = slide.elements
    .filter((e) => isFooter(e) && e.box && e.box.y > top && e.box.y > size.h / 2)
    .map((e) => e.box!.y);
  let bottom = Math.min(size.h, ...footers, ...(titleBelow === undefined ? [] : [titleBelow]));
  for (const art of slide.behind ?? []) {
    const b = art.box;
    const seen = art.kind === 'picture' || (art.kind === 'shape' && art.fill && art.fill !== slide.background);
    // On a cover, art only from the slide's lower half (Pencil's title page draws its line under the title).
    const lower = top + (cover ? 0.5 : 0.25) * (bottom - top);
    if (seen && b && b.w >= 0.5 * size.w && b.y > lower && b.y < bottom && b.y - top >= 1) bottom = b.y;
  }
  return { x: 0, y: top, w: size.w, h: Math.max(0.01, bottom - top) };
}

/** Share (0..1) of the content area's height that the content spans, top to bottom. */
export function contentShare(slide: SlideModel, size: { w: number; h: number }): number {
  const boxes = slide.elements.filter((e) => !isChrome(e)).flatMap((e) => drawnBox(e) ?? []);
  if (boxes.length === 0) return 0;
  const area = contentArea(slide, size);
  const top = Math.max(area.y, Math.min(...boxes.map((b) => b.y)));
  const bottom = Math.min(area.y + area.h, Math.max(...boxes.map((b) => b.y + b.h)));
  return Math.max(0, bottom - top) / area.h;
}

/**
 * The tallest stretch of the content area, as a share of it (0..1), that no content crosses:
 * above the first element, between two, or below the last. On a cover, of the whole slide
 * above its footers, the title counted as content.
 */
export function largestGap(slide: SlideModel, size: { w: number; h: number }, cover = false): number {
  const area = contentArea(slide, size, cover);
  const spans = slide.elements
    .filter((e) => !isChrome(e) || (cover && isTitle(e)))
    .flatMap((e) => drawnBox(e) ?? [])
    .map((b) => [Math.max(area.y, b.y), Math.min(area.y + area.h, b.y + b.h)] as const)
    .filter(([top, bottom]) => bottom > top)
    .sort((a, b) => a[0] - b[0]);
  let gap = 0;
  let reached = area.y;
  for (const [top, bottom] of spans) {
    gap = Math.max(gap, top - reached);
    reached = Math.max(reached, bottom);
  }
  return Math.max(gap, area.y + area.h - reached) / area.h;
}

/** Title text of a slide, one line. */
export function slideTitle(slide: SlideModel): string {
  const title = slide.elements.find(isTitle);
  const text =
    title?.kind === 'shape' ? title.text?.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ') : '';
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * True when `title` continues `base`: "Title (forts.)", "Title (framh. 2)", "Title (cont.)".
 * Language-neutral: a short parenthesised tail after an earlier slide's title.
 */
export function continues(title: string, base: string): boolean {
  if (!base || !title.startsWith(`${base} (`) || !title.endsWith(')')) return false;
  return title.length - base.length <= 16;
}
