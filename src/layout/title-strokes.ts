/**
 * A template's line art over the title's place (Yellow_Idea's small white tick marks, which the
 * master draws above its bottom-anchored title): the titles of one planned slide's slides — a
 * section continued «(forts.)» — are set a point or a few smaller, together, where that keeps all
 * their lines off the art. Together, because a series whose titles jump in size from one slide to
 * the next (24 pt, then 28 pt over the mark) looks more unplanned than the mark does.
 */
import { commonParts } from '../kinds/common-parts.js';
import { ptToInch } from '../units.js';
import { layoutParagraphs } from './measure-text.js';
import type { Page } from './page.js';
import { clipped, type Segment } from './segments.js';
import { type Fitted, fitBox, titleRequest } from './text-box.js';
import type { Box, LaidOutSlide, SlideElement, TextElement } from './types.js';

/** A stroke crossing this much (inches) of a title's line strikes through its letters (the check's art rule's STRUCK). */
export const STRUCK = 0.1;

/** A bottom-anchored text's lines as drawn in its box (inches), the last line first. */
function lineBoxes(e: TextElement): Box[] {
  const { style, box } = e;
  const inner = box.w - style.insets.left - style.insets.right;
  let bottom = box.y + box.h - style.insets.bottom;
  return [...layoutParagraphs(e.paragraphs, style, box.w).lines].reverse().map((line) => {
    const [w, h] = [ptToInch(line.width), ptToInch(line.height)];
    const free = inner - w;
    const x = box.x + style.insets.left + (style.align === 'center' ? free / 2 : style.align === 'right' ? free : 0);
    bottom -= h;
    const drawn = { x, y: bottom, w, h };
    bottom -= ptToInch(line.spaceBefore);
    return drawn;
  });
}

/** Whether a line of the template's art runs through one of the text's lines. */
const struck = (e: TextElement, strokes: readonly Segment[]): boolean =>
  lineBoxes(e).some((line) => strokes.some((s) => (clipped(s, line)?.length ?? 0) >= STRUCK));

/** A title's text as given: fitting may have put soft hyphens into a long word. */
const plainText = (e: TextElement): string =>
  e.paragraphs
    .map((p) => p.runs.map((r) => r.text).join(''))
    .join('\n')
    .replaceAll('\u00ad', '');

const isTitle = (e: SlideElement): e is TextElement => e.type === 'text' && e.name === commonParts.title.name();

/** Each title at `size`, where every one fits there and none is struck; else undefined. */
function clearAt(page: Page, titles: readonly TextElement[], size: number, strokes: readonly Segment[]) {
  const fitted: Fitted[] = [];
  for (const title of titles) {
    const tried = fitBox(page, { ...titleRequest(page, plainText(title)), maxSize: size, minSize: size });
    if (!tried.fits || struck(tried.element, strokes)) return undefined;
    fitted.push(tried);
  }
  return fitted;
}

/**
 * The slides of one planned slide with their titles at one size: the largest, at most the smallest
 * they were given and not below the theme's floor for titles, at which none of them runs over the
 * template's line art; as they were where none did, or where no such size exists. On Yellow_Idea
 * «Kommunikasjonsplanen – dette gjelder ledere og tillitsvalgte» and its «(forts.)» took two lines at
 * 28 pt, the mark on the dash of the first; both clear it at 21 pt, one line each. The floor, not
 * 4/5 of the size (round 16): a mark on a title's letters reads as a mistake, a long title set
 * smaller as planned (looked at both, rendered: /work/notes/round17/r17-looks.md).
 */
export function titlesOffStrokes(page: Page, slides: LaidOutSlide[]): LaidOutSlide[] {
  const strokes = page.template?.titleStrokes;
  if (!strokes || page.template?.titleOnBand) return slides;
  const titles = slides.flatMap((s) => s.elements.filter(isTitle));
  if (!titles.some((t) => struck(t, strokes))) return slides;
  const sizes = titles.map((t) => t.style.fontSize);
  // No smaller than a long title may become anyway to fit its place (the theme's floor for titles).
  const least = titleRequest(page, '').minSize ?? 0;
  for (let size = Math.min(...sizes); size >= least; size -= 1) {
    const fitted = clearAt(page, titles, size, strokes);
    if (!fitted) continue;
    const at = new Map(titles.map((t, i) => [t, fitted[i]!.element]));
    return slides.map((s) => ({ ...s, elements: s.elements.map((e) => (isTitle(e) ? (at.get(e) ?? e) : e)) }));
  }
  return slides;
}
