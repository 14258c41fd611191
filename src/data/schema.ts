/**
 * The data schemas: the single source of truth for what users write in data/.
 * TypeScript types are inferred from them; the JSON Schemas in schema/ are generated from them.
 * The schema follows the domain (a strategy, its staircase, target groups, action plan),
 * never slide geometry: where things go on a slide is the layout's business.
 */
export { type Deck, deckSchema, type SlideRef } from './deck-schema.js';
export {
  type PlanRow,
  type Point,
  type Strategy,
  strategySchema,
} from './strategy-schema.js';
export { type Theme, themeSchema } from './theme-schema.js';
