/**
 * Where a text's lines are across its frame: as wide as its widest line, placed by its
 * alignment. A text's colour is judged where its lines are (pptx/text-panels.ts when the
 * deck is made, check/rules/contrast.ts when it is checked), and a panel a text needs covers
 * its lines, not the empty rest of its box (Lights' right-aligned slide numbers sat on white
 * bars as wide as their boxes). The span is padded on both sides: the font a viewer draws
 * with may set the line a little wider than the measuring model does.
 */
import type { Box } from './types.js';

export type Alignment = 'left' | 'center' | 'right';

/** Room added on each side of the measured line, in inches, plus a share of its width. */
const PAD_INCHES = 0.1;
const PAD_SHARE = 0.08;

/**
 * The part of `inner` (a frame inside its insets) its lines take, `widest` inches wide, placed
 * by `align`; the whole of `inner` when the alignment is not known (paragraphs aligned
 * differently, or an alignment the frame inherits).
 */
export function lineSpan(inner: Box, widest: number, align: Alignment | undefined): Box {
  const w = Math.min(inner.w, widest * (1 + 2 * PAD_SHARE) + 2 * PAD_INCHES);
  if (!align || w >= inner.w) return inner;
  const x = align === 'left' ? inner.x : align === 'right' ? inner.x + inner.w - w : inner.x + (inner.w - w) / 2;
  return { ...inner, x, w };
}

/** The one alignment all of a text's paragraphs share, else undefined. */
export function sharedAlignment(aligns: Array<Alignment | undefined>): Alignment | undefined {
  const first = aligns[0];
  return first && aligns.every((a) => a === first) ? first : undefined;
}
