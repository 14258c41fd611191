/** The theme's schema (data/theme.yaml): colours, fonts and their files, sizes, template, footer. */
import * as z from 'zod';
import { hexColor, nonEmptyText } from './schema-helpers.js';

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
      "The organisation's PowerPoint template (.potx or .pptx), relative to assets/, e.g. " +
        '"templates/kommunen.potx": its masters, layouts, theme colours and fonts are used.',
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
