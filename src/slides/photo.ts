/**
 * A deck's own picture slide (kind: photo): the picture, with points beside it when there are any.
 * Points that do not fit beside the picture at the theme's floor continue on list
 * slides titled "… (forts.)".
 */
import { photo } from '../kinds/photo.js';
import type { Point } from '../data/schema.js';
import { columns, type Page } from '../layout/page.js';
import { fitBox, textStyle, titleElements, type FitRequest } from '../layout/text-box.js';
import type { Box, LaidOutSlide, SlideElement, TextElement } from '../layout/types.js';
import { layoutList } from './bullets.js';
import { pointParagraphs } from './points.js';
import type { SlideKind } from './types.js';

interface Split {
  /** Points beside the picture; absent when not even the first point fits there. */
  beside?: TextElement;
  /** Points that continue on list slides. */
  rest: Point[];
}

/** The points frame beside the picture, fitted at no more than `size` pt. */
const pointsRequest = (page: Page, box: Box, points: Point[], size: number): FitRequest => ({
  name: photo.parts.points.name(),
  box,
  paragraphs: pointParagraphs(points),
  style: textStyle(page, { size, valign: 'middle' }),
});

/** The most whole points (sub-points stay with their point) that fit `box` at `size` pt. */
function fittingCount(page: Page, box: Box, points: Point[], size: number): number {
  let count = 0;
  while (
    count < points.length &&
    fitBox(page, { ...pointsRequest(page, box, points.slice(0, count + 1), size), minSize: size }).fits
  )
    count++;
  return count;
}

/**
 * Too many points for the side column: as few slides as the floor size allows,
 * and within that, the largest size beside the picture, so the picture does not
 * sit beside a crammed column while the continuation has room to spare.
 */
function splitPoints(page: Page, box: Box, points: Point[], title: string): Split {
  const { body, minBody } = page.theme.sizes;
  const slidesFor = (count: number): number =>
    1 +
    (count < points.length ? layoutList(page, { title, items: pointParagraphs(points.slice(count)) }, 1).length : 0);
  const fewest = slidesFor(fittingCount(page, box, points, minBody));
  let size = body;
  let count = fittingCount(page, box, points, size);
  while (size > minBody && (count === 0 || slidesFor(count) > fewest)) {
    size = Math.max(minBody, size - 1);
    count = fittingCount(page, box, points, size);
  }
  const beside = count > 0 ? fitBox(page, pointsRequest(page, box, points.slice(0, count), size)).element : undefined;
  return { beside, rest: points.slice(count) };
}

export const photoSlide: SlideKind = {
  build(input) {
    const { page, slide } = input;
    const ref = slide.ref;
    const title = input.title('');
    const points = 'points' in ref ? ref.points : [];
    const image = 'image' in ref ? ref.image : undefined;
    const [picture, side] = points.length > 0 ? columns(page.body, [58, 42], 0.4) : [page.body];
    const elements: SlideElement[] = [...titleElements(page, title)];
    if (image && picture) {
      elements.push({
        type: 'pending-image',
        name: photo.parts.picture.name(),
        box: picture,
        ref: image,
        location: { ...slide.location, field: `${slide.location.field ?? 'slides'}.image` },
      });
    }
    let rest: Point[] = [];
    if (side) {
      const whole = fitBox(page, pointsRequest(page, side, points, page.theme.sizes.body));
      const split: Split = whole.fits ? { beside: whole.element, rest: [] } : splitPoints(page, side, points, title);
      if (split.beside) elements.push(split.beside);
      rest = split.rest;
    }
    const first: LaidOutSlide = { title, background: page.theme.colors.background, elements };
    if (rest.length === 0) return [first];
    return [first, ...layoutList(page, { title, items: pointParagraphs(rest) }, 1)];
  },
};
