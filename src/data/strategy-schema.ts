/**
 * The strategy's schema (data/strategy.yaml): its staircase, messages, model, target
 * groups and action plan. The domain only, never slide geometry.
 */
import * as z from 'zod';
import { imageRefSchema } from './image-ref.js';
import { id, isoDate, nonEmptyText, version } from './schema-helpers.js';

/** A list item that may carry sub-points (one level), e.g. a profile statement with a qualification. */
export const pointSchema = z.union([
  nonEmptyText,
  z.strictObject({
    text: nonEmptyText.describe('The statement.'),
    sub: z.array(nonEmptyText).min(1).describe('Sub-points shown indented under the statement.'),
  }),
]);

const memberSchema = z.strictObject({
  id: id.describe('Short id used elsewhere in the data, e.g. "levanger".'),
  name: nonEmptyText.describe('Full name, e.g. "Levanger kommune".'),
  shortName: nonEmptyText.optional().describe('Short name used in running text, e.g. "Levanger".'),
  logo: imageRefSchema.optional().describe('Logo, relative to assets/.'),
});

const organisationSchema = z.strictObject({
  name: nonEmptyText.describe('The joint body, e.g. "Innherred Samkommune".'),
  shortName: nonEmptyText.optional().describe('Abbreviation, e.g. "ISK".'),
  logo: imageRefSchema.optional(),
  members: z.array(memberSchema).min(1).describe('The member municipalities that own the joint body.'),
  contact: z
    .strictObject({
      name: nonEmptyText,
      email: nonEmptyText.optional(),
      phone: nonEmptyText.optional(),
    })
    .optional()
    .describe('Who readers ask about the strategy.'),
});

const historyEntrySchema = z.strictObject({
  version: version,
  date: isoDate,
  changes: z.array(nonEmptyText).min(1).describe('What changed in this version, one line each.'),
});

const stepSchema = z.strictObject({
  question: nonEmptyText.describe('The step\'s question, e.g. "HVORFOR?".'),
  points: z.array(nonEmptyText).min(1).describe('What the step covers.'),
  outcome: nonEmptyText.optional().describe('What the step yields, shown above it, e.g. "Målretting".'),
});

const staircaseSchema = z.strictObject({
  base: nonEmptyText.describe('The foundation under all steps, e.g. "Bevissthet".'),
  steps: z.array(stepSchema).min(1).max(8).describe('The steps from bottom to top.'),
  top: z.array(nonEmptyText).min(1).describe('What the staircase leads to, e.g. [Målretting, Innhold, Handling].'),
  explanation: z.array(nonEmptyText).default([]).describe('Paragraphs explaining the model.'),
});

const mainMessageSchema = z.strictObject({
  what: nonEmptyText.describe('HVA? What the joint body is, in one sentence.'),
  why: nonEmptyText.describe('HVORFOR? Why it exists, in one sentence.'),
});

/** Text with `**…**` marking stressed words; the marks must come in pairs. */
const markedText = nonEmptyText.refine((text) => (text.match(/\*\*/g)?.length ?? 0) % 2 === 0, {
  error: 'a ** that starts stressed text has no closing **; write **stressed words** with a pair',
});

const modelSchema = z.strictObject({
  summary: nonEmptyText.describe('One or two sentences describing the arrangement.'),
  tasks: nonEmptyText.optional().describe('Label on the arrows from members to the joint body.'),
  services: z
    .array(nonEmptyText)
    .max(12)
    .default([])
    .describe(
      'The services the joint body runs for its members, e.g. [Barnevern, PPT]; drawn as boxes inside the joint body.',
    ),
  outcome: nonEmptyText.describe('What the joint body produces, and for whom.'),
  emphasis: markedText
    .optional()
    .describe('The key sentence; mark the words to stress with **…**, e.g. "**ISK ER ET VERKTØY** for å gi …".'),
});

const targetGroupSchema = z.strictObject({
  id: id,
  name: nonEmptyText,
  priority: z.enum(['high', 'other']).describe('"high" for the highest-priority groups.'),
});

const targetGroupsSchema = z.strictObject({
  period: nonEmptyText.optional().describe('When this prioritisation applies, e.g. "vinter 2004".'),
  groups: z
    .array(targetGroupSchema)
    .default([])
    .describe('The target groups; none yet is allowed (the slide says so).'),
});

const planRowSchema = z.strictObject({
  id: id.optional().describe('Id a deck uses to point at its meeting in the plan.'),
  audience: nonEmptyText.describe('Målgruppe: who the activity is for, as written in the plan.'),
  groups: z.array(id).default([]).describe('Target-group ids this row concerns (used to mark rows per audience).'),
  activity: nonEmptyText.describe('Aktivitet.'),
  purpose: nonEmptyText.optional().describe('Hensikt.'),
  responsible: nonEmptyText.optional().describe('Ansvar.'),
  date: isoDate.optional().describe('Tid, when it is one day; shown as "28.1.".'),
  dates: z.array(isoDate).optional().describe('Tid, when it is several days.'),
  when: nonEmptyText.optional().describe('Tid as free text ("Løpende", "Uke 4 (5)"); wins over date.'),
});

export const strategySchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: nonEmptyText.describe('Title of the strategy.'),
    language: z
      .enum(['nb', 'nn', 'en'])
      .default('nb')
      .describe(
        'The language the strategy is written in (nb, nn, en): the language of its decks unless a deck says otherwise. ' +
          'Any text may also be a map of translations, e.g. { nn: Barnevern, en: Child welfare }.',
      ),
    fallbackLanguage: z
      .enum(['nb', 'nn', 'en'])
      .optional()
      .describe(
        "Where a text has no translation in a deck's language, use this language's text (with a warning) instead of stopping.",
      ),
    version: version,
    date: isoDate.describe('Date of this version.'),
    status: z.enum(['draft', 'released']).default('draft').optional(),
    history: z.array(historyEntrySchema).default([]).describe('Earlier and current versions, oldest first.'),
    organisation: organisationSchema,
    staircase: staircaseSchema,
    mainMessage: mainMessageSchema,
    model: modelSchema,
    targetGroups: targetGroupsSchema,
    profile: z.array(pointSchema).min(1).describe('Profile statements: how the joint body presents itself.'),
    otherMessages: z.array(pointSchema).default([]).describe('Key messages besides the main message.'),
    actionPlan: z.array(planRowSchema).default([]).describe('Arbeidet med kommunikasjonsplan: activities.'),
    wording: z
      .record(z.string(), z.string())
      .default({})
      .describe(
        'Overrides of template texts for every deck of this strategy, e.g. "model.title"; a deck\'s own wording wins.',
      ),
  })
  .describe('A communication strategy.');

export type Strategy = z.output<typeof strategySchema>;
export type Point = z.output<typeof pointSchema>;
export type PlanRow = z.output<typeof planRowSchema>;
