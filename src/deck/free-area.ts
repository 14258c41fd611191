/**
 * A slide on a template whose body place is small (page.template.free): laid out on the body
 * place first, which its text inherits (PowerPoint's *Reset slide* keeps it there), and on the
 * free area under the title too; the free area wins only when it holds the content on fewer
 * slides, or keeps more of it on the slide (a diagram not told as a list, no text moved to
 * the speaker notes). Built-in designs and templates with a reasonable body place are laid out once.
 */
import type { Page } from '../layout/page.js';
import { LayoutIssue } from '../layout/text-box.js';
import type { Box, LaidOutSlide } from '../layout/types.js';

/** What a layout costs its audience: a slide more weighs most, then a diagram adapted, then text in the notes. */
function cost(slides: readonly LaidOutSlide[]): number {
  const adapted = slides.filter((s) => s.adapted).length;
  const moved = slides.filter((s) => s.notes).length;
  return slides.length * 4 + adapted * 2 + moved;
}

/**
 * The page with the free area as its body: with the template's places for two texts (which lie
 * in the body place), and without them, so that two texts may take the free area too.
 */
function freePages(page: Page, free: Box): Page[] {
  const { slots: _, ...template } = page.template!;
  return [
    { ...page, body: free },
    { ...page, body: free, template },
  ];
}

/** Texts besides the title: on the free area each leaves its place for a position of its own. */
const ownTexts = (slides: readonly LaidOutSlide[]): number =>
  slides.reduce((n, s) => n + Math.max(0, s.elements.filter((e) => e.type === 'text').length - 1), 0);

/**
 * The layout of least cost; the earlier of two that cost the same. On the free area each text
 * costs one more (ownTexts), so the free area must save more than it takes from the template's
 * inheritance: a slide, or a diagram kept whole, not one slide of two columns for three of them.
 */
function cheapest<T extends { slides: LaidOutSlide[] }>(onBody: T | undefined, onFree: T[]): T {
  const scored = [
    ...(onBody ? [{ layout: onBody, cost: cost(onBody.slides) }] : []),
    ...onFree.map((layout) => ({ layout, cost: cost(layout.slides) + ownTexts(layout.slides) })),
  ];
  return scored.reduce((a, b) => (b.cost < a.cost ? b : a)).layout;
}

export function onBodyOrFreeArea<T extends { slides: LaidOutSlide[] }>(page: Page, build: (page: Page) => T): T {
  const free = page.template?.free;
  let onBody: T;
  try {
    onBody = build(page);
  } catch (error) {
    // Nothing of it fits the body place even at the smallest size: the free area may hold it.
    if (!free || !(error instanceof LayoutIssue)) throw error;
    return cheapest(undefined, freePages(page, free).map(build));
  }
  // One slide holding all of it: nothing to gain.
  if (!free || cost(onBody.slides) <= 4) return onBody;
  return cheapest(onBody, freePages(page, free).map(build));
}
