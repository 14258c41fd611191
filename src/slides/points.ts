/** Turning data points (text, or text with sub-points) into list paragraphs. */
import type { Point } from '../data/schema.js';
import type { Paragraph } from '../layout/types.js';

/**
 * A point is a level-0 bullet, its sub-points level-1 bullets right after it; the level
 * is what keeps them together when a list is split across slides (paragraphGroups).
 */
export function pointParagraphs(points: Point[], spaceBefore = 6): Paragraph[] {
  return points.flatMap((point): Paragraph[] => {
    if (typeof point === 'string') return [{ runs: [{ text: point }], bullet: true, level: 0, spaceBefore }];
    return [
      { runs: [{ text: point.text }], bullet: true, level: 0, spaceBefore },
      ...point.sub.map((text): Paragraph => ({ runs: [{ text }], bullet: true, level: 1, spaceBefore: 2 })),
    ];
  });
}
