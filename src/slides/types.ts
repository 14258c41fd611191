/** What every slide kind receives, and what it must provide. */
import type { DeckPlan, PlannedSlide } from '../plan/resolve-deck.js';
import type { Page } from '../layout/page.js';
import type { LaidOutSlide } from '../layout/types.js';
import type { RenderText } from '../render/render-text.js';

export interface SlideInput {
  plan: DeckPlan;
  slide: PlannedSlide;
  page: Page;
  /** Renders a wording template by key ("plan.title"), honouring the deck's overrides. */
  text: RenderText;
  /** The slide's title: the deck's own title for this slide if it set one, else the template `key`. */
  title(key: string): string;
}

export interface SlideKind {
  /**
   * Lays the slide out. Returns several slides when the content continues
   * ("(forts.)"); notes and footers are added by the build afterwards.
   */
  build(input: SlideInput): LaidOutSlide[];
}
