/**
 * What a slide kind declares about itself, in its own file under src/kinds/. Everything
 * else that depends on the list of kinds reads the registry (kinds/index.ts): the deck
 * schema's enums and fields, the layout registry (slides/index.ts, a compile error when a
 * kind has no layout), the source tags (deck/element-sources.ts), and the Studio's names
 * and slide matching. The wording keys are checked against every language's slides.yaml
 * by test/slide-kinds.test.ts, which names the file and the key that is missing.
 *
 * Declarations are plain data (no zod, no layout code), so the Studio's page can bundle them.
 */
import type { Part } from './part.js';

/** The languages Trappa has fixed words for (templates/<lang>/). */
export type Language = 'nb' | 'nn' | 'en';

/**
 * The strategy's top-level fields a slide can show. test/slide-kinds.test.ts checks each
 * is a field of the strategy schema (this folder sits below data/ and cannot import it).
 */
type StrategyField =
  | 'name'
  | 'version'
  | 'date'
  | 'organisation'
  | 'history'
  | 'staircase'
  | 'mainMessage'
  | 'model'
  | 'targetGroups'
  | 'profile'
  | 'otherMessages'
  | 'actionPlan';

/** Fields a deck's own slide may carry beside kind, title and notes; their schemas are in data/deck-schema.ts. */
export type OwnSlideField = 'intro' | 'points' | 'image';

/** A choice a deck may make for a built-in slide (`slide: plan` with `plan: mark`): an enum field. */
interface SlideOption {
  values: readonly [string, ...string[]];
  description: string;
}

interface KindBase {
  /** The name decks use (`slide: staircase`, `kind: bullets`). */
  name: string;
  /** The kind's name in the Studio, per language. */
  label: Record<Language, string>;
  /** The named parts the layout places, with the field each shows (kinds/part.ts). */
  parts: Record<string, Part>;
}

/** A slide drawn from the strategy itself, named in a deck by `slide:`. */
export interface StrategyKind extends KindBase {
  origin: 'strategy';
  /** The strategy field the slide draws from: the source of every text no part claims. */
  data: StrategyField;
  /** Every strategy field the slide shows: a message about one of them is shown on this slide in the Studio. */
  shows: readonly StrategyField[];
  /** The keys under `<name>:` in templates/<lang>/slides.yaml, in every language. */
  wording: readonly string[];
  /**
   * Keys only an option of the kind uses (`changes: since-sent`): in every bundled language, but
   * optional in a project's own templates/, so a project whose wording predates the option still
   * loads; a deck that asks for the option without them is told which key to add.
   */
  optionWording?: readonly string[];
  options?: Record<string, SlideOption>;
}

/** A slide a deck writes itself (`kind:` with its own title and points). */
export interface DeckKind extends KindBase {
  origin: 'deck';
  fields: readonly OwnSlideField[];
}

export type KindDeclaration = StrategyKind | DeckKind;

/** Keeps the literal name (for the `SlideKindName` union) while checking the declaration's shape. */
export const defineKind = <const K extends KindDeclaration>(kind: K): K => kind;
