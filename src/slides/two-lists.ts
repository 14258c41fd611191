/**
 * Two lists side by side under their headings (target groups: highest priority
 * and others). Each column shrinks on its own to the floor; if either still does
 * not fit, both continue on further slides, so the columns keep their places.
 */
import { below, columns, type Page } from '../layout/page.js';
import { continuedTitle, fitBox, splitToFit, textStyle, titleElements } from '../layout/text-box.js';
import type { Box, LaidOutSlide, Paragraph, SlideElement } from '../layout/types.js';

export interface Column {
  heading: string;
  items: Paragraph[];
}

export interface TwoListsContent {
  title: string;
  columns: Column[];
  /** A line under the columns, e.g. the legend of marked items. */
  note?: string;
}

const HEADING_H = 0.5;
const NOTE_H = 0.4;

function heading(page: Page, box: Box, text: string, index: number): SlideElement {
  const { colors, sizes } = page.theme;
  return {
    type: 'shape', name: `Heading ${index + 1}`, shape: 'rect', box: { ...box, h: HEADING_H },
    fill: index === 0 ? colors.primary : colors.secondary,
    paragraphs: [{ runs: [{ text }] }],
    style: textStyle(page, { heading: true, size: Math.min(sizes.body - 2, 18), bold: true, align: 'center', valign: 'middle', color: index === 0 ? colors.onPrimary : colors.primary }),
  };
}

export function layoutTwoLists(page: Page, content: TwoListsContent): LaidOutSlide[] {
  const { colors, sizes } = page.theme;
  const area: Box = content.note ? { ...page.body, h: page.body.h - NOTE_H } : page.body;
  // An empty column (say, no groups of lower priority) is left out rather than drawn empty.
  const filled = content.columns.filter((c) => c.items.length > 0);
  const shown = filled.length > 0 ? filled : content.columns;
  const cols = columns(area, shown.map(() => 1), 0.4);
  const style = textStyle(page, { size: sizes.body });
  const chunksPerColumn = shown.map((col, i) => splitToFit(page, col.items, style, below(cols[i]!, HEADING_H, 0.1)));
  const slideCount = Math.max(...chunksPerColumn.map((c) => c.length));
  const slides: LaidOutSlide[] = [];
  for (let s = 0; s < slideCount; s++) {
    const title = continuedTitle(page, content.title, s);
    const elements: SlideElement[] = [...titleElements(page, title)];
    // Both columns at one size, the smaller of their fitted sizes, so they read as a pair.
    const fitted = shown.map((col, i) =>
      fitBox(page, { name: `${col.heading} list`, box: below(cols[i]!, HEADING_H, 0.1), paragraphs: chunksPerColumn[i]?.[s] ?? [], style }),
    );
    const size = Math.min(...fitted.map((f) => f.element.style.fontSize));
    shown.forEach((col, i) => {
      // A column that ended on an earlier slide leaves its place empty, without a heading.
      if (s > 0 && (chunksPerColumn[i]?.[s] ?? []).length === 0) return;
      elements.push(heading(page, cols[i]!, col.heading, content.columns.indexOf(col)));
      const element = fitted[i]!.element;
      elements.push({ ...element, style: { ...element.style, fontSize: size } });
    });
    const marked = chunksPerColumn.some((chunks) => (chunks[s] ?? []).some((p) => p.runs.some((r) => r.highlight !== undefined || r.bold)));
    if (content.note && marked) {
      elements.push({
        type: 'text', name: 'Legend', box: { x: page.body.x, y: area.y + area.h, w: page.body.w, h: NOTE_H },
        paragraphs: [{ runs: [{ text: content.note, highlight: colors.highlight, bold: true }] }],
        style: textStyle(page, { size: Math.max(sizes.minBody, 14), color: colors.text, valign: 'bottom' }),
      });
    }
    slides.push({ title, background: colors.background, elements });
  }
  return slides;
}
