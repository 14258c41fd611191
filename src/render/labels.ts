/**
 * The fixed words of one language (templates/<lang>/labels.yaml): the schema is the one
 * source of the `Labels` type, for slides and e-mail alike (month and weekday names too).
 */
import * as z from 'zod';

export const labelsSchema = z
  .looseObject({
    language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a language tag like nb-NO'),
    months: z.array(z.string().min(1)).length(12, 'needs the twelve month names, January first'),
    weekdays: z.array(z.string().min(1)).length(7, 'needs the seven weekday names, Sunday first'),
    version: z.string().min(1),
    continued: z.string().min(1),
    longDate: z.string().includes('{day}').includes('{month}').includes('{year}').default('{day}. {month} {year}'),
    shortDate: z.string().includes('{day}').default('{day}.{m}.'),
    monthsShort: z.array(z.string().min(1)).length(12, 'needs the twelve short month names, January first').optional(),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));

export type Labels = z.output<typeof labelsSchema>;
