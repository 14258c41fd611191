/**
 * A deck's body cards alike (issue #20). Where a template's ground needs a card behind a body
 * text (Progress' lists across its grey band, Grey_Elegant's over its collage), each card was as
 * wide as its own text's lines: on Progress, Fjellregionen's «Kommunikasjonstrappa (framh.)»,
 * «(framh. 2)» and «(framh. 3)» stood on cards 6.2, 2.5 and 9.9 in wide, one slide after the
 * other from the same place (the two narrow ones 0.1 in further right: a card narrower than its
 * text's box gets no margin on the left, where it would cut into the box). Cards that change width
 * from slide to slide read as pasted on one by one, as titles that change size do
 * (layout/title-strokes.ts sets a series' titles at one size). So the cards of texts in one place
 * on the slide (the same box across it) take one span across the deck: from the leftmost card's
 * left edge to the rightmost's right edge, where the wider card keeps clear of everything else on
 * its slide; a card hemmed in keeps its own, and so does a figure's label.
 */
import { partRole } from '../kinds/index.js';
import type { Box, LaidOutSlide } from '../layout/types.js';
import type { ShapePlan, SlidePlan } from './slide-structure.js';
import { panelClear, textArea } from './text-panels.js';

/** Places whose panels are not body cards: titles (titles-alike.ts), the cover's subtitle, footers. */
const NOT_BODY = new Set(['title', 'ctrTitle', 'subTitle', 'ftr', 'sldNum', 'dt']);

interface Card {
  slide: number;
  shape: number;
  box: Box;
}

const isCard = (plan: ShapePlan): boolean => plan.panelBox !== undefined && !NOT_BODY.has(plan.placeholder?.type ?? '');

/** The place a card stands at: its element's box across the slide (inches, to a hundredth). */
const placeOf = ({ x, w }: Box): string => `${x.toFixed(2)} ${w.toFixed(2)}`;

/** From the leftmost card's left edge to the rightmost's right edge: a card with its margin and one without (hemmed in by its own text) line up. */
function span(cards: readonly Card[]): { x: number; right: number } {
  return {
    x: Math.min(...cards.map((c) => c.box.x)),
    right: Math.max(...cards.map((c) => c.box.x + c.box.w)),
  };
}

/** Everything on the slide a card must keep clear of: its other elements as drawn, and its other panels. */
function othersOn(slide: LaidOutSlide, plan: SlidePlan, shape: number): Box[] {
  const elements = slide.elements.flatMap((e, i) =>
    i === shape || plan.shapes[i]?.drop ? [] : [e.type === 'text' && !e.fill ? textArea(e) : e.box],
  );
  const panels = plan.shapes.flatMap((s, i) => (i !== shape && s.panelBox ? [s.panelBox] : []));
  return [...elements, ...panels];
}

/** The deck's plans with the body cards at one place made one width (`slides`: the laid-out slides planned). */
export function panelsAlike(plans: SlidePlan[], slides: readonly LaidOutSlide[], size: { w: number; h: number }) {
  const groups = new Map<string, Card[]>();
  plans.forEach((plan, slide) =>
    plan.shapes.forEach((s, shape) => {
      const e = slides[slide]!.elements[shape];
      // A figure's label (a legend over marked rows) belongs to its figure: its card stays as wide as
      // its line (on Candy and Focus the legend over the action plan's table took the lists' width).
      if (!isCard(s) || !e || partRole(e.name) === 'label') return;
      const key = placeOf(e.box);
      groups.set(key, [...(groups.get(key) ?? []), { slide, shape, box: s.panelBox! }]);
    }),
  );
  const wider = new Map<string, Box>();
  for (const cards of groups.values()) {
    const { x, right } = span(cards);
    for (const c of cards) {
      if (c.box.x <= x + 0.005 && c.box.x + c.box.w >= right - 0.005) continue;
      const box = { ...c.box, x, w: right - x };
      if (panelClear(box, othersOn(slides[c.slide]!, plans[c.slide]!, c.shape), size))
        wider.set(`${c.slide}/${c.shape}`, box);
    }
  }
  if (wider.size === 0) return plans;
  return plans.map((plan, i) => ({
    ...plan,
    shapes: plan.shapes.map((s, j) => {
      const box = wider.get(`${i}/${j}`);
      return box ? { ...s, panelBox: box } : s;
    }),
  }));
}
