/**
 * The registry of slide kinds: the one list every other list of kinds derives from.
 * Adding a kind: its declaration here (kinds/<name>.ts, one line below), its layout
 * (slides/<name>.ts, one line in slides/index.ts — a compile error until it is there), and its
 * wording in templates/<lang>/slides.yaml for every language (test/slide-kinds.test.ts).
 */
import { bullets } from './bullets.js';
import { commonParts } from './common-parts.js';
import { changes } from './changes.js';
import type { DeckKind, KindDeclaration, Language, OwnSlideField, StrategyKind } from './kind.js';
import { messages } from './messages.js';
import { model } from './model.js';
import type { Part, PartRole } from './part.js';
import { photo } from './photo.js';
import { plan } from './plan.js';
import { profile } from './profile.js';
import { staircase } from './staircase.js';
import { targetGroups } from './target-groups.js';
import { title } from './title.js';
import { whatWhy } from './what-why.js';

/** In the seed deck's order: the schema's enums and the Studio's choices list them so. */
const declarations = [
  title,
  staircase,
  whatWhy,
  model,
  targetGroups,
  profile,
  messages,
  plan,
  changes,
  bullets,
  photo,
] as const;

type Declared = (typeof declarations)[number];
export type SlideKindName = Declared['name'];
export type BuiltInSlide = Extract<Declared, { origin: 'strategy' }>['name'];
export type OwnSlideKind = Extract<Declared, { origin: 'deck' }>['name'];

/** Every kind by name, each with its own declaration's type (so `kinds.staircase.parts.step` is known). */
export const kinds = Object.fromEntries(declarations.map((k) => [k.name, k])) as {
  [N in SlideKindName]: Extract<Declared, { name: N }>;
};

const namesOf = <N extends string>(list: readonly KindDeclaration[]) =>
  list.map((k) => k.name) as unknown as readonly [N, ...N[]];

/** Slides drawn from the strategy itself (`slide:` in a deck). */
export const builtInSlides = namesOf<BuiltInSlide>(declarations.filter((k) => k.origin === 'strategy'));
/** Slides a deck writes itself (`kind:`). */
export const ownSlideKinds = namesOf<OwnSlideKind>(declarations.filter((k) => k.origin === 'deck'));

function kindOf(name: string): KindDeclaration | undefined {
  return (kinds as Record<string, KindDeclaration>)[name];
}

/** The built-in kinds, as their declarations. */
export const strategyKinds: readonly StrategyKind[] = declarations.filter(
  (k): k is StrategyKind & Declared => k.origin === 'strategy',
);
export const deckKinds: readonly DeckKind[] = declarations.filter((k): k is DeckKind & Declared => k.origin === 'deck');

/** The kinds that show a strategy field: where the Studio puts a message about that field. */
export function kindsShowing(field: string): SlideKindName[] {
  return strategyKinds
    .filter((k) => (k.shows as readonly string[]).includes(field))
    .map((k) => k.name as SlideKindName);
}

/** A kind's name in `language`, or the value itself when it names no kind. */
export function kindLabel(name: string, language: Language): string {
  return kindOf(name)?.label[language] ?? name;
}

/** Every declared part that has a role: the shared parts and each kind's own. */
const partsWithRoles: readonly Part[] = [
  ...Object.values(commonParts),
  ...declarations.flatMap((k) => Object.values(k.parts as Record<string, Part>)),
].filter((p) => p.role !== undefined);

/**
 * The role a shape named `name` was declared with ("Heading Tiltak" → heading, "Title rule" →
 * decoration), or undefined: how the check, the PDF's tags and the structure writer tell a
 * heading or decoration from other text, from the one declaration that also writes the name.
 */
export function partRole(name: string): PartRole | undefined {
  const trimmed = name.trim();
  return partsWithRoles.find((p) => p.match(trimmed) !== undefined)?.role;
}

type OptionsOf<K> = K extends { options: infer O } ? O : never;
type Intersected<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type AllOptions = Intersected<OptionsOf<Declared>>;
/** Every option a built-in kind declares, with the values it takes: `{ plan: 'all' | 'mark' | 'only' }`. */
export type SlideOptionValues = {
  [O in keyof AllOptions]: AllOptions[O] extends { values: readonly (infer V)[] } ? V : never;
};

export type { DeckKind, KindDeclaration, Language, OwnSlideField, PartRole, StrategyKind };
