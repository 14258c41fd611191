/**
 * The model's tasks label: set in the widest free gap between the arrows from the members,
 * else beside them or beside the joint body, where no shape lies under it.
 */
import { model } from '../kinds/model.js';
import type { Page } from '../layout/page.js';
import { fitBox, textHeight, textStyle } from '../layout/text-box.js';
import type { Box, Paragraph, SlideElement } from '../layout/types.js';

/** The clearance kept between the tasks label and the arrows, in inches. */
const CLEAR = 0.1;

export const centreX = (box: Box): number => box.x + box.w / 2;

interface Slot {
  box: Box;
  align: 'left' | 'center' | 'right';
}

/**
 * Where the tasks label may go, best first: the widest gap between two arrows
 * (nearest the middle on a tie), then beside the outer arrows, then beside the
 * joint body. None of them has a shape under it.
 */
export function labelSlots(band: Box, arrows: Box[], joint: Box, area: Box): Slot[] {
  const sorted = [...arrows].sort((a, b) => a.x - b.x);
  const mid = band.x + band.w / 2;
  const inner = sorted.slice(1).map((next, i): Slot => {
    const x = sorted[i]!.x + sorted[i]!.w + CLEAR;
    return { box: { ...band, x, w: next.x - CLEAR - x }, align: 'center' };
  });
  inner.sort(
    (a, b) => Math.round((b.box.w - a.box.w) * 100) || Math.abs(centreX(a.box) - mid) - Math.abs(centreX(b.box) - mid),
  );
  const first = sorted[0];
  const last = sorted.at(-1);
  const right = last ? last.x + last.w + CLEAR : band.x;
  const outer: Slot[] = [
    { box: { ...band, x: right, w: band.x + band.w - right }, align: 'left' },
    ...(first ? [{ box: { ...band, w: first.x - CLEAR - band.x }, align: 'right' } satisfies Slot] : []),
    { box: { ...joint, x: area.x, w: joint.x - CLEAR - area.x }, align: 'right' },
    { box: { ...joint, x: joint.x + joint.w + CLEAR, w: area.x + area.w - joint.x - joint.w - CLEAR }, align: 'left' },
  ];
  return [...inner, ...outer].filter((slot) => slot.box.w > 0.3);
}

/** The tasks label, measured into the first slot where it fits whole (a single word is never broken). */
export function tasksLabel(page: Page, text: string, slots: Slot[]): SlideElement | undefined {
  const { colors, sizes } = page.theme;
  const size = Math.max(sizes.minBody, 14);
  const paragraphs: Paragraph[] = [{ runs: [{ text, italic: true }] }];
  const oneLine = textHeight(paragraphs, textStyle(page, { size }), 100);
  for (const slot of slots) {
    const h = /\s/.test(text.trim()) ? slot.box.h : Math.min(slot.box.h, oneLine);
    const box = { ...slot.box, y: slot.box.y + (slot.box.h - h) / 2, h };
    // Narrow side insets: the label floats free, and gaps between many arrows are narrow.
    const style = textStyle(page, {
      size,
      color: colors.muted,
      align: slot.align,
      valign: 'middle',
      insets: { ...page.insets, left: 0.02, right: 0.02 },
    });
    const fitted = fitBox(page, {
      name: model.parts.tasksLabel.name(),
      box,
      paragraphs: [{ ...paragraphs[0]!, align: slot.align }],
      style,
    });
    if (fitted.fits) return fitted.element;
  }
  return undefined;
}
