/**
 * Trappa's own arrangement of a slide instead of the template's two places: only where it saves
 * more slides than it takes from the template's inheritance. As deck/free-area.ts weighs them, a
 * slide saved is worth four texts with a position of their own (each text besides the title of the
 * own arrangement has one, and so has a shape carrying words, such as a column's heading band, which
 * the template's places hold as a line of their text; texts in the template's places inherit theirs).
 */
import type { LaidOutSlide } from '../layout/types.js';

/** How many texts with a position of their own one slide less is worth. */
const SLIDE_WEIGHT = 4;

const ownTexts = (slides: readonly LaidOutSlide[]): number =>
  slides.reduce(
    (n, s) =>
      n + Math.max(0, s.elements.filter((e) => e.type === 'text' || (e.type === 'shape' && e.paragraphs)).length - 1),
    0,
  );

export function ownOrSlots(own: LaidOutSlide[], inSlots: LaidOutSlide[]): LaidOutSlide[] {
  return SLIDE_WEIGHT * (inSlots.length - own.length) > ownTexts(own) ? own : inSlots;
}
