/**
 * The data field behind a laid-out element, for the TRAPPA_SOURCE tag on its shape
 * (pptx/source-tags.ts): elements a slide kind placed without a `source` get the field of
 * the part (kinds/<kind>.ts) they are, else the kind's own part of the strategy. The layout
 * names an element with the same part that reads the name back here, so the two cannot drift.
 */
import type { SourceLocation } from '../errors.js';
import { type KindDeclaration, kinds } from '../kinds/index.js';
import type { LaidOutSlide, SlideElement } from '../layout/types.js';
import type { DeckPlan, PlannedSlide } from '../plan/resolve-deck.js';

/** The field a part of the kind shows, read back from the element's name with the part's own template. */
function fieldOf(plan: DeckPlan, kind: KindDeclaration, name: string): SourceLocation | undefined {
  for (const part of Object.values(kind.parts)) {
    const arg = part.path && part.match(name);
    const path = arg !== undefined && part.path?.(arg, plan.strategy);
    if (path) return plan.locateStrategy([...path]);
  }
  return undefined;
}

/**
 * Records the slide kind and every text's source on each built slide: the title's, and for
 * texts, diagram nodes and tables that the kind left without one, the field named above, else
 * the kind's data (a deck's own slide: its entry in the deck file).
 */
export function withSources(
  plan: DeckPlan,
  slide: PlannedSlide,
  slides: LaidOutSlide[],
  title: SourceLocation | undefined,
): LaidOutSlide[] {
  const kind = kinds[slide.kind];
  const fallback = kind.origin === 'strategy' ? plan.locateStrategy([kind.data]) : slide.location;
  const sourced = (e: SlideElement): SlideElement => {
    if (e.type === 'text' && e.role === 'title') return !e.source && title ? { ...e, source: title } : e;
    if (e.type === 'text' || e.type === 'table' || (e.type === 'shape' && e.paragraphs)) {
      return e.source ? e : { ...e, source: fieldOf(plan, kind, e.name) ?? fallback };
    }
    return e;
  };
  return slides.map((s) => ({ ...s, kind: slide.kind, elements: s.elements.map(sourced) }));
}
