/** A deck's own picture slide (kind: photo): the picture, with points beside it when there are any. */
import { columns } from '../layout/page.js';
import { fitBox, textStyle, titleElements } from '../layout/text-box.js';
import type { LaidOutSlide, SlideElement } from '../layout/types.js';
import { pointParagraphs } from './points.js';
import type { SlideKind } from './types.js';

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
        type: 'pending-image', name: 'Picture', box: picture, ref: image,
        location: { ...slide.location, field: `${slide.location.field ?? 'slides'}.image` },
      });
    }
    if (side) {
      elements.push(fitBox(page, { name: 'Points', box: side, paragraphs: pointParagraphs(points), style: textStyle(page, { valign: 'middle' }) }).element);
    }
    return [{ title, background: page.theme.colors.background, elements } satisfies LaidOutSlide];
  },
};
