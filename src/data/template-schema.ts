/** Schemas of the files in templates/<language>/: fixed labels and slide wording. */
import * as z from 'zod';
import { strategyKinds } from '../kinds/index.js';

export { labelsSchema } from '../render/labels.js';

const text = z.string();

/**
 * slides.yaml: for each slide, its named texts (each a Handlebars template). Every key a
 * built-in kind declares (kinds/<kind>.ts `wording`) is required, so a language that lacks
 * one is refused when the project loads, at that file and section, not when a deck is drawn;
 * the keys only an option uses (`optionWording`) may be missing until a deck asks for the option.
 */
export const slideWordingSchema = z
  .object(
    Object.fromEntries(
      strategyKinds.map((kind) => [
        kind.name,
        z
          .object({
            ...Object.fromEntries(kind.wording.map((key) => [key, text])),
            ...Object.fromEntries((kind.optionWording ?? []).map((key) => [key, text.optional()])),
          })
          .catchall(text),
      ]),
    ),
  )
  .catchall(z.record(z.string(), text));
