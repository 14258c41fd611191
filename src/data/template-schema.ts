/** Schemas of the files in templates/<language>/: fixed labels and slide wording. */
import * as z from 'zod';

export const labelsSchema = z
  .looseObject({
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a language tag like nb-NO'),
    months: z.array(z.string().min(1)).length(12, 'needs the twelve month names, January first'),
    version: z.string().min(1),
    continued: z.string().min(1),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));

/** slides.yaml: for each slide, its named texts (each a Handlebars template). */
export const slideWordingSchema = z.record(z.string(), z.record(z.string(), z.string()));
