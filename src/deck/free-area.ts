/**
 * A slide on a template whose body place is small (page.template.free): laid out on the body
 * place first, which its text inherits (PowerPoint's *Reset slide* keeps it there), and on the
 * free area under the title too; the free area wins only when it holds the content on fewer
 * slides, or keeps more of it on the slide (a diagram not told as a list, no text moved to
 * the speaker notes). Built-in designs and templates with a reasonable body place are laid out once.
 *
 * Where the template's art leaves an L-shaped body (page.template.beside: Forestbird's trees),
 * a slide whose text the full-width part above the art shrank to the smallest size is laid out
 * in the tall part beside the art too, and set there when that costs no more and its text is
 * larger: lists at the smallest size above the trees, with the room beside them empty, read
 * worse than the same lists larger beside the trees. There the template's places for two texts
 * are as tall as that part (page.template.besideSlots), so target groups keep them.
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

/**
 * The page with the part beside the art as its body and the template's places for two texts in
 * that part (page.template.besideSlots: the one the art cuts into narrower, as tall as the part),
 * the room below the area kept; undefined where the places do not fit there.
 */
function besidePlaces(page: Page, beside: Box): Page | undefined {
  const { besideSlots, slots } = page.template!;
  if (!besideSlots?.columns && !besideSlots?.pairs) return undefined;
  return { ...page, body: beside, template: { ...page.template!, slots: { ...slots, ...besideSlots } } };
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

/** How much larger (pt) the main text must be beside the art for a slide to be set there. */
const LARGER = 2;

/**
 * How much larger (pt) it must be in the template's places for two texts beside the art: its texts
 * keep inheriting their places' boxes there, so nothing is lost but the room beside the art left empty.
 */
const LARGER_IN_PLACES = 1;

/** How near the theme's smallest body size (pt) a slide's text must be to count as shrunk to the floor. */
const FLOOR_SLACK = 0.5;

/**
 * The size (pt) most of the slides' body text is set at, on the slide where it is smallest: how far
 * the layout shrank the content (a legend or a column's heading band may be smaller on its own).
 */
function mainTextSize(slides: readonly LaidOutSlide[]): number {
  const sizes = slides.flatMap((s) => {
    const chars = new Map<number, number>();
    for (const e of s.elements) {
      if (e.type !== 'text' || (e.role ?? 'body') !== 'body') continue;
      const n = e.paragraphs.reduce((sum, p) => sum + p.runs.reduce((m, r) => m + r.text.length, 0), 0);
      chars.set(e.style.fontSize, (chars.get(e.style.fontSize) ?? 0) + n);
    }
    return chars.size > 0 ? [[...chars].reduce((a, b) => (b[1] > a[1] ? b : a))[0]] : [];
  });
  return sizes.length > 0 ? Math.min(...sizes) : Number.POSITIVE_INFINITY;
}

/** Builds that do not fit even at the smallest size are no option. */
function tried<T>(build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    if (error instanceof LayoutIssue) return undefined;
    throw error;
  }
}

/** `chosen`, or the slide laid out beside the template's art when its text is larger there at no more cost. */
function besideArt<T extends { slides: LaidOutSlide[] }>(page: Page, chosen: T, build: (page: Page) => T): T {
  const beside = page.template?.beside;
  // Only a slide whose text the full-width part shrank to the floor moves: each text set beside
  // the art leaves its place in the layout (PowerPoint's *Reset slide* no longer holds it), so the
  // deck keeps most of its texts in the template's places. A slide of no body text (a table, a
  // picture) keeps the full width its content is laid out for.
  if (!beside || mainTextSize(chosen.slides) > page.theme.sizes.minBody + FLOOR_SLACK) return chosen;
  // With the template's places for two texts above the art (as `body`), with those beside it (the
  // one the art cuts into narrower, its text standing in by its inset), and without them. Without
  // the places every text has a position of its own: a slide of more than two texts would keep too
  // few of the template's places (template-corpus wants 80 % of a deck's in place).
  const [inPlaces, withoutPlaces] = freePages(page, beside);
  const size = mainTextSize(chosen.slides);
  const places = besidePlaces(page, beside);
  const own = () => {
    const o = tried(() => build(withoutPlaces!));
    return o && ownTexts(o.slides) <= o.slides.length ? o : undefined;
  };
  const options = [
    { layout: () => tried(() => build(inPlaces!)), least: size + LARGER },
    { layout: () => (places ? tried(() => build(places)) : undefined), least: size + LARGER_IN_PLACES },
    { layout: own, least: size + LARGER },
  ];
  // The first that is larger at no more cost, in that order; each built only when asked (a layout is a
  // pure function of its page: building one the first option already beat gave nothing but its cost).
  for (const { layout, least } of options) {
    const o = layout();
    if (o && cost(o.slides) <= cost(chosen.slides) && mainTextSize(o.slides) >= least) return o;
  }
  return chosen;
}

export function onBodyOrFreeArea<T extends { slides: LaidOutSlide[] }>(page: Page, build: (page: Page) => T): T {
  const chosen = onBodyOrFree(page, build);
  return besideArt(page, chosen, build);
}

function onBodyOrFree<T extends { slides: LaidOutSlide[] }>(page: Page, build: (page: Page) => T): T {
  const free = page.template?.free;
  let onBody: T;
  try {
    onBody = build(page);
  } catch (error) {
    // Nothing of it fits the body place even at the smallest size: the free area (or the part beside the art) may hold it.
    if (!(error instanceof LayoutIssue)) throw error;
    const beside = page.template?.beside;
    if (!free && beside) return cheapest(undefined, freePages(page, beside).map(build));
    if (!free) throw error;
    return cheapest(undefined, freePages(page, free).map(build));
  }
  // One slide holding all of it: nothing to gain.
  if (!free || cost(onBody.slides) <= 4) return onBody;
  return cheapest(onBody, freePages(page, free).map(build));
}
