/**
 * The data schemas: the single source of truth for what users write in data/.
 * TypeScript types are inferred from them; the JSON Schemas in schema/ are generated from them.
 * The schema follows the domain (a strategy, its staircase, target groups, action plan),
 * never slide geometry: where things go on a slide is the layout's business.
 */
import * as z from 'zod';
import { hexColor, id, isoDate, nonEmptyText, version } from './schema-helpers.js';
import { builtInSlides, customSlideKinds } from './slide-kind-names.js';
import { imageRefSchema } from './image-ref.js';
import { distributionSchema } from './distribution-schema.js';

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
export type TargetGroup = z.output<typeof targetGroupSchema>;

const fontSizesSchema = z.strictObject({
  title: z.number().min(10).max(80).default(32),
  subtitle: z.number().min(8).max(60).default(20),
  body: z.number().min(8).max(60).default(20),
  table: z.number().min(6).max(40).default(14),
  notesMin: z.number().optional(),
  /** Text is shrunk down to this size before it continues on a new slide. */
  minBody: z
    .number()
    .min(6)
    .max(40)
    .default(12)
    .describe('Smallest body size; below it text continues on a new slide.'),
  minTable: z.number().min(6).max(40).default(10),
});

/** Paths relative to assets/fonts/ (.ttf or .otf). */
const fontFilesSchema = z.strictObject({
  regular: nonEmptyText.describe('Regular face, relative to assets/fonts/, e.g. "FirmaSans-Regular.ttf".'),
  bold: nonEmptyText.describe('Bold face, relative to assets/fonts/.'),
  italic: nonEmptyText.optional().describe('Italic face; defaults to the regular one.'),
  boldItalic: nonEmptyText.optional().describe('Bold italic face; defaults to the bold one.'),
});

export const themeSchema = z.strictObject({
  $schema: z.string().optional(),
  colors: z.strictObject({
    primary: hexColor.describe('Main colour: titles, diagram steps, table header.'),
    secondary: hexColor.describe('Light companion of primary: panels, highlighted rows.'),
    accent: hexColor.describe('Accent: rules, markers.'),
    background: hexColor.default('FFFFFF'),
    text: hexColor.default('1F1F1F'),
    muted: hexColor.default('5A5A5A'),
    onPrimary: hexColor.default('FFFFFF').describe('Text on primary fills.'),
    highlight: hexColor.optional().describe("Fill marking the audience's own rows and groups."),
  }),
  fonts: z.strictObject({
    heading: nonEmptyText.default('Calibri'),
    body: nonEmptyText.default('Calibri'),
    files: z
      .record(z.string().trim().min(1, { error: 'font name must not be empty' }), fontFilesSchema)
      .optional()
      .describe("Files of each face other than Calibri, by face name, so text is measured with the font's own widths."),
  }),
  sizes: fontSizesSchema.prefault({}),
  template: nonEmptyText
    .optional()
    .describe(
      'The organisation\'s PowerPoint template (.potx or .pptx), relative to assets/, e.g. "templates/kommunen.potx": its masters, layouts, theme colours and fonts are used.',
    ),
  layouts: z
    .strictObject({
      title: nonEmptyText.optional().describe('Layout for the title slide; default "Title Slide" / "Tittellysbilde".'),
      content: nonEmptyText
        .optional()
        .describe('Layout for a title and one text; default "Title and Content" / "Tittel og innhold".'),
      two: nonEmptyText.optional().describe('Layout for two texts; default "Two Content" / "To innholdsdeler".'),
      comparison: nonEmptyText
        .optional()
        .describe('Layout for three or four texts; default "Comparison" / "Sammenligning".'),
      titleOnly: nonEmptyText
        .optional()
        .describe('Layout for tables and diagrams; default "Title Only" / "Bare tittel".'),
      section: nonEmptyText
        .optional()
        .describe('Layout for section headers; default "Section Header" / "Inndelingsoverskrift".'),
    })
    .optional()
    .describe("Names of the template's layouts, where they differ from PowerPoint's standard names."),
  sizeBudgetMB: z
    .number()
    .positive()
    .default(10)
    .describe('Largest deck, in MB, before the build fails (e-mail attachments).'),
  footer: z
    .strictObject({
      text: z
        .string()
        .optional()
        .describe('Handlebars template for the footer, e.g. "{{strategy.name}} · versjon {{version}}".'),
      slideNumbers: z.boolean().default(true),
      logo: z.boolean().default(true).describe('Show the organisation logo in the footer.'),
    })
    .prefault({}),
});

export type Theme = z.output<typeof themeSchema>;

const slideCommon = {
  notes: z.string().optional().describe('Speaker notes for this slide in this deck (Handlebars).'),
  title: nonEmptyText.optional().describe('Overrides the slide title (Handlebars).'),
};

const builtInSlideRefSchema = z.strictObject({
  slide: z.enum(builtInSlides),
  ...slideCommon,
  plan: z
    .enum(['all', 'mark', 'only'])
    .optional()
    .describe("Plan slide: show all rows, mark the audience's rows first, or only theirs."),
});

const customSlideSchema = z.strictObject({
  kind: z.enum(customSlideKinds),
  ...slideCommon,
  title: nonEmptyText.describe('Slide title (Handlebars).'),
  intro: nonEmptyText.optional(),
  points: z.array(pointSchema).default([]),
  image: imageRefSchema.optional(),
});

export const slideRefSchema = z.union([z.enum(builtInSlides), builtInSlideRefSchema, customSlideSchema]);

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
  language: z.enum(['nb', 'nn', 'en']).default('nb'),
  slides: z.array(slideRefSchema).min(1),
  wording: z
    .record(z.string(), z.string())
    .default({})
    .describe('Overrides of template texts by key, e.g. "plan.title".'),
  distribution: distributionSchema.optional(),
});

export type Deck = z.output<typeof deckSchema>;
export type SlideRef = z.output<typeof slideRefSchema>;
