/**
 * The slide kinds, by the name decks use for them. The names come from data/slide-kind-names.ts
 * (which the schema's enums use); `satisfies` makes this registry cover exactly that list.
 */
import type { SlideKindName } from '../data/slide-kind-names.js';
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
