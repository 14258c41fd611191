/** A deck's schema (data/decks/*.yaml): its audience, meeting, slides, wording and distribution. */
import * as z from 'zod';
import {
  builtInSlides,
  deckKinds,
  type OwnSlideField,
  ownSlideKinds,
  type SlideOptionValues,
  strategyKinds,
} from '../kinds/index.js';
import { distributionSchema } from './distribution-schema.js';
import { imageRefSchema } from './image-ref.js';
import { id, isoDate, nonEmptyText } from './schema-helpers.js';
import { pointSchema } from './strategy-schema.js';

const slideCommon = {
  notes: z.string().optional().describe('Speaker notes for this slide in this deck (Handlebars).'),
  title: nonEmptyText.optional().describe('Overrides the slide title (Handlebars).'),
};

/** The choices the built-in kinds declare (`plan: mark`), as optional enum fields. */
const slideOptions = Object.fromEntries(
  strategyKinds.flatMap((k) =>
    Object.entries(k.options ?? {}).map(([key, o]) => [key, z.enum(o.values).optional().describe(o.description)]),
  ),
) as { [O in keyof SlideOptionValues]: z.ZodOptional<z.ZodEnum<{ [V in SlideOptionValues[O]]: V }>> };

const builtInSlideRefSchema = z.strictObject({
  slide: z.enum(builtInSlides),
  ...slideCommon,
  ...slideOptions,
});

/** The fields a deck's own slide may declare (kinds/kind.ts OwnSlideField); each kind names those it reads. */
const ownSlideFields = {
  intro: nonEmptyText.optional(),
  points: z.array(pointSchema).default([]),
  image: imageRefSchema.optional(),
} satisfies Record<OwnSlideField, z.ZodType>;

const usedFields = new Set(deckKinds.flatMap((k) => k.fields));

const customSlideSchema = z.strictObject({
  kind: z.enum(ownSlideKinds),
  ...slideCommon,
  title: nonEmptyText.describe('Slide title (Handlebars).'),
  ...(Object.fromEntries(
    Object.entries(ownSlideFields).filter(([key]) => usedFields.has(key as OwnSlideField)),
  ) as typeof ownSlideFields),
});

const slideRefSchema = z.union([z.enum(builtInSlides), builtInSlideRefSchema, customSlideSchema]);

export const deckSchema = z.strictObject({
  $schema: z.string().optional(),
  id: id.describe('File-name friendly id, e.g. "storledermote".'),
  title: nonEmptyText.optional().describe('Deck title; defaults to the strategy name.'),
  audience: z.strictObject({
    name: nonEmptyText.describe('Who the deck is for, e.g. "Ledere og tillitsvalgte".'),
    groups: z
      .array(id)
      .default([])
      .describe('Target-group ids of this audience: marked on the target-group and plan slides.'),
  }),
  meeting: z
    .strictObject({
      name: nonEmptyText,
      date: isoDate,
      place: nonEmptyText.optional(),
      presenter: nonEmptyText.optional(),
      planRow: id.optional().describe('Id of the action-plan row for this meeting.'),
    })
    .optional(),
  language: z
    .enum(['nb', 'nn', 'en'])
    .optional()
    .describe(
      "Labels, dates and the text's language tag; the strategy's texts in this language. Default: the strategy's language.",
    ),
  slides: z.array(slideRefSchema).min(1),
  wording: z
    .record(z.string(), z.string())
    .default({})
    .describe('Overrides of template texts by key, e.g. "plan.title".'),
  distribution: distributionSchema.optional(),
});

/** A deck as written; `language` is filled in from the strategy's when the deck does not give one (load-project.ts). */
export type Deck = Omit<z.output<typeof deckSchema>, 'language'> & { language: 'nb' | 'nn' | 'en' };
export type DeckData = z.output<typeof deckSchema>;
export type SlideRef = z.output<typeof slideRefSchema>;
