/**
 * Which layout a slide uses and which of its body texts go into the layout's slots.
 *
 * Built-in design: the layout by the number of body texts, each text in the slot its box
 * covers best (the built-in layouts are made from the laid-out deck, so every text fits).
 *
 * An organisation's template: a body text takes a layout slot only where it stands in the
 * slot's own box (or fills its top, nothing else in it), so the slide inherits the box and
 * PowerPoint's *Reset slide* leaves it where it is. A text Trappa placed elsewhere is a body
 * placeholder of its own (an idx no layout has), which *Reset slide* does not move: no slot
 * pulls it onto another text (a Comparison's 0.5-in heading slot never gets a list). The
 * layout is the one whose slots take the most texts, with the fewest slots left empty.
 */
import type { Box, Insets, LaidOutSlide, SlideElement, TextElement } from '../layout/types.js';
import { EMU_PER_INCH } from '../units.js';
import type { LayoutInfo, LayoutRole, PlaceholderInfo } from './master-set.js';

export const isBodyText = (e: SlideElement): e is TextElement =>
  e.type === 'text' && e.role !== 'title' && e.role !== 'footer';

export interface SlotChoice {
  role: LayoutRole;
  layout: LayoutInfo;
  /**
   * Per body text (in order): its slot, whether it takes the slot's box as its own, whether that
   * box is larger than the text's (whose own box then is where it must read), and how far in
   * from the slot's sides the text then stands.
   */
  slots: { slot?: PlaceholderInfo; inherits: boolean; taller?: boolean; inset?: SlotInset }[];
}

function roleByCount(slide: LaidOutSlide, texts: number): LayoutRole {
  if (slide.kind === 'title') return 'title';
  return texts === 0 ? 'titleOnly' : texts === 1 ? 'content' : texts === 2 ? 'two' : 'comparison';
}

const numeric = (ph: PlaceholderInfo) => Number(ph.idx ?? 0);

/** The layout's placeholders that take body text, in idx order. */
function bodySlots(layout: LayoutInfo, role: LayoutRole): PlaceholderInfo[] {
  const types = role === 'title' ? ['subTitle', 'body', 'obj'] : ['obj', 'body'];
  return layout.placeholders
    .filter((p) => types.includes(p.type))
    .sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type) || numeric(a) - numeric(b));
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Each body text's slot: the free one its laid-out box covers best (intersection over union,
 * so a long list takes a Comparison's content slot, not the heading slot above it), else the
 * next free one in idx order.
 */
function assignSlots(texts: TextElement[], slots: PlaceholderInfo[]): (PlaceholderInfo | undefined)[] {
  const free = new Set(slots);
  return texts.map((t) => {
    let chosen: PlaceholderInfo | undefined;
    let bestFit = 0;
    for (const slot of free) {
      if (!slot.box) continue;
      const common = overlap(t.box, slot.box);
      const fit = common / (t.box.w * t.box.h + slot.box.w * slot.box.h - common || 1);
      if (fit > bestFit) [chosen, bestFit] = [slot, fit];
    }
    chosen ??= [...free][0];
    if (chosen) free.delete(chosen);
    return chosen;
  });
}

/** The laid-out box is where the layout puts the placeholder (within 0.02 in): the slide can inherit it. */
export const sameBox = (a: Box, b: Box | undefined) =>
  b !== undefined && [a.x - b.x, a.y - b.y, a.w - b.w, a.h - b.h].every((d) => Math.abs(d) < 0.02);

/** Inches a text Trappa placed inside its slot's box stands in from the slot's sides. */
export interface SlotInset {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const TOLERANCE = 0.02;

/** How far `box` stands in from each side of `outer`; undefined when it reaches out of it (beyond TOLERANCE). */
function insetWithin(box: Box, outer: Box): SlotInset | undefined {
  const inset = {
    left: box.x - outer.x,
    top: box.y - outer.y,
    right: outer.x + outer.w - (box.x + box.w),
    bottom: outer.y + outer.h - (box.y + box.h),
  };
  return Object.values(inset).some((d) => d < -TOLERANCE) ? undefined : inset;
}

/**
 * A title set inside its place: ending before the template's art (layout/content-area.ts
 * titleBesideArt) or kept on the bar its master draws inside the place (template/title-band.ts).
 * It inherits the place and writes only how far its text stands in from the place's sides.
 * Undefined when it reaches out of the place (beyond TOLERANCE), or has nothing to write.
 *
 * A side that reaches out of the place (within TOLERANCE) stands out as far, into the text's own
 * inset `own` (inches): its text keeps the frame the title was fitted in. Taken in to the place's
 * side, the frame the check measured was smaller than the fitter's (a title fitted in a content
 * layout's 0.953-in place, written on the title-only layout's 0.9375-in one: "needs 0.85 in, frame
 * 0.84 in" on every two-line title, 4 decks refused).
 */
export function titleInset(box: Box, place: Box | undefined, own: Insets): SlotInset | undefined {
  if (!place) return undefined;
  const inset = insetWithin(box, place);
  if (!inset) return undefined;
  // A box the same as its place (sameBox) stands in by nothing on the sides it does not reach out of.
  const same = sameBox(box, place);
  const side = (d: number, ownInset: number) => (d <= -HALF_EMU ? Math.max(-ownInset, d) : same ? 0 : Math.max(0, d));
  const out = {
    left: side(inset.left, own.left),
    top: side(inset.top, own.top),
    right: side(inset.right, own.right),
    bottom: side(inset.bottom, own.bottom),
  };
  return Object.values(out).some((d) => d !== 0) ? out : undefined;
}

/** Less than half an EMU (inches): the written insets round it away. */
const HALF_EMU = 0.5 / EMU_PER_INCH;

/**
 * A top-anchored text Trappa placed inside its slot's box (the content area keeps off art that
 * reaches into the slot from a side, or ends above the slot's foot) reads the same in the slot's
 * whole box with insets that put its text where it was laid out: it can inherit the box, and
 * writes only how far in its text stands. Whatever else lies in the slot's box must lie below
 * the text or within the text's own box, so that the text, put anywhere in the slot (PowerPoint's
 * *Reset slide*), covers nothing it did not; a text with a fill of its own never takes a larger
 * box (the fill would cover the slot's foot). Undefined: the text cannot take the slot.
 */
function insetInSlot(e: TextElement, slot: Box | undefined, others: SlideElement[]): SlotInset | undefined {
  if (!slot || (e.style.valign ?? 'top') !== 'top' || e.fill) return undefined;
  const b = e.box;
  const inset = insetWithin(b, slot);
  if (!inset) return undefined;
  const bottom = b.y + b.h;
  const fine = (o: SlideElement) =>
    o === e ||
    !('box' in o) ||
    overlap(o.box, slot) < 0.01 ||
    o.box.y >= bottom - 0.01 ||
    overlap(o.box, slot) <= overlap(o.box, b) + 0.01;
  if (!others.every(fine)) return undefined;
  const clamp = (d: number) => (d < TOLERANCE ? 0 : d);
  return { left: clamp(inset.left), top: clamp(inset.top), right: clamp(inset.right), bottom: clamp(inset.bottom) };
}

const within = (b: Box, size: { w: number; h: number }) =>
  b.x >= -0.01 && b.y >= -0.01 && b.x + b.w <= size.w + 0.01 && b.y + b.h <= size.h + 0.01;

/**
 * The texts' slots in `layout`, and which take the slot's box. A slot reaching past the slide's
 * edge (Progress's bodies run past its foot) is taken only by a text inside the slide that
 * stands in it at a place of its own (the text is drawn inside the slide).
 */
function slotsIn(slide: LaidOutSlide, texts: TextElement[], layout: LayoutInfo, role: LayoutRole, size: Box) {
  return assignSlots(texts, bodySlots(layout, role)).map((slot, i) => {
    const e = texts[i]!;
    const inside = slot?.box !== undefined && within(slot.box, size);
    if (inside && sameBox(e.box, slot?.box)) return { slot, inherits: true };
    const inset = within(e.box, size) ? insetInSlot(e, slot?.box, slide.elements) : undefined;
    if (!inset) return { slot, inherits: false };
    // A text at the top of its slot, as wide, needs no insets of its own (nothing lies beside it).
    const moved = inset.left > 0 || inset.top > 0 || inset.right > 0 || !inside;
    return { slot, inherits: true, taller: true, ...(moved ? { inset } : {}) };
  });
}

const CANDIDATES: LayoutRole[] = ['content', 'two', 'comparison', 'titleOnly'];

export function chooseSlots(
  slide: LaidOutSlide,
  layouts: Record<LayoutRole, LayoutInfo>,
  size: { w: number; h: number },
  template: boolean,
): SlotChoice {
  const texts = slide.elements.filter(isBodyText);
  const own = roleByCount(slide, texts.length);
  const area = { x: 0, y: 0, ...size };
  if (!template || own === 'title') {
    const slots = slotsIn(slide, texts, layouts[own], own, area);
    // The built-in design writes every box itself (its layouts are made from the laid-out deck).
    const kept = slots.map((s) => (template ? s : { slot: s.slot, inherits: false }));
    return { role: own, layout: layouts[own], slots: kept };
  }
  let best: (SlotChoice & { score: number }) | undefined;
  for (const role of [own, ...CANDIDATES.filter((r) => r !== own)]) {
    const layout = layouts[role];
    const found = slotsIn(slide, texts, layout, role, area);
    const placed = found.filter((s) => s.inherits).length;
    const empty = bodySlots(layout, role).length - placed;
    // Texts in slots first, then the fewest slots left empty; the role by count wins a tie.
    const score = placed * 100 - empty;
    const slots = found.map((s) => (s.inherits ? s : { inherits: false }));
    if (!best || score > best.score) best = { role, layout, slots, score };
  }
  const { score: _, ...choice } = best!;
  return choice;
}
