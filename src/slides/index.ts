/** The slide kinds, by the name decks use for them. Adding a kind means adding it here and to the schema. */
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
} satisfies Record<string, SlideKind>;

export type SlideKindName = keyof typeof slideKinds;

export function slideKind(name: string): SlideKind {
  const kind = (slideKinds as Record<string, SlideKind>)[name];
  if (!kind) throw new Error(`unknown slide kind ${name}`);
  return kind;
}
