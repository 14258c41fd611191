/**
 * The layout of each slide kind, by the name decks use for it. The names come from the
 * kinds' declarations (kinds/index.ts, which the schema's enums use); `satisfies` makes this
 * registry cover exactly that list, so a declared kind without a layout is a compile error.
 */
import type { SlideKindName } from '../kinds/index.js';
import { bulletsSlide, changesSlide, profileSlide } from './bullets.js';
import { messagesSlide } from './messages.js';
import { modelSlide } from './model.js';
import { photoSlide } from './photo.js';
import { planSlide } from './plan.js';
import { staircaseSlide } from './staircase.js';
import { targetGroupsSlide } from './target-groups.js';
import { titleSlide } from './title.js';
import type { SlideKind } from './types.js';
import { whatWhySlide } from './what-why.js';

export const slideKinds = {
  title: titleSlide,
  staircase: staircaseSlide,
  'what-why': whatWhySlide,
  model: modelSlide,
  'target-groups': targetGroupsSlide,
  profile: profileSlide,
  messages: messagesSlide,
  plan: planSlide,
  changes: changesSlide,
  bullets: bulletsSlide,
  photo: photoSlide,
} satisfies Record<SlideKindName, SlideKind>;

export function slideKind(name: SlideKindName): SlideKind {
  return slideKinds[name];
}
