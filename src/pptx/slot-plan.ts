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
import type { Box, LaidOutSlide, SlideElement, TextElement } from '../layout/types.js';
import type { LayoutInfo, LayoutRole, PlaceholderInfo } from './master-set.js';

export const isBodyText = (e: SlideElement): e is TextElement =>
  e.type === 'text' && e.role !== 'title' && e.role !== 'footer';

export interface SlotChoice {
  role: LayoutRole;
  layout: LayoutInfo;
  /**
   * Per body text (in order): its slot, whether it takes the slot's box as its own, and whether
   * that box is taller than the text's (whose own box then is where it must read).
   */
  slots: { slot?: PlaceholderInfo; inherits: boolean; taller?: boolean }[];
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

/**
 * A top-anchored text Trappa placed at the top of its slot, as wide as the slot and no taller,
 * reads the same in the slot's whole box: it can inherit the box too (PowerPoint's *Reset
 * slide* then changes nothing). What else lies in the slot's box must lie below the text (a
 * template's footer or art that ends the content area above the slot's foot), and a text with
 * a fill of its own never takes a larger box (the fill would cover them).
 */
function fillsSlotTop(e: TextElement, slot: Box | undefined, others: SlideElement[]): boolean {
  if (!slot || (e.style.valign ?? 'top') !== 'top') return false;
  if (!sameBox({ ...e.box, h: slot.h }, slot) || e.box.h > slot.h + 0.02) return false;
  const bottom = e.box.y + e.box.h;
  const below = (o: SlideElement) => 'box' in o && o.box.y >= bottom - 0.01;
  if (e.fill && e.box.h < slot.h - 0.02) return false;
  return others.every((o) => o === e || !('box' in o) || overlap(o.box, slot) < 0.01 || below(o));
}

const within = (b: Box, size: { w: number; h: number }) =>
  b.x >= -0.01 && b.y >= -0.01 && b.x + b.w <= size.w + 0.01 && b.y + b.h <= size.h + 0.01;

/** The texts' slots in `layout`, and which take the slot's box (a slot reaching past the slide's edge never does). */
function slotsIn(slide: LaidOutSlide, texts: TextElement[], layout: LayoutInfo, role: LayoutRole, size: Box) {
  return assignSlots(texts, bodySlots(layout, role)).map((slot, i) => {
    const e = texts[i]!;
    const inside = slot?.box !== undefined && within(slot.box, size);
    const exact = sameBox(e.box, slot?.box);
    const inherits = inside && (exact || fillsSlotTop(e, slot?.box, slide.elements));
    return { slot, inherits, ...(inherits && !exact ? { taller: true } : {}) };
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
    const kept = slots.map(({ slot, inherits, taller }) =>
      template ? { slot, inherits, ...(taller ? { taller } : {}) } : { slot, inherits: false },
    );
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
