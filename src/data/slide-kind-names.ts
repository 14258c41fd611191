/**
 * The names of the slide kinds: the one list the schema's enums are made from. The registry
 * in slides/index.ts must have exactly these keys (its `satisfies` makes a missing or an
 * extra kind a compile error), so the schema cannot accept a kind that nothing draws.
 */

/** Slides drawn from the strategy itself, in the seed deck's order. */
export const builtInSlides = [
  'title',
  'staircase',
  'what-why',
  'model',
  'target-groups',
  'profile',
  'messages',
  'plan',
  'changes',
] as const;

/** Slides a deck writes itself (`kind:` with its own title and points). */
export const customSlideKinds = ['bullets', 'photo'] as const;

type BuiltInSlide = (typeof builtInSlides)[number];
type CustomSlideKind = (typeof customSlideKinds)[number];
export type SlideKindName = BuiltInSlide | CustomSlideKind;
